import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/check/findings.ts';
import { fold } from '../../../src/core/text/fold.ts';
import { anEnglishEvent, check, EN_BODY, findingsOf, FR_BODY, mjml } from '../../support/campaign-builder.ts';

const RULE = 'segment.mismatch';

const NO_SHOW = 'maelle.guillot@departement-val-morin.fr';
const ATTENDEES = ['helene.dumas@ville-saint-amand.fr', 'loic.bertrand@agglo-trois-vallees.fr'];

const ENGLISH = { event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' } };

function french(paragraph: string): string {
  return mjml(`<p>Bonjour {{recipient.firstName}},</p>
<p>${paragraph}</p>
<p>Le replay présente l'audit RGAA, la grille d'audit, le taux de conformité et la déclaration d'accessibilité.</p>`);
}

function english(paragraph: string): string {
  return mjml(
    `<p>Hello {{recipient.firstName}},</p>
<p>${paragraph}</p>
<p>The recording explains the audit grid, the compliance rate and the accessibility statement.</p>`,
    { language: 'en' },
  );
}

/** The default campaign of that language with this paragraph for everyone. */
function inLanguage(language: string, paragraph: string) {
  return language === 'en' ? { ...ENGLISH, template: english(paragraph) } : { template: french(paragraph) };
}

function theOnlyFinding(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('segment.mismatch blocks thanks sent to no-shows and "you missed it" sent to attendees', () => {
  it('blocks a French "merci d\'avoir participé" sent to everyone: the no-show is affected', async () => {
    // Prepare
    const template = french("Merci d'avoir participé à notre webinaire « {{event.title}} » du {{event.date}}.");

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(fold(finding.found)).toContain("merci d'avoir participe");
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual([NO_SHOW]);
    expect(report.verdict).toBe('blocked');
  });

  it('blocks the same thanks written with soft hyphens and a zero-width space pasted from a word processor', async () => {
    // Prepare
    const template = french("Merci d’avoir par&shy;ti&shy;ci&shy;pé\u200b à notre webinaire « {{event.title}} ».");

    // Act
    const report = await check({ template });

    // Assess
    expect(theOnlyFinding(findingsOf(report, RULE))).toMatchObject({ severity: 'block', recipients: 1, examples: [NO_SHOW] });
  });

  it('blocks a French "nous vous remercions de votre participation" sent to everyone: the no-show is affected', async () => {
    // Prepare
    const template = french('Nous vous remercions de votre participation à notre webinaire « {{event.title}} ».');

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(fold(finding.found)).toContain('remercions');
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual([NO_SHOW]);
  });

  it('blocks a French "vous n\'avez pas pu assister" sent to everyone: the attendees are affected', async () => {
    // Prepare
    const template = french("Vous n'avez pas pu assister à notre webinaire du {{event.date}} : voici de quoi le rattraper.");

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(fold(finding.found)).toContain("n'avez pas pu assister");
    expect(finding.recipients).toBe(2);
    expect([...finding.examples].sort()).toEqual(ATTENDEES);
  });

  it('blocks an English "thank you for attending" sent to everyone: the no-show is affected', async () => {
    // Prepare
    const template = english('Thank you for attending "{{event.title}}" on {{event.date}}.');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(fold(finding.found)).toContain('thank you for attending');
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual([NO_SHOW]);
  });

  it('blocks an English "sorry you missed it" sent to everyone: the attendees are affected', async () => {
    // Prepare
    const template = english('Sorry you missed "{{event.title}}" on {{event.date}}; here is how to catch up.');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(fold(finding.found)).toContain('you missed');
    expect(finding.recipients).toBe(2);
    expect([...finding.examples].sort()).toEqual(ATTENDEES);
  });

  it('reports both directions when a message thanks everyone and also tells everyone they missed it', async () => {
    // Prepare
    const template = french("Merci pour votre participation. Nous ne vous avons pas vu lors du direct, le replay est en ligne.");

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, RULE);
    expect(findings).toHaveLength(2);
    const thanks = findings.find((f) => fold(f.found).includes('participation'));
    const missed = findings.find((f) => fold(f.found).includes('pas vu'));
    expect(thanks?.recipients).toBe(1);
    expect(thanks?.examples).toEqual([NO_SHOW]);
    expect(missed?.recipients).toBe(2);
    expect([...(missed?.examples ?? [])].sort()).toEqual(ATTENDEES);
  });

  it('blocks thanks for attending written in the subject', async () => {
    // Prepare
    const draft = { subject: 'Merci de votre participation – {{event.title}}' };

    // Act
    const report = await check({ draft });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual([NO_SHOW]);
  });

  it('blocks thanks for attending in the plain-text body even when the HTML branches correctly', async () => {
    // Prepare
    const text = `Hello {{recipient.firstName}},

Thanks for joining us on {{event.date}}! The recording: {{event.links.replay}}

Unsubscribe: {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ ...ENGLISH, template: mjml(EN_BODY, { language: 'en' }), text });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual([NO_SHOW]);
  });
});

describe('segment.mismatch accepts wording that fits each recipient', () => {
  it('accepts French and English bodies branched with {{#if recipient.attended}}', async () => {
    // Prepare
    const frenchCampaign = { template: mjml(FR_BODY) };
    const englishCampaign = { ...ENGLISH, template: mjml(EN_BODY, { language: 'en' }) };

    // Act
    const reports = [await check(frenchCampaign), await check(englishCampaign)];

    // Assess
    for (const report of reports) expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts unconditional thanks when the audience is attendees only', async () => {
    // Prepare
    const template = french("Merci d'avoir participé à notre webinaire « {{event.title}} » du {{event.date}}.");

    // Act
    const report = await check({ template, draft: { audience: 'attendees' } });

    // Assess
    expect(report.recipients.selected).toBe(2);
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts an unconditional "you missed it" when the audience is no-shows only', async () => {
    // Prepare
    const template = english('Sorry you missed "{{event.title}}" on {{event.date}}; here is how to catch up.');

    // Act
    const report = await check({ ...ENGLISH, template, draft: { ...ENGLISH.draft, audience: 'no-shows' } });

    // Assess
    expect(report.recipients.selected).toBe(1);
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it.each([
    ['Thanks for spending your lunchtime with us!', 'en'],
    ['Thanks for all your questions in the chat.', 'en'],
    ['Merci de nous avoir consacré une heure de votre matinée.', 'fr'],
    ['Merci pour vos questions dans le chat.', 'fr'],
  ])('blocks thanks that only an attendee deserves, sent to everyone: %s', async (paragraph, language) => {
    // Act
    const report = await check(inLanguage(language, paragraph));

    // Assess
    expect(theOnlyFinding(findingsOf(report, RULE)).examples).toEqual([NO_SHOW]);
  });

  it.each([
    ['Thanks for spending a few minutes on our survey.', 'en'],
    ['Thanks for your questions: send them to the organiser before the next session.', 'en'],
    ['Merci de nous avoir consacré quelques minutes pour le questionnaire d’inscription.', 'fr'],
  ])('accepts thanks that do not say the reader attended: %s', async (paragraph, language) => {
    // Act
    const report = await check(inLanguage(language, paragraph));

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it.each([
    "Si vous n'avez pas pu assister au webinaire du {{event.date}}, le replay est disponible.",
    'Que vous ayez pu assister ou non au webinaire, voici le replay.',
    "Pour celles et ceux qui n'ont pas pu se connecter, le replay est disponible.",
    "Au cas où vous n'auriez pas pu être des nôtres, le replay est en ligne.",
  ])('accepts French conditional wording sent to everyone: %s', async (paragraph) => {
    // Prepare
    const template = french(paragraph);

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it.each([
    'If you missed it, the recording of "{{event.title}}" is online.',
    "In case you couldn't make it, here is the recording.",
    'Whether or not you attended, the recording is now online.',
    'Whether you attended or not, we would love your feedback.',
  ])('accepts English conditional wording sent to everyone: %s', async (paragraph) => {
    // Prepare
    const template = english(paragraph);

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
