import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/check/findings.ts';
import { aLaterEvent, anEarlierEvent, anEnglishEvent, anEvent, check, EN_BODY, findingsOf, FR_BODY, mjml } from '../../support/campaign-builder.ts';

const RULE = 'link.mismatch';

const OWN = anEvent().links as Record<string, string>;
const EARLIER = anEarlierEvent().links as Record<string, string>;

const ENGLISH = { event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' } };

function theOnlyFinding(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('link.mismatch blocks a replay, slides or survey link that leads elsewhere', () => {
  it('blocks a "Voir le replay" button that leads to the event\'s slides', async () => {
    // Prepare
    const template = mjml(FR_BODY, {
      buttons: `<mj-button href="{{event.links.slides}}">Voir le replay</mj-button>
        <mj-button href="{{event.links.survey}}">Répondre au questionnaire</mj-button>`,
    });

    // Act
    const report = await check({ template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain(OWN.replay);
    expect(finding.found).toContain(OWN.slides);
    expect(finding.recipients).toBe(3);
    expect(report.verdict).toBe('blocked');
  });

  it('blocks a "Télécharger les supports" button that leads to an earlier event\'s slides', async () => {
    // Prepare
    const template = mjml(FR_BODY, {
      buttons: `<mj-button href="{{event.links.replay}}">Voir le replay</mj-button>
        <mj-button href="${EARLIER.slides}">Télécharger les supports</mj-button>`,
    });

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain(OWN.slides);
    expect(finding.found).toContain(EARLIER.slides);
    expect(finding.recipients).toBe(3);
  });

  it('blocks a "Watch the recording" button that leads to an earlier event\'s replay', async () => {
    // Prepare
    const template = mjml(EN_BODY, {
      language: 'en',
      buttons: `<mj-button href="${EARLIER.replay}">Watch the recording</mj-button>
        <mj-button href="{{event.links.slides}}">Download the slides</mj-button>`,
    });

    // Act
    const report = await check({ ...ENGLISH, template, catalog: [anEarlierEvent()] });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain(OWN.replay);
    expect(finding.found).toContain(EARLIER.replay);
    expect(finding.recipients).toBe(3);
  });

  it('blocks a "Take the survey" button that leads to the event\'s registration page', async () => {
    // Prepare
    const template = mjml(EN_BODY, {
      language: 'en',
      buttons: `<mj-button href="{{event.links.replay}}">Watch the recording</mj-button>
        <mj-button href="{{event.links.registration}}">Take the survey</mj-button>`,
    });

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain(OWN.survey);
    expect(finding.found).toContain(OWN.registration);
    expect(finding.recipients).toBe(3);
  });

  it('blocks a "Take the survey" link in the text that leads to an earlier event\'s survey, for the attendees who read it', async () => {
    // Prepare
    const body = `<p>Hello {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Thank you for attending "{{event.title}}". Your view on the audit grid matters: <a href="${EARLIER.survey}">take the survey</a>.</p>
{{else}}<p>Sorry you could not join "{{event.title}}". The recording explains the audit grid, the compliance rate and the accessibility statement.</p>{{/if}}`;

    // Act
    const report = await check({ ...ENGLISH, template: mjml(body, { language: 'en' }), catalog: [anEarlierEvent()] });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.expected).toContain(OWN.survey);
    expect(finding.found).toContain(EARLIER.survey);
    expect(finding.recipients).toBe(2);
    expect(finding.examples.sort()).toEqual(['helene.dumas@ville-saint-amand.fr', 'loic.bertrand@agglo-trois-vallees.fr']);
  });

  it('blocks a "Replay : URL" line of the French plain-text body that gives an earlier event\'s replay', async () => {
    // Prepare
    const text = `Bonjour {{recipient.firstName}},

Replay : ${EARLIER.replay}
Supports : {{event.links.slides}}

Se désinscrire : {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ text, catalog: [anEarlierEvent()] });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.severity).toBe('block');
    expect(finding.expected).toContain(OWN.replay);
    expect(finding.found).toContain(EARLIER.replay);
    expect(finding.recipients).toBe(3);
  });

  it('blocks a "Survey: URL" line of the English plain-text body that gives the replay', async () => {
    // Prepare
    const text = `Hello {{recipient.firstName}},

Recording: {{event.links.replay}}
Survey: {{event.links.replay}}

Unsubscribe: {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ ...ENGLISH, text });

    // Assess
    const finding = theOnlyFinding(findingsOf(report, RULE));
    expect(finding.expected).toContain(OWN.survey);
    expect(finding.found).toContain(OWN.replay);
    expect(finding.recipients).toBe(3);
  });
});

describe('link.mismatch accepts links that lead where their wording says', () => {
  it('accepts the event\'s own replay, slides and survey buttons, in French and in English', async () => {
    // Prepare
    const french = { template: mjml(FR_BODY), catalog: [anEarlierEvent(), aLaterEvent()] };
    const english = { ...ENGLISH, template: mjml(EN_BODY, { language: 'en' }), catalog: [anEarlierEvent(), aLaterEvent()] };

    // Act
    const reports = [await check(french), await check(english)];

    // Assess
    for (const report of reports) expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts the right links with tracking parameters or a trailing slash added', async () => {
    // Prepare
    const template = mjml(FR_BODY, {
      buttons: `<mj-button href="{{event.links.replay}}?utm_source=emailing&utm_medium=email&utm_campaign=audit-rgaa">Voir le replay</mj-button>
        <mj-button href="https://docs.numerique-territoires.fr/supports/audit-rgaa.pdf?utm_source=emailing">Télécharger les supports</mj-button>
        <mj-button href="https://avis.numerique-territoires.fr/s/audit-rgaa/">Répondre au questionnaire</mj-button>`,
    });

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts the right links with parameters of their own added (a start time, a language)', async () => {
    // Prepare
    const template = mjml(FR_BODY, {
      buttons: `<mj-button href="{{event.links.replay}}?start=14m05s">Revoir la session</mj-button>
        <mj-button href="{{event.links.slides}}#page=12">Les diapositives</mj-button>
        <mj-button href="{{event.links.survey}}?lang=fr">Répondre au questionnaire de satisfaction</mj-button>`,
    });

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('blocks a link that gives the event link\'s own parameter another value', async () => {
    // Prepare
    const event = anEvent({ links: { ...OWN, replay: 'https://video.numerique-territoires.fr/watch?v=audit-rgaa' } });
    const template = mjml(FR_BODY, { buttons: '<mj-button href="https://video.numerique-territoires.fr/watch?v=teletravail&amp;t=30">Voir le replay</mj-button>' });

    // Act
    const report = await check({ event, template });

    // Assess
    expect(theOnlyFinding(findingsOf(report, RULE)).found).toContain('v=teletravail');
  });

  it.each([
    ['« Les diapositives » to the replay', '<mj-button href="{{event.links.replay}}">Les diapositives</mj-button>', 'fr'],
    ['"rate this session" to the replay', '<mj-text><p>One last thing: <a href="{{event.links.replay}}">rate this session</a>.</p></mj-text>', 'en'],
  ])('blocks %s', async (_, buttons, language) => {
    // Prepare
    const spec = language === 'en' ? { ...ENGLISH, template: mjml(EN_BODY, { buttons, language: 'en' }) } : { template: mjml(FR_BODY, { buttons }) };

    // Act
    const report = await check(spec);

    // Assess
    expect(theOnlyFinding(findingsOf(report, RULE)).found).toContain(OWN.replay!.replace('audit-rgaa', ''));
  });

  it('accepts the right links in "Replay : URL" lines of the plain-text body', async () => {
    // Prepare
    const text = `Bonjour {{recipient.firstName}},

Replay : {{event.links.replay}}
Supports : ${OWN.slides}?utm_source=texte
Questionnaire : {{event.links.survey}}

Se désinscrire : {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ text, catalog: [anEarlierEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts in-page anchors whose images are worded as slides (an mj-carousel)', async () => {
    // Prepare
    const carousel = `<mj-carousel>
        <mj-carousel-image src="https://docs.numerique-territoires.fr/img/1.png" alt="Slide: la grille d'audit" />
        <mj-carousel-image src="https://docs.numerique-territoires.fr/img/2.png" alt="Slide: la déclaration d'accessibilité" />
      </mj-carousel>`;
    const template = mjml(FR_BODY, { buttons: '<mj-button href="{{event.links.slides}}">Télécharger les supports</mj-button>' }).replace('<mj-section', `<mj-section><mj-column>${carousel}</mj-column></mj-section>\n<mj-section`);

    // Act
    const report = await check({ template });

    // Assess
    expect(report.findings.filter((f) => f.rule === RULE || f.rule === 'template.invalid')).toEqual([]);
  });

  it('accepts a generic "en savoir plus" link to another page', async () => {
    // Prepare
    const template = mjml(
      `${FR_BODY}
<p>Notre prochain webinaire portera sur le schéma pluriannuel. <a href="https://www.numerique-territoires.fr/agenda/schema-pluriannuel">En savoir plus</a></p>`,
    );

    // Act
    const report = await check({ template, catalog: [aLaterEvent()] });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts a sentence that mentions the replay while its link goes to the organiser\'s home page', async () => {
    // Prepare
    const template = mjml(
      `${FR_BODY}
<p>Le replay sera complété d'une foire aux questions d'ici quelques jours ; en attendant, rendez-vous sur <a href="https://www.numerique-territoires.fr/">notre site</a>.</p>`,
    );
    const text = `Bonjour {{recipient.firstName}},

Replay : {{event.links.replay}}
Le replay sera complété d'une foire aux questions d'ici quelques jours, en attendant voici notre site : https://www.numerique-territoires.fr/

Se désinscrire : {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ template, text });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });

  it('accepts an event without slides whose message offers no slides', async () => {
    // Prepare
    const event = anEvent({
      links: {
        replay: OWN.replay,
        survey: OWN.survey,
        registration: OWN.registration,
      },
    });
    const template = mjml(FR_BODY, {
      buttons: `<mj-button href="{{event.links.replay}}">Voir le replay</mj-button>
        <mj-button href="{{event.links.survey}}">Répondre au questionnaire</mj-button>`,
    });

    // Act
    const report = await check({ event, template });

    // Assess
    expect(findingsOf(report, RULE)).toEqual([]);
  });
});
