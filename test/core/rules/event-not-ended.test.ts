import { describe, expect, it } from 'vitest';
import { anEnglishEvent, anEvent, check, findingsOf, NOW, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

const EVERYONE = THREE_RECIPIENTS.map((r) => r.email);

/** An ISO instant in Paris winter time (UTC+1), `minutes` after the check's fixed clock. */
function parisTime(minutesAfterNow: number): string {
  const instant = new Date(NOW.getTime() + minutesAfterNow * 60_000 + 60 * 60_000);
  return `${instant.toISOString().slice(0, 19)}+01:00`;
}

describe('event.not-ended warns when the follow-up is checked before the event is over', () => {
  it('warns when the event ends one minute after the check', async () => {
    // Prepare
    const end = parisTime(1);
    const event = anEvent({ start: parisTime(-89), end });

    // Act
    const report = await check({ event });

    // Assess
    const findings = findingsOf(report, 'event.not-ended');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3, examples: EVERYONE });
    expect(findings[0]!.found).toContain(end);
    expect(report.verdict).toBe('ready');
  });

  it('warns when an English event has not even started', async () => {
    // Prepare
    const end = parisTime(7 * 24 * 60 + 90);
    const event = anEnglishEvent({ start: parisTime(7 * 24 * 60), end });

    // Act
    const report = await check({ event, draft: { subject: 'Recording and slides: {{event.title}}' } });

    // Assess
    const findings = findingsOf(report, 'event.not-ended');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain(end);
  });
});

describe('event.not-ended does not warn about an event that is over', () => {
  it('accepts an event that ended one minute before the check', async () => {
    // Prepare
    const event = anEvent({ start: parisTime(-91), end: parisTime(-1) });

    // Act
    const report = await check({ event });

    // Assess
    expect(findingsOf(report, 'event.not-ended')).toEqual([]);
  });

  it('judges against the check’s clock, not the event’s local clock time', async () => {
    // Prepare: it ends at 12:30 in Paris, which is 11:30 UTC, half an hour before the check at 12:00 UTC
    const event = anEvent({ start: '2026-11-26T11:00:00+01:00', end: '2026-11-26T12:30:00+01:00' });

    // Act
    const report = await check({ event });

    // Assess
    expect(NOW.toISOString()).toBe('2026-11-26T12:00:00.000Z');
    expect(findingsOf(report, 'event.not-ended')).toEqual([]);
  });
});
