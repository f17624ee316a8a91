import type { CampaignRule } from './rule.ts';

/** recipients.duplicate: addresses listed more than once; each is sent once. */
export const recipientsDuplicate: CampaignRule = {
  id: 'recipients.duplicate',
  defaultSeverity: 'warn',
  scope: 'campaign',
  check(ctx) {
    const { duplicates } = ctx.campaign.recipients;
    if (duplicates.length === 0) return [];
    return [
      {
        message: `${duplicates.length} address${duplicates.length > 1 ? 'es are' : ' is'} repeated; each is sent once`,
        expected: 'each address once',
        found: duplicates
          .slice(0, 3)
          .map((d) => `${d.email} on lines ${d.firstLine} and ${d.line}`)
          .join('; '),
        recipients: duplicates.length,
        examples: duplicates.slice(0, 5).map((d) => d.email),
      },
    ];
  },
};
