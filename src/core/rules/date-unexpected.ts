import { say, type MessageRule } from './rule.ts';

/** date.unexpected: a date after the event that is no catalogue event's day. */
export const dateUnexpected: MessageRule = {
  id: 'date.unexpected',
  defaultSeverity: 'warn',
  scope: 'message',
  isPerShape: true,
  check({ dates }, ctx) {
    const language = ctx.self.event.language;
    const { day, lastDay } = ctx.self;
    return dates.flatMap((d) =>
      d.day > lastDay && !ctx.dayOwners.has(d.day)
        ? [
            {
              message: say(
                language,
                `« ${d.text} » (${d.day}) est postérieure à l’événement et n’est le jour d’aucun événement du catalogue`,
                `« ${d.text} » (${d.day}) is after the event and is not the day of any catalogue event`,
              ),
              expected: say(
                language,
                `${lastDay === day ? day : `du ${day} au ${lastDay}`} ou le jour d’un événement du catalogue`,
                `${lastDay === day ? day : `${day} to ${lastDay}`} or the day of a catalogue event`,
              ),
              found: `« ${d.text} » (${d.day})`,
            },
          ]
        : [],
    );
  },
};
