import type { CampaignRule } from './rule.ts';

/** event.not-ended: the follow-up is prepared before the event is over. */
export const eventNotEnded: CampaignRule = {
  id: 'event.not-ended',
  defaultSeverity: 'warn',
  scope: 'campaign',
  check(ctx) {
    if (ctx.now.getTime() >= ctx.self.endMs) return [];
    return [
      {
        message: `the event ends on ${ctx.self.event.end}, after now (${ctx.now.toISOString()})`,
        expected: 'an event that has ended',
        found: `ends ${ctx.self.event.end}`,
      },
    ];
  },
};
