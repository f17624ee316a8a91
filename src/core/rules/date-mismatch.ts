import { say, type MessageRule } from './rule.ts';

/** date.mismatch: a calendar date before the event's own day, most likely left from an older message. */
export const dateMismatch: MessageRule = {
  id: 'date.mismatch',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ dates }, ctx) {
    const language = ctx.self.event.language;
    return dates.flatMap((d) =>
      d.day < ctx.self.day
        ? [
            {
              message: say(
                language,
                `« ${d.text} » (${d.day}) est antérieure à l’événement, qui a eu lieu le ${ctx.self.day}`,
                `« ${d.text} » (${d.day}) is before the event, which took place on ${ctx.self.day}`,
              ),
              expected: say(language, `${ctx.self.day} ou après`, `${ctx.self.day} or later`),
              found: `« ${d.text} » (${d.day})`,
            },
          ]
        : [],
    );
  },
};
