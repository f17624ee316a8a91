import type { MessageRule } from './rule.ts';

/** date.unexpected: a date after the event that is no catalogue event's day. */
export const dateUnexpected: MessageRule = {
  id: 'date.unexpected',
  defaultSeverity: 'warn',
  scope: 'message',
  isPerShape: true,
  check({ dates }, ctx) {
    return dates.flatMap((d) =>
      d.day > ctx.self.lastDay && !ctx.dayOwners.has(d.day)
        ? [
            {
              message: `« ${d.text} » (${d.day}) is after the event and is not the day of any catalogue event`,
              expected: `${ctx.self.lastDay === ctx.self.day ? ctx.self.day : `${ctx.self.day} to ${ctx.self.lastDay}`} or the day of a catalogue event`,
              found: `« ${d.text} » (${d.day})`,
            },
          ]
        : [],
    );
  },
};
