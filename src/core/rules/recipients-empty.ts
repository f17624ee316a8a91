import type { CampaignRule } from './rule.ts';

/** recipients.empty: nobody would receive the message. */
export const recipientsEmpty: CampaignRule = {
  id: 'recipients.empty',
  defaultSeverity: 'block',
  scope: 'campaign',
  check(ctx, { selected }) {
    if (selected.length > 0) return [];
    const { rows } = ctx.campaign.recipients;
    const audience = ctx.campaign.draft.audience;
    const why =
      rows.length === 0
        ? 'recipients.csv has no valid address'
        : `audience "${audience}" selects none of the ${rows.length} valid recipients`;
    return [{ message: `no recipient is selected: ${why}`, expected: 'at least one selected recipient', found: why, recipients: 0, examples: [] }];
  },
};
