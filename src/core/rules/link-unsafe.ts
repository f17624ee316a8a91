import { say, type MessageRule } from './rule.ts';

/** link.unsafe: a link or image to localhost, a private address, example.com, a staging host, or plain http. */
export const linkUnsafe: MessageRule = {
  id: 'link.unsafe',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ links }, ctx) {
    const language = ctx.self.event.language;
    return links.flatMap((link) => {
      if (link.isUnsubscribeUrl) return [];
      const reason = link.unsafe;
      if (!reason) return [];
      const text = link.text ? ` (« ${link.text.slice(0, 60)} »)` : '';
      return [
        {
          message: say(
            language,
            `${link.kind === 'img' ? 'une image' : 'un lien'}${text} ne peut pas partir tel quel : ${reason.fr}`,
            `${link.kind === 'img' ? 'an image' : 'a link'}${text} points to ${reason.en}`,
          ),
          expected: say(language, 'un lien https vers un site public de production', 'an https link on a public production host'),
          found: link.href,
        },
      ];
    });
  },
};
