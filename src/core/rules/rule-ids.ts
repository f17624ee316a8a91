/** Every rule id of the contract (shared/spec/campaign.md), in the order of its table. */
export const RULE_IDS = [
  'template.invalid',
  'draft.event-mismatch',
  'field.missing',
  'placeholder.leftover',
  'stale.reference',
  'date.weekday',
  'date.mismatch',
  'date.unexpected',
  'link.unsafe',
  'link.deceptive',
  'link.mismatch',
  'link.unknown',
  'topic.off',
  'segment.mismatch',
  'recipient.leak',
  'greeting.mismatch',
  'unsubscribe.missing',
  'recipients.empty',
  'recipients.invalid',
  'recipients.duplicate',
  'event.reused',
  'event.not-ended',
  'event.conflict',
  'size.clipped',
  'subject.off-topic',
  // Added to the contract's table (additions only):
  'header.injection',
] as const;

/**
 * Findings raised by followup-guard itself, not by a rule of the registry, which no configuration
 * changes: `check.incomplete` (block, the engine) marks the recipients left unchecked when the check
 * ran out of its time budget; `campaign.resent` (warn, the submission) says that recipients of this
 * list already got a follow-up of the same event from another campaign.
 */
export const ENGINE_FINDING_IDS = ['check.incomplete', 'campaign.resent'] as const;

export type RuleId = (typeof RULE_IDS)[number] | (typeof ENGINE_FINDING_IDS)[number];

/** True when `id` names a rule of the contract (or an added rule), one that the config may set. */
export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}
