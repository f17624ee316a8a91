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
  type RecipientRow,
} from '../../support/campaign-builder.ts';

const FR_GREETING = '<p>Bonjour {{recipient.firstName}},</p>';
const EN_GREETING = '<p>Hello {{recipient.firstName}},</p>';

function frenchGreeting(greeting: string): string {
  return mjml(FR_BODY.replace(FR_GREETING, greeting));
}

function english(greeting: string, spec: CampaignSpec = {}): CampaignSpec {
  return {
    event: anEnglishEvent(),
    draft: { subject: 'Recording and slides: {{event.title}}' },
    template: mjml(EN_BODY.replace(EN_GREETING, greeting), { language: 'en' }),
    ...spec,
  };
}

const ENGLISH_RECIPIENTS: RecipientRow[] = [
  { email: 'olivia.baker@cityofbath.gov.uk', firstName: 'Olivia', lastName: 'Baker', attended: true },
  { email: 'liam.oneill@cityofbath.gov.uk', firstName: 'Liam', lastName: "O'Neill", attended: true },
  { email: 'noah.patel@cityofbath.gov.uk', firstName: 'Noah', lastName: 'Patel', attended: false },
];

describe('greeting.mismatch', () => {
  it('blocks a hard-coded « Bonjour Sophie, » sent to people who are not Sophie', async () => {
    // Prepare
    const template = frenchGreeting('<p>Bonjour Sophie,</p>');

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, 'greeting.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'greeting.mismatch', severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toMatch(/Bonjour Sophie/);
    expect(report.verdict).toBe('blocked');
  });

  it('spares the one recipient actually called Sophie and blocks the others', async () => {
    // Prepare
    const template = frenchGreeting('<p>Bonjour Sophie,</p>');
    const recipients = [
      { email: 'sophie.leclerc@ville-saint-amand.fr', firstName: 'Sophie', lastName: 'Leclerc', attended: true },
      ...THREE_RECIPIENTS,
    ];

    // Act
    const report = await check({ template, recipients });

    // Assess
    const findings = findingsOf(report, 'greeting.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.recipients).toBe(3);
    expect(findings[0]!.examples).not.toContain('sophie.leclerc@ville-saint-amand.fr');
  });

  it('blocks a hard-coded « Chère Sophie, »', async () => {
    // Prepare
    const template = frenchGreeting('<p>Chère Sophie,</p>');

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, 'greeting.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toMatch(/Sophie/);
  });

  it('blocks a hard-coded "Dear Emma," in an English message', async () => {
    // Prepare
    const spec = english('<p>Dear Emma,</p>', { recipients: ENGLISH_RECIPIENTS });

    // Act
    const report = await check(spec);

    // Assess
    const findings = findingsOf(report, 'greeting.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toMatch(/Dear Emma/);
  });

  it('does not take a quoted book title ("Hello, Harbour Seal! by Maren Tolley") for a greeting', async () => {
    // Prepare
    const spec = english(`${EN_GREETING}\n<p>Reading list:</p><ul><li><em>Hello, Harbour Seal!</em> by Maren Tolley</li></ul>`, { recipients: ENGLISH_RECIPIENTS });

    // Act
    const report = await check(spec);

    // Assess
    expect(findingsOf(report, 'greeting.mismatch')).toEqual([]);
  });

  it('still blocks an exclaimed hard-coded greeting ("Hi Priya! Thanks for joining")', async () => {
    // Prepare
    const spec = english('<p>Hi Priya! Thanks for joining us.</p>', { recipients: ENGLISH_RECIPIENTS });

    // Act
    const report = await check(spec);

    // Assess
    expect(findingsOf(report, 'greeting.mismatch')).toMatchObject([{ severity: 'block', recipients: 3 }]);
  });

  it.each(['<p>Kia ora Cr {{recipient.lastName}},</p>', '<p>Dear Cllr {{recipient.lastName}},</p>', '<p>Kia ora koutou,</p>', "<p>G'day {{recipient.firstName}},</p>"])(
    'accepts « %s » (an honorific before the surname, a greeting to everyone)',
    async (greeting) => {
      // Act
      const report = await check(english(greeting, { recipients: ENGLISH_RECIPIENTS }));

      // Assess
      expect(findingsOf(report, 'greeting.mismatch')).toEqual([]);
    },
  );

  it('blocks a hard-coded « Kia ora Aroha, » (a New Zealand greeting) sent to people who are not Aroha', async () => {
    // Act
    const report = await check(english('<p>Kia ora Aroha,</p>', { recipients: ENGLISH_RECIPIENTS }));

    // Assess
    expect(findingsOf(report, 'greeting.mismatch')).toMatchObject([{ severity: 'block', recipients: 3 }]);
  });

  it('reads a greeting whose name is on the line after « Bonjour<br> »: hard-coded it blocks, from the list it passes', async () => {
    // Act
    const hardCoded = await check({ template: frenchGreeting('<p>Bonjour<br>Solenn,</p>') });
    const fromList = await check({ template: frenchGreeting('<p>Bonjour<br>{{recipient.firstName}},</p>') });
    const sentence = await check({ template: frenchGreeting('<p>Bonjour<br>Merci d’avoir suivi ce webinaire consacré à l’audit RGAA.</p>') });

    // Assess
    expect(findingsOf(hardCoded, 'greeting.mismatch')).toMatchObject([{ severity: 'block', recipients: 3 }]);
    expect(findingsOf(fromList, 'greeting.mismatch')).toEqual([]);
    expect(findingsOf(sentence, 'greeting.mismatch')).toEqual([]);
  });

  it('accepts the name a recipient goes by from their own column, not a name from another person\'s column', async () => {
    // Prepare
    const recipients = ENGLISH_RECIPIENTS.map((r, i) => ({ ...r, preferredName: ['Liv', 'Li', 'Noah'][i]!, headteacher: ['Mrs Grant', 'Mr Obi', 'Ms Shah'][i]! }));

    // Act
    const preferred = await check(english('<p>Hi {{recipient.preferredName}},</p>', { recipients }));
    const head = await check(english('<p>Dear {{recipient.headteacher}},</p>', { recipients }));

    // Assess
    expect(findingsOf(preferred, 'greeting.mismatch')).toEqual([]);
    expect(findingsOf(head, 'greeting.mismatch').reduce((n, f) => n + f.recipients, 0)).toBe(3);
  });

  it('blocks a hard-coded greeting found only in the plain-text body', async () => {
    // Prepare
    const text = `Bonjour Sophie,
Le replay de « {{event.title}} » : {{event.links.replay}}
Se désinscrire : {{unsubscribeUrl}}
`;

    // Act
    const report = await check({ text });

    // Assess
    const findings = findingsOf(report, 'greeting.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toMatch(/Bonjour Sophie/);
  });

  it('blocks the recipient whose full-name column holds someone else (a shifted column)', async () => {
    // Prepare
    const template = frenchGreeting('<p>Bonjour {{recipient.fullName}},</p>');
    const recipients = [
      { ...THREE_RECIPIENTS[0]!, fullName: 'Hélène Dumas' },
      { ...THREE_RECIPIENTS[1]!, fullName: 'Maëlle Guillot' },
      { ...THREE_RECIPIENTS[2]!, fullName: 'Maëlle Guillot' },
    ];

    // Act
    const report = await check({ template, recipients });

    // Assess
    const findings = findingsOf(report, 'greeting.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 1, examples: ['loic.bertrand@agglo-trois-vallees.fr'] });
    expect(findings[0]!.found).toMatch(/Maëlle Guillot/);
  });

  describe('near misses', () => {
    it.each([
      ['<p>Bonjour à toutes et à tous,</p>'],
      ['<p>Madame, Monsieur,</p>'],
      ['<p>Chère Madame {{recipient.lastName}},</p>'],
      ['<p>Bonjour {{recipient.firstName}} {{recipient.lastName}},</p>'],
      ['<p>Bonjour et merci pour votre inscription,</p>'],
      ['<p>Bonjour,</p>'],
      ['<p>Bonjour Madame ou Monsieur,</p>'],
      ['<p>Bonjour Madame/Monsieur,</p>'],
      ['<p>Bonjour {{recipient.firstName}} et merci pour votre participation !</p>'],
      ['<p>Bonjour {{recipient.firstName}} et bienvenue,</p>'],
      ['<p>Bonjour {{recipient.firstName}} – merci d’être venu·e.</p>'],
      ['<p>Madame la Maire, Monsieur le Maire,</p>'],
      ['<p>Bonjour Madame la Directrice générale,</p>'],
    ])('accepts the French greeting %s', async (greeting) => {
      // Prepare
      const template = frenchGreeting(greeting);

      // Act
      const report = await check({ template });

      // Assess
      expect(findingsOf(report, 'greeting.mismatch')).toEqual([]);
    });

    it.each([
      ['<p>Dear Dr {{recipient.lastName}},</p>'],
      ['<p>Hello {{recipient.firstName}} 👋</p>'],
      ['<p>Hi everyone,</p>'],
      ['<p>Dear all,</p>'],
      ['<p>Dear {{recipient.firstName}} {{recipient.lastName}},</p>'],
      ['<p>Dear Sir or Madam,</p>'],
      ['<p>Dear Sir/Madam,</p>'],
      ['<p>Hello {{recipient.firstName}} and welcome back!</p>'],
    ])('accepts the English greeting %s', async (greeting) => {
      // Prepare
      const spec = english(greeting, { recipients: ENGLISH_RECIPIENTS });

      // Act
      const report = await check(spec);

      // Assess
      expect(findingsOf(report, 'greeting.mismatch')).toEqual([]);
    });

    it('accepts names with hyphens, apostrophes and accents', async () => {
      // Prepare
      const template = frenchGreeting('<p>Bonjour {{recipient.firstName}} {{recipient.lastName}},</p>');
      const recipients = [
        { email: 'jb.oneill@ville-saint-amand.fr', firstName: 'Jean-Baptiste', lastName: "O'Neill", attended: true },
        { email: 'helene.dalmeida@agglo-trois-vallees.fr', firstName: 'Hélène', lastName: "D'Almeida-Nuñez", attended: true },
        { email: 'zoe.lefevre@departement-val-morin.fr', firstName: 'Zoë', lastName: 'Le Fèvre', attended: false },
      ];

      // Act
      const report = await check({ template, recipients });

      // Assess
      expect(findingsOf(report, 'greeting.mismatch')).toEqual([]);
    });

    it('accepts a full-name column written with other case, accents and typography than the name columns', async () => {
      // Prepare
      const template = frenchGreeting('<p>Bonjour {{recipient.fullName}},</p>');
      const recipients = [
        { email: 'helene.dumas@ville-saint-amand.fr', firstName: 'HELENE', lastName: 'DUMAS', attended: true, fullName: 'Hélène Dumas' },
        { email: 'jb.oneill@ville-saint-amand.fr', firstName: 'Jean-Baptiste', lastName: "O'Neill", attended: true, fullName: 'Jean Baptiste O’Neill' },
        { email: 'maelle.guillot@departement-val-morin.fr', firstName: 'Maëlle', lastName: 'Guillot', attended: false, fullName: 'maelle guillot' },
      ];

      // Act
      const report = await check({ template, recipients });

      // Assess
      expect(findingsOf(report, 'greeting.mismatch')).toEqual([]);
    });

    it('accepts an English civility before a last name with an apostrophe', async () => {
      // Prepare
      const spec = english('<p>Dear Mr {{recipient.lastName}},</p>', { recipients: ENGLISH_RECIPIENTS });

      // Act
      const report = await check(spec);

      // Assess
      expect(findingsOf(report, 'greeting.mismatch')).toEqual([]);
    });
  });
});
