import { weekdayOf } from '../facts/dates.ts';
import { weekdayName, type MessageRule } from './rule.ts';

/** date.weekday: a weekday written beside a date that falls on another weekday. */
export const dateWeekday: MessageRule = {
  id: 'date.weekday',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ dates }, ctx) {
    const language = ctx.self.event.language;
    return dates.flatMap((d) => {
      if (d.statedWeekday === undefined) return [];
      const actual = weekdayOf(d.day);
      if (actual === d.statedWeekday) return [];
      return [
        {
          message: `« ${d.text} »: ${d.day} is a ${weekdayName(actual, language)}, not a ${weekdayName(d.statedWeekday, language)}`,
          expected: `${d.day} is a ${weekdayName(actual, language)}`,
          found: d.text,
        },
      ];
    });
  },
};
