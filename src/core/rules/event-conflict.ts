import { describeEvent, type CampaignRule } from './rule.ts';

/** event.conflict: a catalogue event overlaps this one or starts within the conflict window (2 hours). */
export const eventConflict: CampaignRule = {
  id: 'event.conflict',
  defaultSeverity: 'warn',
  scope: 'campaign',
  check(ctx) {
    const windowMs = ctx.thresholds.conflictWindowMinutes * 60_000;
    return ctx.catalog.flatMap((known) => {
      const overlaps = known.startMs < ctx.self.endMs && known.endMs > ctx.self.startMs;
      const close = Math.abs(known.startMs - ctx.self.startMs) < windowMs;
      if (!overlaps && !close) return [];
      return [
        {
          message: `${describeEvent(known)} ${overlaps ? 'overlaps this event' : 'starts within the conflict window of this event'}`,
          expected: `no other event from ${ctx.self.event.start} to ${ctx.self.event.end}`,
          found: `${known.event.id}: ${known.event.start} – ${known.event.end}`,
        },
      ];
    });
  },
};
