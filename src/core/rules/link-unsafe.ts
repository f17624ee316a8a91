import type { MessageRule } from './rule.ts';

/** link.unsafe: a link or image to localhost, a private address, example.com, a staging host, or plain http. */
export const linkUnsafe: MessageRule = {
  id: 'link.unsafe',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ links }) {
    return links.flatMap((link) => {
      if (link.isUnsubscribeUrl) return [];
      const reason = link.unsafe;
      if (!reason) return [];
      return [
        {
          message: `${link.kind === 'img' ? 'an image' : 'a link'}${link.text ? ` (« ${link.text.slice(0, 60)} »)` : ''} points to ${reason}`,
          expected: 'an https link on a public production host',
          found: link.href,
        },
      ];
    });
  },
};
