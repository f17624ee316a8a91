import { say, type CampaignRule } from './rule.ts';

/** draft.event-mismatch: the draft says it follows up another event than event.json. */
export const draftEventMismatch: CampaignRule = {
  id: 'draft.event-mismatch',
  defaultSeverity: 'block',
  scope: 'campaign',
  check(ctx) {
    const { draft, event } = ctx.campaign;
    if (draft.eventId === event.id) return [];
    return [
      {
        message: say(
          event.language,
          `le champ « eventId » de draft.json vaut « ${draft.eventId} », mais event.json décrit l’événement « ${event.id} »`,
          `draft.json "eventId" is "${draft.eventId}" but event.json is the event "${event.id}"`,
        ),
        expected: event.id,
        found: draft.eventId,
      },
    ];
  },
};
