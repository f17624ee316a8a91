import { describe, expect, it } from 'vitest';
import { anEnglishEvent, check, EN_BODY, FR_BODY, findingsOf, mjml, type CampaignSpec } from '../../support/campaign-builder.ts';

const FR_SIGNATURE = '<p>L’équipe de {{event.organizer.name}}</p>';

function english(spec: CampaignSpec): CampaignSpec {
  return { event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' }, ...spec };
}

const TEXT_WITH_UNSUBSCRIBE = `Bonjour {{recipient.firstName}},
Le replay de « {{event.title}} » : {{event.links.replay}}
Se désinscrire : {{unsubscribeUrl}}
`;

describe('unsubscribe.missing', () => {
  it('blocks a French HTML body without any unsubscribe link', async () => {
    // Prepare
    const template = mjml(FR_BODY, { footer: FR_SIGNATURE });

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, 'unsubscribe.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'unsubscribe.missing', severity: 'block', recipients: 3 });
    expect(findings[0]).toMatchObject({
      message: 'le corps HTML n’a pas de lien de désinscription ; ajoutez <a href="{{unsubscribeUrl}}">',
      expected: 'un lien de désinscription ({{unsubscribeUrl}})',
      found: 'aucun lien de désinscription dans le corps HTML',
    });
    expect(report.verdict).toBe('blocked');
  });

  it('blocks an English HTML body without any unsubscribe link', async () => {
    // Prepare
    const template = mjml(EN_BODY, { language: 'en', footer: '<p>The {{event.organizer.name}} team</p>' });

    // Act
    const report = await check(english({ template }));

    // Assess
    const findings = findingsOf(report, 'unsubscribe.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'block',
      recipients: 3,
      message: 'the HTML body has no unsubscribe link; add <a href="{{unsubscribeUrl}}">',
      expected: 'an unsubscribe link ({{unsubscribeUrl}})',
      found: 'no unsubscribe link in the HTML body',
    });
  });

  it('blocks a body that only says how to unsubscribe, with no link', async () => {
    // Prepare
    const template = mjml(FR_BODY, { footer: '<p>Pour vous désinscrire, répondez à ce message.</p>' });

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, 'unsubscribe.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.found).toMatch(/HTML/);
  });

  it('blocks a « Se désinscrire » link that leads nowhere (#)', async () => {
    // Prepare
    const template = mjml(FR_BODY, { footer: '<p><a href="#">Se désinscrire</a></p>' });

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, 'unsubscribe.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
  });

  it('blocks a plain-text body without an unsubscribe link while the HTML has one', async () => {
    // Prepare
    const text = `Bonjour {{recipient.firstName}},
Le replay de « {{event.title}} » : {{event.links.replay}}
`;

    // Act
    const report = await check({ text });

    // Assess
    const findings = findingsOf(report, 'unsubscribe.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toBe('aucun lien de désinscription dans la version texte');
    expect(findings[0]!.message).toBe('la version texte n’a pas de lien de désinscription ; ajoutez {{unsubscribeUrl}}');
  });

  it('blocks an English plain-text body without an unsubscribe link', async () => {
    // Prepare
    const text = `Hello {{recipient.firstName}},
The recording of "{{event.title}}": {{event.links.replay}}
To unsubscribe, reply to this email.
`;

    // Act
    const report = await check(english({ template: mjml(EN_BODY, { language: 'en' }), text }));

    // Assess
    const findings = findingsOf(report, 'unsubscribe.missing');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.found).toMatch(/plain-text/);
  });

  describe('near misses', () => {
    it('accepts a « Se désinscrire » link to a real https preferences page', async () => {
      // Prepare
      const template = mjml(FR_BODY, {
        footer: '<p><a href="https://www.numerique-territoires.fr/preferences">Se désinscrire</a> des messages de {{event.organizer.name}}.</p>',
      });

      // Act
      const report = await check({ template });

      // Assess
      expect(findingsOf(report, 'unsubscribe.missing')).toEqual([]);
    });

    it('accepts an "Unsubscribe" link to a real https page in English', async () => {
      // Prepare
      const template = mjml(EN_BODY, {
        language: 'en',
        footer: '<p><a href="https://www.numerique-territoires.fr/preferences">Unsubscribe</a> from {{event.organizer.name}} emails.</p>',
      });

      // Act
      const report = await check(english({ template }));

      // Assess
      expect(findingsOf(report, 'unsubscribe.missing')).toEqual([]);
    });

    it('accepts the guard\'s unsubscribe link whatever its wording', async () => {
      // Prepare
      const template = mjml(FR_BODY, { footer: '<p><a href="{{unsubscribeUrl}}">Gérer mes abonnements</a></p>' });

      // Act
      const report = await check({ template });

      // Assess
      expect(findingsOf(report, 'unsubscribe.missing')).toEqual([]);
    });

    it('accepts an HTML footer that writes the unsubscribe URL as text, which mail clients turn into a link', async () => {
      // Prepare
      const template = mjml(FR_BODY, { footer: '<p>Pour vous désinscrire : {{unsubscribeUrl}}</p>' });

      // Act
      const report = await check({ template });

      // Assess
      expect(findingsOf(report, 'unsubscribe.missing')).toEqual([]);
    });

    it('accepts a plain-text body that writes the unsubscribe URL on its own line', async () => {
      // Prepare
      const text = TEXT_WITH_UNSUBSCRIBE;

      // Act
      const report = await check({ text });

      // Assess
      expect(findingsOf(report, 'unsubscribe.missing')).toEqual([]);
    });

    it('accepts a plain-text body with an "Unsubscribe:" line to a real https page', async () => {
      // Prepare
      const text = `Hello {{recipient.firstName}},
The recording of "{{event.title}}": {{event.links.replay}}
Unsubscribe: https://www.numerique-territoires.fr/preferences
`;

      // Act
      const report = await check(english({ template: mjml(EN_BODY, { language: 'en' }), text }));

      // Assess
      expect(findingsOf(report, 'unsubscribe.missing')).toEqual([]);
    });
  });
});
