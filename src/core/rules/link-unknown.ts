import { isAllowedHost } from '../check/context.ts';
import type { MessageRule } from './rule.ts';

/** link.unknown: a link to a host that is neither the event's, the sender's, nor allowed by the config. */
export const linkUnknown: MessageRule = {
  id: 'link.unknown',
  defaultSeverity: 'warn',
  scope: 'message',
  isPerShape: true,
  check({ links }, ctx) {
    const seen = new Set<string>();
    return links.flatMap((link) => {
      if (link.isUnsubscribeUrl || link.kind === 'img' || link.unsafe) return [];
      if (!/^https:/i.test(link.href)) return [];
      const host = link.host;
      if (!host || isAllowedHost(ctx, host) || seen.has(host)) return [];
      seen.add(host);
      return [
        {
          message: `a link goes to ${host}, which is not a host of the event's links, the sender's domain or allowedDomains`,
          expected: `a host under ${ctx.allowedDomains.join(', ') || 'the event links'}`,
          found: link.href,
        },
      ];
    });
  },
};
