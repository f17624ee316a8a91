import { weekdayOf } from '../facts/dates.ts';
import { say, weekdayName, type MessageRule } from './rule.ts';

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
      const actualName = weekdayName(actual, language);
      const statedName = weekdayName(d.statedWeekday, language);
      return [
        {
          message: say(
            language,
            `« ${d.text} » : le ${d.day} est un ${actualName}, pas un ${statedName}`,
            `« ${d.text} »: ${d.day} is a ${actualName}, not a ${statedName}`,
          ),
          expected: say(language, `le ${d.day} est un ${actualName}`, `${d.day} is a ${actualName}`),
          found: d.text,
        },
      ];
    });
  },
};
