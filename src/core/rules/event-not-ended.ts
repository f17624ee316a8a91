import { say, type CampaignRule } from './rule.ts';

/** event.not-ended: the follow-up is prepared before the event is over. */
export const eventNotEnded: CampaignRule = {
  id: 'event.not-ended',
  defaultSeverity: 'warn',
  scope: 'campaign',
  check(ctx) {
    if (ctx.now.getTime() >= ctx.self.endMs) return [];
    const language = ctx.self.event.language;
    const { end } = ctx.self.event;
    const now = ctx.now.toISOString();
    return [
      {
        message: say(
          language,
          `l’événement n’est pas encore terminé : il se termine le ${end}, et il est maintenant ${now}`,
          `the event ends on ${end}, after now (${now})`,
        ),
        expected: say(language, 'un événement déjà terminé', 'an event that has ended'),
        found: say(language, `se termine le ${end}`, `ends ${end}`),
      },
    ];
  },
};
