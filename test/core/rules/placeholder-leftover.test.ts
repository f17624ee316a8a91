import { describe, expect, it } from 'vitest';
import {
  anEnglishEvent,
  check,
  EN_BODY,
  FR_BODY,
  findingsOf,
  mjml,
  THREE_RECIPIENTS,
  type CampaignSpec,
} from '../../support/campaign-builder.ts';

const EN_SUBJECT = 'Recording and slides: {{event.title}}';

function english(spec: CampaignSpec = {}): CampaignSpec {
  return { event: anEnglishEvent(), ...spec, draft: { subject: EN_SUBJECT, ...spec.draft } };
}

const TEXT_BODY = `Bonjour {{recipient.firstName}},
Le replay de « {{event.title}} » : {{event.links.replay}}
Se désinscrire : {{unsubscribeUrl}}
`;

describe('placeholder.leftover', () => {
  describe('blocks filler left in the HTML body', () => {
    it.each([
      ['[Prénom]', '<p>Bonjour [Prénom],</p>'],
      ['{firstName}', '<p>Votre identifiant : {firstName}</p>'],
      ['${firstName}', '<p>Votre identifiant : ${firstName}</p>'],
      ['*|FNAME|*', '<p>Merci *|FNAME|* pour votre présence.</p>'],
      ['%%FirstName%%', '<p>Merci %%FirstName%% pour votre présence.</p>'],
      ['XXX', '<p>Prochain rendez-vous le XXX.</p>'],
      ['TODO', '<p>TODO ajouter le lien vers la grille d’audit</p>'],
      ['Lorem ipsum', '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'],
      ['[Prénom NOM]', '<p>Votre correspondant : [Prénom NOM], direction régionale</p>'],
      ['[à préciser]', '<p>Intervenants : [à préciser].</p>'],
      ['[Nom / Fonction]', '<p>Signataire : [Nom / Fonction]</p>'],
      ['##PRENOM##', '<p>Bonjour ##PRENOM##,</p>'],
      ['[Nom de la structure]', '<p>Votre structure, [Nom de la structure], recevra le kit.</p>'],
    ])('blocks a French body that still holds %s', async (filler, paragraph) => {
      // Prepare
      const template = mjml(`${FR_BODY}\n${paragraph}`);

      // Act
      const report = await check({ template });

      // Assess
      const findings = findingsOf(report, 'placeholder.leftover');
      expect(findings.length).toBeGreaterThan(0);
      const finding = findings.find((f) => f.found.includes(filler));
      expect(finding).toBeDefined();
      expect(finding).toMatchObject({ rule: 'placeholder.leftover', severity: 'block', recipients: 3 });
      expect(report.verdict).toBe('blocked');
    });

    it.each([
      ['[FIRST NAME]', '<p>Dear [FIRST NAME],</p>'],
      ['%%FirstName%%', '<p>Thank you %%FirstName%% for joining.</p>'],
      ['lorem ipsum', '<p>Next steps: lorem ipsum dolor sit amet.</p>'],
      ['[First name Last name]', '<p>Your contact: [First name Last name], city council</p>'],
      ['[[FirstName]]', '<p>Hi [[FirstName]],</p>'],
    ])('blocks an English body that still holds %s', async (filler, paragraph) => {
      // Prepare
      const template = mjml(`${EN_BODY}\n${paragraph}`, { language: 'en' });

      // Act
      const report = await check(english({ template }));

      // Assess
      const finding = findingsOf(report, 'placeholder.leftover').find((f) => f.found.includes(filler));
      expect(finding).toMatchObject({ severity: 'block', recipients: 3 });
    });
  });

  it('blocks a subject that still holds [Prénom]', async () => {
    // Prepare
    const draft = { subject: '[Prénom], votre replay – {{event.title}}' };

    // Act
    const report = await check({ draft });

    // Assess
    const findings = findingsOf(report, 'placeholder.leftover');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', found: '[Prénom]', recipients: 3 });
    expect(findings[0]!.message).toBe('l’objet contient encore le texte provisoire « [Prénom] »');
  });

  it('blocks an English subject that still holds *|FNAME|*', async () => {
    // Prepare
    const spec = english({ draft: { subject: '*|FNAME|*, your recording: {{event.title}}' } });

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'placeholder.leftover');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', found: '*|FNAME|*', recipients: 3 });
  });

  it('blocks a plain-text body that still holds [Prénom] while the HTML is clean', async () => {
    // Prepare
    const text = TEXT_BODY.replace('Bonjour {{recipient.firstName}},', 'Bonjour [Prénom],');

    // Act
    const report = await check({ text });

    // Assess
    const findings = findingsOf(report, 'placeholder.leftover');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', found: '[Prénom]', recipients: 3 });
    expect(findings[0]!.message).toBe('la version texte contient encore le texte provisoire « [Prénom] »');
  });

  it('blocks a plain-text body that still holds TODO', async () => {
    // Prepare
    const text = `${TEXT_BODY}TODO : lien vers les supports\n`;

    // Act
    const report = await check({ text });

    // Assess
    const findings = findingsOf(report, 'placeholder.leftover');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ found: 'TODO', recipients: 3 });
  });

  it('blocks only the recipient whose own first name in the list is filler', async () => {
    // Prepare
    const recipients = [THREE_RECIPIENTS[0]!, { ...THREE_RECIPIENTS[1]!, firstName: '[Prénom]' }, THREE_RECIPIENTS[2]!];

    // Act
    const report = await check({ recipients });

    // Assess
    const findings = findingsOf(report, 'placeholder.leftover');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', found: '[Prénom]', recipients: 1, examples: ['loic.bertrand@agglo-trois-vallees.fr'] });
  });

  it('blocks the recipients whose printed column holds XXX', async () => {
    // Prepare
    const recipients = [
      { ...THREE_RECIPIENTS[0]!, organisation: 'Ville de Saint-Amand' },
      { ...THREE_RECIPIENTS[1]!, organisation: 'XXX' },
      { ...THREE_RECIPIENTS[2]!, organisation: 'XXX' },
    ];
    const template = mjml(`${FR_BODY}\n<p>Votre structure : {{recipient.organisation}}</p>`);

    // Act
    const report = await check({ recipients, template });

    // Assess
    const findings = findingsOf(report, 'placeholder.leftover');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ found: 'XXX', recipients: 2 });
  });

  describe('near misses', () => {
    it.each([
      ['[Replay] {{event.title}}'],
      ['[Webinaire] Replay et supports – {{event.title}}'],
      ['[Nom de code ZFE] {{event.title}}'],
      ['[DIAAP] Replay et supports – {{event.title}}'],
      ['Replay : « {{event.title}} »'],
      ['Replay et supports (gratuit, 0 €) – {{event.title}}'],
    ])('accepts the French subject %s', async (subject) => {
      // Prepare
      const draft = { subject };

      // Act
      const report = await check({ draft });

      // Assess
      expect(findingsOf(report, 'placeholder.leftover')).toEqual([]);
    });

    it.each([['[Recording] {{event.title}}'], ['[Webinar] Recording and slides: {{event.title}}']])(
      'accepts the English subject %s',
      async (subject) => {
        // Prepare
        const spec = english({ draft: { subject } });

        // Act
        const report = await check(spec);

        // Assess
        expect(findingsOf(report, 'placeholder.leftover')).toEqual([]);
      },
    );

    it('accepts a French body with « guillemets », a price in €, percentages and an email address', async () => {
      // Prepare
      const body = `${FR_BODY}
<p>Notre formation « Auditer son site selon le RGAA » coûte 450 € HT (tarif collectivité : 1 200 €).</p>
<p>Objectif : passer d'un taux de conformité de 50 % à 75 % en un an.</p>
<p>Une question ? Écrivez à webinaires@numerique-territoires.fr ou à {{event.organizer.email}}.</p>`;

      // Act
      const report = await check({ template: mjml(body) });

      // Assess
      expect(findingsOf(report, 'placeholder.leftover')).toEqual([]);
    });

    it('accepts an English body with a price in € and an email address', async () => {
      // Prepare
      const body = `${EN_BODY}
<p>Our "Audit your website" course costs €450 (100% online).</p>
<p>Questions? Write to webinaires@numerique-territoires.fr.</p>`;

      // Act
      const report = await check(english({ template: mjml(body, { language: 'en' }) }));

      // Assess
      expect(findingsOf(report, 'placeholder.leftover')).toEqual([]);
    });

    it('accepts a plain-text body whose merge fields are all filled', async () => {
      // Prepare
      const text = `${TEXT_BODY}[Replay] disponible 30 jours.\n`;

      // Act
      const report = await check({ text });

      // Assess
      expect(findingsOf(report, 'placeholder.leftover')).toEqual([]);
    });

    it('accepts recipients named Xavier or Maxence, whose names hold an X', async () => {
      // Prepare
      const recipients = [
        { email: 'xavier.roux@ville-saint-amand.fr', firstName: 'Xavier', lastName: 'Roux', attended: true },
        { email: 'maxence.leroux@agglo-trois-vallees.fr', firstName: 'Maxence', lastName: 'Leroux', attended: false },
      ];

      // Act
      const report = await check({ recipients });

      // Assess
      expect(findingsOf(report, 'placeholder.leftover')).toEqual([]);
    });
  });
});
