import { say, type MessageRule } from './rule.ts';

/** recipient.leak: a message holds another recipient's address or full name. */
export const recipientLeak: MessageRule = {
  id: 'recipient.leak',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: false,
  check({ identities, index }, ctx) {
    const language = ctx.self.event.language;
    const seen = new Set<number>();
    return identities.flatMap((mention) => {
      if (mention.index === index || seen.has(mention.index)) return [];
      seen.add(mention.index);
      const other = ctx.campaign.recipients.rows[mention.index];
      const isAddress = mention.text.includes('@');
      const who = other?.email ?? mention.text;
      return [
        {
          message: say(
            language,
            `le message montre ${isAddress ? 'l’adresse' : 'le nom'} d’un autre destinataire (${who})`,
            `the message shows another recipient's ${isAddress ? 'address' : 'name'} (${who})`,
          ),
          expected: say(language, 'seulement les données du destinataire lui-même', "only the recipient's own data"),
          found: mention.text,
        },
      ];
    });
  },
};
