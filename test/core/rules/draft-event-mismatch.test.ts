import { describe, expect, it } from 'vitest';
import { anEarlierEvent, anEnglishEvent, anEvent, check, findingsOf } from '../../support/campaign-builder.ts';

describe('draft.event-mismatch', () => {
  it('blocks a draft that still names the previous webinar it was copied from', async () => {
    // Prepare
    const draft = { eventId: 'teletravail-agents-2026-06' };

    // Act
    const report = await check({ draft, catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'draft.event-mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'draft.event-mismatch',
      severity: 'block',
      expected: 'audit-rgaa-2026-10',
      found: 'teletravail-agents-2026-06',
      recipients: 3,
    });
    expect(report.verdict).toBe('blocked');
  });

  it('counts only the recipients of the draft audience', async () => {
    // Prepare
    const draft = { eventId: 'audit-rgaa-2025-10', audience: 'no-shows' };

    // Act
    const report = await check({ draft });

    // Assess
    const findings = findingsOf(report, 'draft.event-mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.recipients).toBe(1);
    expect(findings[0]!.examples).toEqual(['maelle.guillot@departement-val-morin.fr']);
    expect(findings[0]!.found).toBe('audit-rgaa-2025-10');
  });

  it('blocks an English draft pointing at another event', async () => {
    // Prepare
    const event = anEnglishEvent();

    // Act
    const report = await check({ event, draft: { eventId: 'web-accessibility-2025-10', subject: 'Recording and slides: {{event.title}}' } });

    // Assess
    const findings = findingsOf(report, 'draft.event-mismatch');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', expected: 'web-accessibility-2026-10', found: 'web-accessibility-2025-10' });
  });

  it('accepts a draft naming this event while the catalogue holds last year\'s edition with a similar id', async () => {
    // Prepare
    const lastYear = anEvent({
      id: 'audit-rgaa-2025-10',
      start: '2025-10-16T10:00:00+02:00',
      end: '2025-10-16T11:30:00+02:00',
      links: { replay: 'https://webinaires.numerique-territoires.fr/replay/audit-rgaa-2025' },
    });

    // Act
    const report = await check({ catalog: [lastYear] });

    // Assess
    expect(findingsOf(report, 'draft.event-mismatch')).toEqual([]);
  });
});
