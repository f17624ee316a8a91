import { describe, expect, it } from 'vitest';
import { aLaterEvent, anEarlierEvent, anEnglishEvent, check, findingsOf, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

const EVERYONE = THREE_RECIPIENTS.map((r) => r.email);

/** A catalogue event on the event's day (15 October 2026; this event runs 10:00–11:30 in Paris). */
function aSameDayEvent(start: string, end: string): Record<string, unknown> {
  return anEarlierEvent({ id: 'messagerie-securisee-2026-10', title: 'Messagerie sécurisée des élus', start, end });
}

describe('event.conflict warns about a catalogue event too close to this one', () => {
  it('warns about a catalogue event that overlaps this one', async () => {
    // Prepare
    const overlapping = aSameDayEvent('2026-10-15T11:00:00+02:00', '2026-10-15T12:00:00+02:00');

    // Act
    const report = await check({ catalog: [overlapping, aLaterEvent()] });

    // Assess
    const findings = findingsOf(report, 'event.conflict');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3, examples: EVERYONE });
    expect(findings[0]!.found).toContain('messagerie-securisee-2026-10');
    expect(findings[0]!.found).toContain('2026-10-15T11:00:00+02:00');
    expect(report.verdict).toBe('ready');
  });

  it('warns about an overlapping catalogue event written in another offset', async () => {
    // Prepare: 09:00 UTC is 11:00 in Paris
    const overlapping = aSameDayEvent('2026-10-15T09:00:00Z', '2026-10-15T10:00:00Z');

    // Act
    const report = await check({ catalog: [overlapping] });

    // Assess
    const findings = findingsOf(report, 'event.conflict');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain('messagerie-securisee-2026-10');
  });

  it('warns about a catalogue event starting 90 minutes after this one starts', async () => {
    // Prepare
    const close = aSameDayEvent('2026-10-15T11:30:00+02:00', '2026-10-15T12:30:00+02:00');

    // Act
    const report = await check({ catalog: [close] });

    // Assess
    const findings = findingsOf(report, 'event.conflict');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain('messagerie-securisee-2026-10');
  });

  it('warns about a catalogue event starting 90 minutes before this one', async () => {
    // Prepare
    const close = aSameDayEvent('2026-10-15T08:30:00+02:00', '2026-10-15T09:30:00+02:00');

    // Act
    const report = await check({ catalog: [close] });

    // Assess
    const findings = findingsOf(report, 'event.conflict');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain('messagerie-securisee-2026-10');
  });

  it('warns about an overlapping catalogue event for an English event', async () => {
    // Prepare
    const overlapping = aSameDayEvent('2026-10-15T10:30:00+02:00', '2026-10-15T11:00:00+02:00');

    // Act
    const report = await check({ event: anEnglishEvent(), draft: { subject: 'Recording and slides: {{event.title}}' }, catalog: [overlapping] });

    // Assess
    const findings = findingsOf(report, 'event.conflict');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warn', recipients: 3 });
    expect(findings[0]!.found).toContain('messagerie-securisee-2026-10');
  });
});

describe('event.conflict does not warn about events far enough apart', () => {
  it('accepts a catalogue event on the same day starting 3 hours after this one ends', async () => {
    // Prepare
    const afternoon = aSameDayEvent('2026-10-15T14:30:00+02:00', '2026-10-15T15:30:00+02:00');

    // Act
    const report = await check({ catalog: [afternoon] });

    // Assess
    expect(findingsOf(report, 'event.conflict')).toEqual([]);
  });

  it('accepts a catalogue event at the same clock time in another zone', async () => {
    // Prepare: 10:00 in Montréal is 16:00 in Paris
    const elsewhere = aSameDayEvent('2026-10-15T10:00:00-04:00', '2026-10-15T11:30:00-04:00');

    // Act
    const report = await check({ catalog: [elsewhere] });

    // Assess
    expect(findingsOf(report, 'event.conflict')).toEqual([]);
  });

  it('ignores a catalogue file that has the event’s own id', async () => {
    // Prepare
    const ownCopy = anEarlierEvent({
      id: 'audit-rgaa-2026-10',
      start: '2026-10-15T10:00:00+02:00',
      end: '2026-10-15T11:30:00+02:00',
    });

    // Act
    const report = await check({ catalog: [ownCopy] });

    // Assess
    expect(findingsOf(report, 'event.conflict')).toEqual([]);
  });
});
