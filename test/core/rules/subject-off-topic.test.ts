import { describe, expect, it } from 'vitest';
import { anEnglishEvent, anEvent, check, findingsOf, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

const EVERYONE = THREE_RECIPIENTS.map((r) => r.email);
const FRENCH_TITLE = "Accessibilité numérique : réussir l'audit RGAA de son site public";

/** The French event with keywords that none of the subjects below contain unless the test says so. */
function anEventWithKeywords(keywords: string[]): Record<string, unknown> {
  return anEvent({ keywords });
}

describe('subject.off-topic warns about a subject that does not name the event', () => {
  it('warns about a French subject naming neither the title nor a keyword', async () => {
    // Prepare
    const draft = { subject: 'Merci pour votre participation !' };

    // Act
    const report = await check({ draft });

    // Assess
    const findings = findingsOf(report, 'subject.off-topic');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3, examples: EVERYONE });
    expect(findings[0]!.found).toContain('Merci pour votre participation !');
    expect(findings[0]!.expected).toContain(FRENCH_TITLE);
    expect(findings[0]!.expected).toContain('RGAA');
  });

  it('warns about an English subject naming neither the title nor a keyword', async () => {
    // Prepare
    const draft = { subject: 'Thanks for joining us today!' };

    // Act
    const report = await check({ event: anEnglishEvent(), draft });

    // Assess
    const findings = findingsOf(report, 'subject.off-topic');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain('Thanks for joining us today!');
    expect(findings[0]!.expected).toContain('Web accessibility: passing your first audit');
  });

  it('warns about a subject that names another event’s title', async () => {
    // Prepare
    const draft = { subject: 'Replay – Télétravail des agents : outils collaboratifs et sécurité' };

    // Act
    const report = await check({ draft });

    // Assess
    const findings = findingsOf(report, 'subject.off-topic');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain('Télétravail des agents');
  });

  it('warns about a subject that shares only a common word with the title', async () => {
    // Prepare: « site » and « public » appear in the title but name nothing on their own
    const draft = { subject: 'Nouveautés du site public de la Mission' };

    // Act
    const report = await check({ event: anEventWithKeywords(['RGAA']), draft });

    // Assess
    const findings = findingsOf(report, 'subject.off-topic');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
  });
  it('warns about a subject where a keyword appears only inside a longer word', async () => {
    // Prepare
    const draft = { subject: 'Notre auditorium vous accueille à nouveau' };

    // Act
    const report = await check({ event: anEventWithKeywords(['audit']), draft });

    // Assess
    const findings = findingsOf(report, 'subject.off-topic');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
  });
});

describe('subject.off-topic does not warn about a subject that names the event', () => {
  it('accepts the title written in capitals and without accents', async () => {
    // Prepare
    const draft = { subject: "Replay : ACCESSIBILITE NUMERIQUE : REUSSIR L'AUDIT RGAA DE SON SITE PUBLIC" };

    // Act
    const report = await check({ event: anEventWithKeywords(['schéma pluriannuel']), draft });

    // Assess
    expect(findingsOf(report, 'subject.off-topic')).toEqual([]);
  });

  it('accepts the title with typographic apostrophe and lower case', async () => {
    // Prepare
    const draft = { subject: 'accessibilité numérique : réussir l’audit rgaa de son site public – les supports' };

    // Act
    const report = await check({ event: anEventWithKeywords(['schéma pluriannuel']), draft });

    // Assess
    expect(findingsOf(report, 'subject.off-topic')).toEqual([]);
  });

  it('accepts a subject that names only one keyword', async () => {
    // Prepare
    const draft = { subject: 'Votre replay sur la déclaration d’accessibilité est disponible' };

    // Act
    const report = await check({ event: anEventWithKeywords(['RGAA', "déclaration d'accessibilité"]), draft });

    // Assess
    expect(findingsOf(report, 'subject.off-topic')).toEqual([]);
  });

  it('accepts "[Replay] " followed by the title', async () => {
    // Prepare
    const draft = { subject: '[Replay] {{event.title}}' };

    // Act
    const report = await check({ event: anEventWithKeywords([]), draft });

    // Assess
    expect(findingsOf(report, 'subject.off-topic')).toEqual([]);
  });

  it('accepts the title’s main part before « : »', async () => {
    // Prepare
    const draft = { subject: 'Accessibilité numérique – le replay est en ligne' };

    // Act
    const report = await check({ event: anEventWithKeywords(['RGAA']), draft });

    // Assess
    expect(findingsOf(report, 'subject.off-topic')).toEqual([]);
  });

  it('accepts an English subject with the title’s main part in another case', async () => {
    // Prepare
    const draft = { subject: 'Recording: WEB ACCESSIBILITY, one week later' };

    // Act
    const report = await check({ event: anEnglishEvent({ keywords: ['compliance rate'] }), draft });

    // Assess
    expect(findingsOf(report, 'subject.off-topic')).toEqual([]);
  });

  it('accepts an English subject naming only a keyword', async () => {
    // Prepare
    const draft = { subject: 'Your accessibility statement questions, answered' };

    // Act
    const report = await check({ event: anEnglishEvent({ keywords: ['accessibility statement'] }), draft });

    // Assess
    expect(findingsOf(report, 'subject.off-topic')).toEqual([]);
  });

  it('accepts "[Replay] " followed by an English title', async () => {
    // Prepare
    const draft = { subject: '[Replay] Web accessibility: passing your first audit' };

    // Act
    const report = await check({ event: anEnglishEvent({ keywords: [] }), draft });

    // Assess
    expect(findingsOf(report, 'subject.off-topic')).toEqual([]);
  });
});
