import { describe, expect, it } from 'vitest';
import {
  anEnglishEvent,
  anEvent,
  check,
  EN_BODY,
  FR_BODY,
  findingsOf,
  mjml,
  THREE_RECIPIENTS,
  type RecipientRow,
} from '../../support/campaign-builder.ts';

/** Four recipients; the organisation column is empty for Loïc and for Maëlle. */
const WITH_ORGANISATION: RecipientRow[] = [
  { ...THREE_RECIPIENTS[0]!, organisation: 'Ville de Saint-Amand' },
  { ...THREE_RECIPIENTS[1]!, organisation: '' },
  { ...THREE_RECIPIENTS[2]!, organisation: '' },
  { email: 'remi.texier@ville-morlaix.fr', firstName: 'Rémi', lastName: 'Texier', attended: true, organisation: 'Ville de Morlaix' },
];

const EVENT_WITHOUT_SURVEY = {
  replay: 'https://webinaires.numerique-territoires.fr/replay/audit-rgaa',
  slides: 'https://docs.numerique-territoires.fr/supports/audit-rgaa.pdf',
  registration: 'https://www.numerique-territoires.fr/agenda/audit-rgaa',
};

describe('field.missing', () => {
  it('blocks only the recipients whose printed column is empty', async () => {
    // Prepare
    const body = `${FR_BODY}\n<p>Votre structure : {{recipient.organisation}}</p>`;

    // Act
    const report = await check({ template: mjml(body), recipients: WITH_ORGANISATION });

    // Assess
    const findings = findingsOf(report, 'field.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'field.missing', severity: 'block', recipients: 2 });
    expect(findings[0]!.message).toBe(
      '{{recipient.organisation}} est affiché mais vide pour certains destinataires : remplissez-le ou entourez-le de {{#if recipient.organisation}}',
    );
    expect(findings[0]!.expected).toBe('une valeur pour {{recipient.organisation}} (ou un {{#if recipient.organisation}} autour)');
    expect(findings[0]!.found).toBe('{{recipient.organisation}} est vide');
    expect([...findings[0]!.examples].sort()).toEqual(['loic.bertrand@agglo-trois-vallees.fr', 'maelle.guillot@departement-val-morin.fr']);
    expect(report.verdict).toBe('blocked');
  });

  it('accepts a column that is empty on some rows when {{#if}} guards it', async () => {
    // Prepare
    const body = `${FR_BODY}\n{{#if recipient.organisation}}<p>Votre structure : {{recipient.organisation}}</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body), recipients: WITH_ORGANISATION });

    // Assess
    expect(findingsOf(report, 'field.missing')).toEqual([]);
  });

  it('still blocks an empty column inside an {{#if}} that tests something else', async () => {
    // Prepare
    const body = `${FR_BODY}\n{{#if recipient.attended}}<p>Votre structure : {{recipient.organisation}}</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body), recipients: WITH_ORGANISATION });

    // Assess
    const findings = findingsOf(report, 'field.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 1, examples: ['loic.bertrand@agglo-trois-vallees.fr'] });
  });

  it('blocks the one recipient whose first name is empty in the greeting', async () => {
    // Prepare
    const recipients = [THREE_RECIPIENTS[0]!, { ...THREE_RECIPIENTS[1]!, firstName: '' }, THREE_RECIPIENTS[2]!];

    // Act
    const report = await check({ recipients });

    // Assess
    const findings = findingsOf(report, 'field.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 1, examples: ['loic.bertrand@agglo-trois-vallees.fr'] });
    expect(findings[0]!.found).toMatch(/recipient\.firstName/);
  });

  it('blocks a value copied from another tool\'s syntax ({{ contact.PRENOM }}, Brevo) as missing for everyone, not as a crash', async () => {
    // Prepare
    const body = FR_BODY.replace('<p>Bonjour {{recipient.firstName}},</p>', '<p>Bonjour {{ contact.PRENOM }},</p>');

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    expect(findingsOf(report, 'template.invalid')).toEqual([]);
    const findings = findingsOf(report, 'field.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toMatch(/contact\.PRENOM/);
  });

  it('accepts an empty first name when the greeting guards it with {{#if}}', async () => {
    // Prepare
    const body = FR_BODY.replace('<p>Bonjour {{recipient.firstName}},</p>', '<p>Bonjour{{#if recipient.firstName}} {{recipient.firstName}}{{/if}},</p>');
    const recipients = [THREE_RECIPIENTS[0]!, { ...THREE_RECIPIENTS[1]!, firstName: '' }, THREE_RECIPIENTS[2]!];

    // Act
    const report = await check({ template: mjml(body), recipients });

    // Assess
    expect(findingsOf(report, 'field.missing')).toEqual([]);
  });

  it('blocks every recipient when the template prints a column the list does not have', async () => {
    // Prepare
    const body = `${FR_BODY}\n<p>Votre structure : {{recipient.organisation}}</p>`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const findings = findingsOf(report, 'field.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toMatch(/recipient\.organisation/);
    expect(findingsOf(report, 'template.invalid')).toEqual([]);
  });

  it('blocks a survey button when the event has no survey link', async () => {
    // Prepare
    const event = anEvent({ links: EVENT_WITHOUT_SURVEY });

    // Act
    const report = await check({ event });

    // Assess
    const findings = findingsOf(report, 'field.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'field.missing', severity: 'block', recipients: 3 });
    expect(findings[0]!.expected).toMatch(/event\.links\.survey/);
    expect(findings[0]!.found).toMatch(/event\.links\.survey/);
    expect(findingsOf(report, 'template.invalid')).toEqual([]);
  });

  it('blocks an English survey link when the event has no survey link', async () => {
    // Prepare
    const event = anEnglishEvent({ links: EVENT_WITHOUT_SURVEY });
    const body = `${EN_BODY}\n<p>Tell us what you thought: <a href="{{event.links.survey}}">take the survey</a>.</p>`;
    const buttons = `<mj-button href="{{event.links.replay}}">Watch the recording</mj-button>`;

    // Act
    const report = await check({
      event,
      draft: { subject: 'Recording and slides: {{event.title}}' },
      template: mjml(body, { language: 'en', buttons }),
    });

    // Assess
    const findings = findingsOf(report, 'field.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.message).toBe(
      '{{event.links.survey}} is printed but has no value for some recipients; fill it in or guard it with {{#if event.links.survey}}',
    );
    expect(findings[0]!.found).toBe('{{event.links.survey}} is empty');
  });

  it('accepts a survey link guarded by {{#if event.links.survey}} when the event has none', async () => {
    // Prepare
    const event = anEvent({ links: EVENT_WITHOUT_SURVEY });
    const body = `${FR_BODY}\n{{#if event.links.survey}}<p><a href="{{event.links.survey}}">Répondre au questionnaire</a></p>{{/if}}`;
    const buttons = `<mj-button href="{{event.links.replay}}">Voir le replay</mj-button>
        <mj-button href="{{event.links.slides}}">Télécharger les supports</mj-button>`;

    // Act
    const report = await check({ event, template: mjml(body, { buttons }) });

    // Assess
    expect(findingsOf(report, 'field.missing')).toEqual([]);
    expect(findingsOf(report, 'template.invalid')).toEqual([]);
  });

  it('blocks a subject that prints an empty column', async () => {
    // Prepare
    const draft = { subject: '{{recipient.organisation}} : replay et supports – {{event.title}}' };

    // Act
    const report = await check({ draft, recipients: WITH_ORGANISATION });

    // Assess
    const findings = findingsOf(report, 'field.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.recipients).toBe(2);
    expect(findings[0]!.found).toMatch(/recipient\.organisation/);
  });
});
