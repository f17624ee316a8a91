import { describe, expect, it } from 'vitest';
import { anEnglishEvent, anEvent, check, EN_BODY, FR_BODY, findingsOf, mjml, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

const ENGLISH = { event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' } };
const EVERYONE = THREE_RECIPIENTS.map((r) => r.email);

function frenchWith(paragraph: string): string {
  return mjml(`${FR_BODY}\n${paragraph}`);
}

function englishWith(paragraph: string): string {
  return mjml(`${EN_BODY}\n${paragraph}`, { language: 'en' });
}

describe('date.weekday fires when a weekday and a date disagree', () => {
  it('blocks a French message that calls Thursday 13 February 2025 « mercredi »', async () => {
    // Prepare
    const template = frenchWith('<p>Rappel : notre précédente session du mercredi 13 février 2025 est toujours en replay.</p>');

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, 'date.weekday');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3, examples: EVERYONE });
    expect(findings[0]!.found).toContain('mercredi 13 février 2025');
    expect(findings[0]!.expected).toContain('2025-02-13');
    expect(findings[0]!.expected).toContain('jeudi');
  });

  it('blocks an English message that calls Thursday, September 18, 2025 "Wednesday"', async () => {
    // Prepare
    const template = englishWith('<p>Our previous session on Wednesday, September 18, 2025 is still available.</p>');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    const findings = findingsOf(report, 'date.weekday');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('September 18, 2025');
    expect(findings[0]!.expected).toContain('2025-09-18');
    expect(findings[0]!.expected).toContain('Thursday');
  });

  it('blocks a weekday written before a numeric date that falls on another day', async () => {
    // Prepare: 14/03/2024 is a Thursday
    const template = frenchWith('<p>Les inscriptions à la session du vendredi 14/03/2024 sont closes.</p>');

    // Act
    const report = await check({ template });

    // Assess
    const findings = findingsOf(report, 'date.weekday');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('14/03/2024');
    expect(findings[0]!.expected).toContain('2024-03-14');
    expect(findings[0]!.expected).toContain('jeudi');
  });

  it('blocks only the no-shows when the wrong weekday is in their paragraph alone', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à « {{event.title}} » du {{event.date}}. Vos questions sur l'audit RGAA et la grille d'audit ont nourri les échanges.</p>
{{else}}<p>Vous n'avez pas pu vous connecter le vendredi 15 octobre 2026 ? Le replay présente l'audit RGAA, la grille d'audit et la déclaration d'accessibilité.</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const findings = findingsOf(report, 'date.weekday');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 1, examples: ['maelle.guillot@departement-val-morin.fr'] });
    expect(findings[0]!.found).toContain('vendredi 15 octobre 2026');
  });

  it('blocks a wrong weekday written in the subject', async () => {
    // Prepare
    const draft = { subject: 'Replay du mercredi 15 octobre 2026 – {{event.title}}' };

    // Act
    const report = await check({ draft });

    // Assess
    const findings = findingsOf(report, 'date.weekday');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('mercredi 15 octobre 2026');
  });
});

describe('date.weekday does not fire on weekdays that agree with their dates', () => {
  it('accepts correct French and numeric weekdays', async () => {
    // Prepare
    const template = frenchWith(
      '<p>Rappel : la session du jeudi 13 février 2025 et celle du jeudi 14/03/2024 sont en replay ; la prochaine aura lieu le jeudi 21 janvier 2027.</p>',
    );

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, 'date.weekday')).toEqual([]);
  });

  it('accepts correct English weekdays', async () => {
    // Prepare
    const template = englishWith('<p>Our previous session on Thursday, September 18, 2025 is still online; the next one is on Thursday, January 21, 2027.</p>');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    expect(findingsOf(report, 'date.weekday')).toEqual([]);
  });

  it.each([
    ['fr', '2026-03-01T10:00:00+01:00', '2026-03-01T11:30:00+01:00'],
    ['en', '2026-03-01T10:00:00+01:00', '2026-03-01T11:30:00+01:00'],
    ['fr', '2026-10-15T23:30:00+02:00', '2026-10-16T00:30:00+02:00'],
    ['en', '2026-10-15T20:00:00-04:00', '2026-10-15T21:30:00-04:00'],
  ])('accepts {{event.date}} itself (%s, start %s)', async (language, start, end) => {
    // Prepare: a first of the month (« 1er ») and evenings where the UTC day is another day
    const timezone = start.endsWith('-04:00') ? 'America/New_York' : 'Europe/Paris';
    const event = language === 'en' ? anEnglishEvent({ start, end, timezone }) : anEvent({ start, end, timezone });
    const template = language === 'en' ? mjml(EN_BODY, { language: 'en' }) : mjml(FR_BODY);
    const subject = language === 'en' ? 'Recording of {{event.date}}: {{event.title}}' : 'Replay du {{event.date}} – {{event.title}}';

    // Act
    const report = await check({ event, draft: { subject }, template });

    // Assess
    expect(findingsOf(report, 'date.weekday')).toEqual([]);
  });

  it('accepts a yearless date whose weekday matches in the year closest to the event', async () => {
    // Prepare: 5 January is a Tuesday in 2027 (closest to October 2026) but a Monday in 2026
    const template = frenchWith('<p>Prochain atelier le mardi 5 janvier, même heure.</p>');

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, 'date.weekday')).toEqual([]);
  });

  it('accepts an English yearless date whose weekday matches in the year closest to the event', async () => {
    // Prepare
    const template = englishWith('<p>Our next workshop is on Tuesday, January 5, same time.</p>');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    expect(findingsOf(report, 'date.weekday')).toEqual([]);
  });
});
