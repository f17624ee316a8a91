import type { CampaignRule } from './rule.ts';

/** recipients.invalid: rows whose address is malformed; they are left out of the send. */
export const recipientsInvalid: CampaignRule = {
  id: 'recipients.invalid',
  defaultSeverity: 'warn',
  scope: 'campaign',
  check(ctx) {
    const { invalid } = ctx.campaign.recipients;
    if (invalid.length === 0) return [];
    return [
      {
        message: `${invalid.length} row${invalid.length > 1 ? 's have' : ' has'} no valid email address and will not be sent`,
        expected: 'an email address on every row',
        found: invalid
          .slice(0, 3)
          .map((r) => `recipients.csv line ${r.line}: "${r.value}" is ${r.reason === 'no address' ? 'empty' : 'not an email address'}`)
          .join('; '),
        recipients: invalid.length,
        examples: invalid.slice(0, 5).map((r) => `line ${r.line}: ${r.value || '(empty)'}`),
      },
    ];
  },
};
