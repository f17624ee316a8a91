import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/check/findings.ts';
import { aLaterEvent, anEarlierEvent, anEnglishEvent, anEvent, check, EN_BODY, findingsOf, FR_BODY, mjml } from '../../support/campaign-builder.ts';

const RULE = 'topic.off';

const TITLE = anEvent().title as string;
const EARLIER_TITLE = anEarlierEvent().title as string;

/** The follow-up of the June webinar on remote work, with only the title turned into {{event.title}}. */
const COPIED_FROM_EARLIER = `<p>Bonjour {{recipient.firstName}},</p>
<p>Merci pour l'intérêt porté à notre webinaire « {{event.title}} ».</p>
<p>Nous avons vu comment équiper les agents en télétravail : une messagerie sécurisée, des outils collaboratifs pour le partage de documents,
l'authentification forte sur tous les accès distants et la sensibilisation des équipes aux tentatives d'hameçonnage.
Olivier a rappelé qu'un poste nomade se protège d'abord par le chiffrement du disque et des mises à jour régulières.</p>
<p>Vous trouverez ci-dessous la rediffusion et les supports.</p>`;

/** An English event copied from an English remote-work webinar the same way. */
function anEnglishEarlierEvent(): Record<string, unknown> {
  return anEarlierEvent({
    language: 'en',
    title: 'Remote work for public staff: collaboration tools and security',
    description: 'Equipping remote staff: messaging, sovereign video calls, document sharing, strong authentication and phishing awareness.',
    keywords: ['remote work', 'collaboration tools', 'strong authentication', 'phishing'],
  });
}

const COPIED_FROM_ENGLISH_EARLIER = `<p>Hello {{recipient.firstName}},</p>
<p>Thanks for your interest in "{{event.title}}".</p>
<p>We covered how to equip remote staff: secure messaging, collaboration tools for document sharing, strong authentication
on every remote access and phishing awareness for your teams. Laptops used from home need disk encryption and regular updates.</p>
<p>The recording and the slides are below.</p>`;

const ENGLISH = { event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' } };

function theOnlyFinding(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('topic.off blocks a message that is about another webinar', () => {
  it('blocks a French body copied from an earlier webinar with only {{event.title}} updated', async () => {
    // Prepare
    const template = mjml(COPIED_FROM_EARLIER);

    // Act
    const report = await check({ template, catalog: [anEarlierEvent(), aLaterEvent()] });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.found).toContain(EARLIER_TITLE);
    expect(finding.expected).toContain(TITLE);
    expect(finding.recipients).toBe(3);
    expect(report.verdict).toBe('blocked');
  });

  it('blocks an English body copied from an earlier webinar with only {{event.title}} updated', async () => {
    // Prepare
    const template = mjml(COPIED_FROM_ENGLISH_EARLIER, { language: 'en' });
    const earlier = anEnglishEarlierEvent();

    // Act
    const report = await check({ ...ENGLISH, template, catalog: [earlier] });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.found).toContain(earlier.title as string);
    expect(finding.expected).toContain(anEnglishEvent().title as string);
    expect(finding.recipients).toBe(3);
  });

  it('blocks the same copied body when there is no catalogue, because it shares nothing with this event', async () => {
    // Prepare
    const template = mjml(COPIED_FROM_EARLIER);

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain(TITLE);
    expect(finding.recipients).toBe(3);
  });

  it('blocks the copied English body when there is no catalogue', async () => {
    // Prepare
    const template = mjml(COPIED_FROM_ENGLISH_EARLIER, { language: 'en' });

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain(anEnglishEvent().title as string);
    expect(finding.recipients).toBe(3);
  });

  it('blocks only the no-shows when only their branch was copied from the earlier webinar', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à « {{event.title}} ». Vos questions sur l'audit RGAA, l'échantillon de pages, la grille d'audit, le taux de conformité et la déclaration d'accessibilité ont nourri les échanges.</p>
{{else}}<p>Nous avons vu comment équiper les agents en télétravail : une messagerie sécurisée, des outils collaboratifs pour le partage de documents,
l'authentification forte sur tous les accès distants et la sensibilisation des équipes aux tentatives d'hameçonnage.
Un poste nomade se protège d'abord par le chiffrement du disque et des mises à jour régulières.</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body), catalog: [anEarlierEvent()] });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.recipients).toBe(1);
    expect(finding.examples).toEqual(['maelle.guillot@departement-val-morin.fr']);
  });
});

describe('topic.off accepts messages about this webinar', () => {
  it('accepts a clean follow-up that also announces a later catalogue webinar by its title', async () => {
    // Prepare
    const template = mjml(`${FR_BODY}
<p>Notre prochain rendez-vous, « Schéma pluriannuel d'accessibilité : planifier sur trois ans », aura lieu le jeudi 21 janvier 2027 à 14 h.
<a href="https://www.numerique-territoires.fr/agenda/schema-pluriannuel">Inscrivez-vous</a>.</p>`);

    // Act
    const report = await check({ template, catalog: [anEarlierEvent(), aLaterEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts a very short generic French follow-up', async () => {
    // Prepare
    const template = mjml('<p>Bonjour {{recipient.firstName}},</p>\n<p>Merci, voici le replay.</p>');

    // Act
    const report = await check({ template, catalog: [anEarlierEvent(), aLaterEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts a very short generic English follow-up', async () => {
    // Prepare
    const template = mjml('<p>Hello {{recipient.firstName}},</p>\n<p>Thanks, here is the recording.</p>', { language: 'en' });

    // Act
    const report = await check({ ...ENGLISH, template, catalog: [anEnglishEarlierEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts a French body about this webinar written in other words than its description', async () => {
    // Prepare
    const template = mjml(`<p>Bonjour {{recipient.firstName}},</p>
<p>Vous trouverez ci-dessous l'enregistrement de notre séance consacrée à l'évaluation de la conformité des sites des collectivités
aux règles d'accessibilité : comment choisir les pages à tester, vérifier chaque critère, calculer le score obtenu,
puis publier la déclaration et programmer les corrections sur plusieurs années.</p>
<p>Nadège Brunel a insisté sur l'importance d'impliquer les rédacteurs et les développeurs dès le début de la démarche.</p>`);

    // Act
    const report = await check({ template, catalog: [anEarlierEvent(), aLaterEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts an English body about this webinar written in other words than its description', async () => {
    // Prepare
    const template = mjml(
      `<p>Hello {{recipient.firstName}},</p>
<p>Below is the recording of our session on checking whether a council website meets the accessibility rules: how to choose
the pages to test, go through each criterion, work out the compliance score, then publish the statement and schedule the fixes
over several years.</p>
<p>Nadège Brunel stressed that editors and developers should be involved from the very start.</p>`,
      { language: 'en' },
    );

    // Act
    const report = await check({ ...ENGLISH, template, catalog: [anEnglishEarlierEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts the default French and English follow-ups next to a catalogue', async () => {
    // Prepare
    const french = { template: mjml(FR_BODY), catalog: [anEarlierEvent(), aLaterEvent()] };
    const english = { ...ENGLISH, template: mjml(EN_BODY, { language: 'en' }), catalog: [anEnglishEarlierEvent()] };

    // Act
    const reports = [await check(french), await check(english)];

    // Assess
    for (const report of reports) expect(findingsOf(report, RULE)).toEqual([]);
  });
});
