import { describe, expect, it } from 'vitest';
import { aLaterEvent, anEnglishEvent, check, EN_BODY, FR_BODY, findingsOf, mjml, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

const ENGLISH = { event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' } };
const NO_SHOWS = THREE_RECIPIENTS.filter((r) => r.attended !== true).map((r) => r.email);

function frenchWith(paragraph: string): string {
  return mjml(`${FR_BODY}\n${paragraph}`);
}

function englishWith(paragraph: string): string {
  return mjml(`${EN_BODY}\n${paragraph}`, { language: 'en' });
}

describe('date.unexpected warns on a later date that is no catalogue event', () => {
  it('warns about a French later date that no catalogue event explains', async () => {
    // Prepare
    const template = frenchWith('<p>Prochaine session le jeudi 12 novembre 2026.</p>');

    // Act
    const report = await check({ template, catalog: [aLaterEvent()] });

    // Assess
    const findings = findingsOf(report, 'date.unexpected');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain('12 novembre 2026');
    expect(findings[0]!.found).toContain('2026-11-12');
    expect(findings[0]!.expected).toContain('2026-10-15');
    expect(report.verdict).toBe('ready');
  });

  it('accepts every day of a later catalogue event that runs over several days', async () => {
    // Prepare: a three-day later event, announced by its range
    const template = frenchWith('<p>Nos Assises se tiendront du mardi 19 au jeudi 21 janvier 2027.</p>');
    const later = aLaterEvent({ start: '2027-01-19T09:00:00+01:00', end: '2027-01-21T17:00:00+01:00' });

    // Act
    const report = await check({ template, catalog: [later] });

    // Assess
    expect(findingsOf(report, 'date.unexpected')).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it('warns about an English later date that no catalogue event explains', async () => {
    // Prepare
    const template = englishWith('<p>Our next session is on Thursday, November 12, 2026.</p>');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    const findings = findingsOf(report, 'date.unexpected');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain('November 12, 2026');
    expect(findings[0]!.found).toContain('2026-11-12');
  });

  it('counts only the no-shows when the later date is in their paragraph alone', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à « {{event.title}} » du {{event.date}}. Vos questions sur l'audit RGAA et la grille d'audit ont nourri les échanges.</p>
{{else}}<p>Vous n'avez pas pu vous connecter le {{event.date}} ? Une session de rattrapage aura lieu le 12/11/2026.</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const findings = findingsOf(report, 'date.unexpected');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 1, examples: NO_SHOWS });
    expect(findings[0]!.found).toContain('2026-11-12');
  });
});

describe('date.unexpected does not warn on dates the guard can explain', () => {
  it('accepts the day of a later catalogue event', async () => {
    // Prepare
    const template = frenchWith('<p>Prochain webinaire le jeudi 21 janvier 2027 : inscrivez-vous dès maintenant.</p>');

    // Act
    const withLater = await check({ template, catalog: [aLaterEvent()] });
    const withoutLater = await check({ template });

    // Assess
    expect(findingsOf(withLater, 'date.unexpected')).toEqual([]);
    expect(findingsOf(withoutLater, 'date.unexpected')).toHaveLength(1);
  });

  it('accepts the day of a later catalogue event written in English and numerically', async () => {
    // Prepare
    const template = englishWith('<p>Our next webinar is on Thursday, January 21, 2027 (21/01/2027).</p>');

    // Act
    const report = await check({ ...ENGLISH, template, catalog: [aLaterEvent({ language: 'en' })] });

    // Assess
    expect(findingsOf(report, 'date.unexpected')).toEqual([]);
  });

  it('accepts the event’s own day', async () => {
    // Prepare
    const template = frenchWith('<p>Session du 15/10/2026, le jeudi 15 octobre 2026.</p>');

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, 'date.unexpected')).toEqual([]);
  });

  it('does not take a question session « demain à 14h30 » for a calendar date', async () => {
    // Prepare
    const template = frenchWith('<p>Une séance de questions-réponses aura lieu demain à 14h30, avec le même lien.</p>');

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, 'date.unexpected')).toEqual([]);
  });

  it('does not take "next Monday" or a time for a calendar date', async () => {
    // Prepare
    const template = englishWith('<p>A follow-up Q&amp;A takes place next Monday at 2:30 PM, same link.</p>');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    expect(findingsOf(report, 'date.unexpected')).toEqual([]);
  });
});
