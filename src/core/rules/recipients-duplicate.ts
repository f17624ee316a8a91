import { say, type CampaignRule } from './rule.ts';

/** recipients.duplicate: addresses listed more than once; each is sent once. */
export const recipientsDuplicate: CampaignRule = {
  id: 'recipients.duplicate',
  defaultSeverity: 'warn',
  scope: 'campaign',
  check(ctx) {
    const { duplicates } = ctx.campaign.recipients;
    if (duplicates.length === 0) return [];
    const language = ctx.self.event.language;
    const count = duplicates.length;
    return [
      {
        message: say(
          language,
          count > 1
            ? `${count} adresses apparaissent plusieurs fois ; chacune ne recevra qu’un seul message`
            : '1 adresse apparaît plusieurs fois ; elle ne recevra qu’un seul message',
          `${count} address${count > 1 ? 'es are' : ' is'} repeated; each is sent once`,
        ),
        expected: say(language, 'chaque adresse une seule fois', 'each address once'),
        found: duplicates
          .slice(0, 3)
          .map((d) => say(language, `${d.email} aux lignes ${d.firstLine} et ${d.line}`, `${d.email} on lines ${d.firstLine} and ${d.line}`))
          .join(say(language, ' ; ', '; ')),
        recipients: count,
        examples: duplicates.slice(0, 5).map((d) => d.email),
      },
    ];
  },
};
