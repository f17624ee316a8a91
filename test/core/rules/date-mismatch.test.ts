import { describe, expect, it } from 'vitest';
import { anEarlierEvent, anEnglishEvent, check, EN_BODY, FR_BODY, findingsOf, mjml, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

const ENGLISH = { event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' } };
const ATTENDEES = THREE_RECIPIENTS.filter((r) => r.attended === true).map((r) => r.email);

function frenchWith(paragraph: string): string {
  return mjml(`${FR_BODY}\n${paragraph}`);
}

function englishWith(paragraph: string): string {
  return mjml(`${EN_BODY}\n${paragraph}`, { language: 'en' });
}

describe('date.mismatch fires on a date earlier than the event', () => {
  it('blocks a French message that still gives an older date that is no catalogue day', async () => {
    // Prepare
    const template = frenchWith('<p>Le replay de la session du mardi 8 septembre 2026 est en ligne.</p>');

    // Act
    const report = await check({ template, catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'date.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('8 septembre 2026');
    expect(findings[0]!.found).toContain('2026-09-08');
    expect(findings[0]!.message).toBe(`${findings[0]!.found} est antérieure à l’événement, qui a eu lieu le 2026-10-15`);
    expect(findings[0]!.expected).toBe('2026-10-15 ou après');
    expect(report.verdict).toBe('blocked');
  });

  it('blocks an English message that still gives an older date', async () => {
    // Prepare
    const template = englishWith('<p>The recording of our September 8, 2026 session is online.</p>');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    const findings = findingsOf(report, 'date.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('September 8, 2026');
    expect(findings[0]!.found).toContain('2026-09-08');
    expect(findings[0]!.message).toBe(`${findings[0]!.found} is before the event, which took place on 2026-10-15`);
    expect(findings[0]!.expected).toBe('2026-10-15 or later');
  });

  it('blocks only the attendees when the older date is in their paragraph alone', async () => {
    // Prepare
    const body = `<p>Bonjour {{recipient.firstName}},</p>
{{#if recipient.attended}}<p>Merci d'avoir participé à « {{event.title}} » le 08/09/2026. Vos questions sur l'audit RGAA et la grille d'audit ont nourri les échanges.</p>
{{else}}<p>Vous n'avez pas pu vous connecter le {{event.date}} ? Le replay présente l'audit RGAA, la grille d'audit et la déclaration d'accessibilité.</p>{{/if}}`;

    // Act
    const report = await check({ template: mjml(body) });

    // Assess
    const findings = findingsOf(report, 'date.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 2, examples: ATTENDEES });
    expect(findings[0]!.found).toContain('2026-09-08');
  });

  it('blocks an older date written only in the subject', async () => {
    // Prepare
    const draft = { subject: 'Replay du 8 septembre 2026 – {{event.title}}' };

    // Act
    const report = await check({ draft });

    // Assess
    const findings = findingsOf(report, 'date.mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('2026-09-08');
  });
});

describe('date.mismatch does not fire on the event’s own day', () => {
  it('accepts the event’s own day written differently in French', async () => {
    // Prepare
    const template = frenchWith('<p>Pour mémoire : session du 15/10/2026 (2026-10-15), soit le jeudi 15 octobre 2026, ou simplement le 15 octobre.</p>');

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, 'date.mismatch')).toEqual([]);
  });

  it('accepts the event’s own day written differently in English', async () => {
    // Prepare
    const template = englishWith('<p>For the record: session of October 15, 2026, that is 15 October 2026, or Thursday, October 15.</p>');

    // Act
    const report = await check({ ...ENGLISH, template });

    // Assess
    expect(findingsOf(report, 'date.mismatch')).toEqual([]);
  });

  it('takes the event’s day in its own zone for an evening event in New York', async () => {
    // Prepare: 9 PM on October 15 in New York is already October 16 in UTC
    const event = anEnglishEvent({
      start: '2026-10-15T21:00:00-04:00',
      end: '2026-10-15T22:30:00-04:00',
      timezone: 'America/New_York',
    });
    const template = englishWith('<p>Thank you again for your evening with us on October 15, 2026 (10/15/2026).</p>');

    // Act
    const report = await check({ event, draft: ENGLISH.draft, template });

    // Assess
    expect(findingsOf(report, 'date.mismatch')).toEqual([]);
  });

  it('does not read a time or relative words as an earlier date', async () => {
    // Prepare
    const template = frenchWith('<p>La session a commencé à 10h00 ; hier encore, 3/4 des participants répondaient au questionnaire.</p>');

    // Act
    const report = await check({ template });

    // Assess
    expect(findingsOf(report, 'date.mismatch')).toEqual([]);
  });
});
