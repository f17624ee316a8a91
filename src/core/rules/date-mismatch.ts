import type { MessageRule } from './rule.ts';

/** date.mismatch: a calendar date before the event's own day, most likely left from an older message. */
export const dateMismatch: MessageRule = {
  id: 'date.mismatch',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ dates }, ctx) {
    return dates.flatMap((d) =>
      d.day < ctx.self.day
        ? [
            {
              message: `« ${d.text} » (${d.day}) is before the event, which took place on ${ctx.self.day}`,
              expected: `${ctx.self.day} or later`,
              found: `« ${d.text} » (${d.day})`,
            },
          ]
        : [],
    );
  },
};
