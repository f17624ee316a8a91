import { describeEvent, say, type CampaignRule } from './rule.ts';

/** event.conflict: a catalogue event overlaps this one or starts within the conflict window (2 hours). */
export const eventConflict: CampaignRule = {
  id: 'event.conflict',
  defaultSeverity: 'warn',
  scope: 'campaign',
  check(ctx) {
    const language = ctx.self.event.language;
    const { start, end } = ctx.self.event;
    const windowMs = ctx.thresholds.conflictWindowMinutes * 60_000;
    return ctx.catalog.flatMap((known) => {
      const overlaps = known.startMs < ctx.self.endMs && known.endMs > ctx.self.startMs;
      const close = Math.abs(known.startMs - ctx.self.startMs) < windowMs;
      if (!overlaps && !close) return [];
      const other = describeEvent(known);
      return [
        {
          message: overlaps
            ? say(language, `${other} chevauche les horaires de cet événement`, `${other} overlaps this event`)
            : say(
                language,
                `${other} commence trop près de cet événement (dans la fenêtre de conflit)`,
                `${other} starts within the conflict window of this event`,
              ),
          expected: say(language, `aucun autre événement du ${start} au ${end}`, `no other event from ${start} to ${end}`),
          found: say(
            language,
            `${known.event.id} : ${known.event.start} – ${known.event.end}`,
            `${known.event.id}: ${known.event.start} – ${known.event.end}`,
          ),
        },
      ];
    });
  },
};
