import { describe, expect, it } from 'vitest';
import { aLaterEvent, anEarlierEvent, anEnglishEvent, anEvent, check, findingsOf, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

const EVERYONE = THREE_RECIPIENTS.map((r) => r.email);
const OWN_LINKS = anEvent().links as Record<string, string>;
const EARLIER_LINKS = anEarlierEvent().links as Record<string, string>;

describe('event.reused fires when event.json was copied from another event', () => {
  it('blocks the send when the event starts at the very instant an older catalogue event started', async () => {
    // Prepare: the start and end were copied from the June event
    const event = anEvent({ start: '2026-06-11T10:00:00+02:00', end: '2026-06-11T11:30:00+02:00' });

    // Act
    const report = await check({ event, catalog: [anEarlierEvent({ start: '2026-06-11T10:00:00+02:00' }), aLaterEvent()] });

    // Assess
    const findings = findingsOf(report, 'event.reused');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3, examples: EVERYONE });
    expect(findings[0]!.found).toContain('2026-06-11T10:00:00+02:00');
    expect(findings[0]!.found).toContain('teletravail-agents-2026-06');
    expect(report.verdict).toBe('blocked');
  });

  it('blocks the send when the same start instant is written with another offset', async () => {
    // Prepare
    const event = anEvent({ start: '2026-06-11T08:00:00Z', end: '2026-06-11T09:30:00Z' });

    // Act
    const report = await check({ event, catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'event.reused');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain('teletravail-agents-2026-06');
  });

  it.each(['replay', 'slides', 'survey'])('blocks the send when the %s link is another catalogue event’s', async (name) => {
    // Prepare
    const event = anEvent({ links: { ...OWN_LINKS, [name]: EARLIER_LINKS[name] } });

    // Act
    const report = await check({ event, catalog: [anEarlierEvent()] });

    // Assess
    const findings = findingsOf(report, 'event.reused');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain(EARLIER_LINKS[name]);
    expect(findings[0]!.found).toContain('teletravail-agents-2026-06');
    expect(`${findings[0]!.message} ${findings[0]!.expected}`).toContain(name);
  });

  it('blocks an English event whose replay link is a later catalogue event’s', async () => {
    // Prepare: an event.json copied forward from a draft of the January session
    const laterReplay = 'https://webinaires.numerique-territoires.fr/replay/schema-pluriannuel';
    const event = anEnglishEvent({ links: { ...OWN_LINKS, replay: laterReplay } });
    const later = aLaterEvent({ links: { registration: 'https://www.numerique-territoires.fr/agenda/schema-pluriannuel', replay: laterReplay } });

    // Act
    const report = await check({ event, draft: { subject: 'Recording and slides: {{event.title}}' }, catalog: [later] });

    // Assess
    const findings = findingsOf(report, 'event.reused');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'block', recipients: 3 });
    expect(findings[0]!.found).toContain(laterReplay);
    expect(findings[0]!.found).toContain('schema-pluriannuel-2027-01');
  });
});

describe('event.reused does not fire on an event of its own', () => {
  it('accepts links on the same hosts as another event’s, with their own paths', async () => {
    // Prepare: every link of both events shares its host, the paths differ
    const earlier = anEarlierEvent({
      links: { ...EARLIER_LINKS, registration: 'https://www.numerique-territoires.fr/agenda/teletravail-agents' },
    });

    // Act
    const report = await check({ catalog: [earlier] });

    // Assess
    expect(findingsOf(report, 'event.reused')).toEqual([]);
  });

  it('accepts a registration page shared with another event, which is no replay, slides or survey link', async () => {
    // Prepare
    const shared = 'https://www.numerique-territoires.fr/agenda';
    const event = anEvent({ links: { ...OWN_LINKS, registration: shared } });
    const earlier = anEarlierEvent({ links: { ...EARLIER_LINKS, registration: shared } });

    // Act
    const report = await check({ event, catalog: [earlier] });

    // Assess
    expect(findingsOf(report, 'event.reused')).toEqual([]);
  });

  it('accepts a catalogue event on the same day at another time', async () => {
    // Prepare
    const afternoon = anEarlierEvent({ start: '2026-10-15T16:00:00+02:00', end: '2026-10-15T17:00:00+02:00' });

    // Act
    const report = await check({ catalog: [afternoon, aLaterEvent()] });

    // Assess
    expect(findingsOf(report, 'event.reused')).toEqual([]);
  });

  it('accepts the same clock time in another time zone, which is another instant', async () => {
    // Prepare: 10:00 in Montréal is 16:00 in Paris
    const elsewhere = anEarlierEvent({ start: '2026-10-15T10:00:00-04:00', end: '2026-10-15T11:30:00-04:00', timezone: 'America/Toronto' });

    // Act
    const report = await check({ catalog: [elsewhere] });

    // Assess
    expect(findingsOf(report, 'event.reused')).toEqual([]);
  });

  it('ignores a catalogue file that has the event’s own id', async () => {
    // Prepare: the catalogue export holds this very event, same start and links
    const ownCopy = anEvent();

    // Act
    const report = await check({ catalog: [ownCopy, anEarlierEvent()] });

    // Assess
    expect(findingsOf(report, 'event.reused')).toEqual([]);
  });
});
