import type { MessageRule } from './rule.ts';

/** recipient.leak: a message holds another recipient's address or full name. */
export const recipientLeak: MessageRule = {
  id: 'recipient.leak',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: false,
  check({ identities, index }, ctx) {
    const seen = new Set<number>();
    return identities.flatMap((mention) => {
      if (mention.index === index || seen.has(mention.index)) return [];
      seen.add(mention.index);
      const other = ctx.campaign.recipients.rows[mention.index];
      return [
        {
          message: `the message shows another recipient's ${mention.text.includes('@') ? 'address' : 'name'} (${other?.email ?? mention.text})`,
          expected: "only the recipient's own data",
          found: mention.text,
        },
      ];
    });
  },
};
