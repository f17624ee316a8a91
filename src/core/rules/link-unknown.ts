import { isAllowedHost } from '../check/context.ts';
import { say, type MessageRule } from './rule.ts';

/** link.unknown: a link to a host that is neither the event's, the sender's, nor allowed by the config. */
export const linkUnknown: MessageRule = {
  id: 'link.unknown',
  defaultSeverity: 'warn',
  scope: 'message',
  isPerShape: true,
  check({ links }, ctx) {
    const language = ctx.self.event.language;
    const domains = ctx.allowedDomains.join(', ');
    const seen = new Set<string>();
    return links.flatMap((link) => {
      if (link.isUnsubscribeUrl || link.kind === 'img' || link.unsafe) return [];
      if (!/^https:/i.test(link.href)) return [];
      const host = link.host;
      if (!host || isAllowedHost(ctx, host) || seen.has(host)) return [];
      seen.add(host);
      return [
        {
          message: say(
            language,
            `un lien mène à ${host}, qui n’est ni un site des liens de l’événement, ni le domaine de l’expéditeur, ni dans allowedDomains`,
            `a link goes to ${host}, which is not a host of the event's links, the sender's domain or allowedDomains`,
          ),
          expected: say(
            language,
            domains ? `un site de l’un de ces domaines : ${domains}` : 'un site des liens de l’événement',
            `a host under ${domains || 'the event links'}`,
          ),
          found: link.href,
        },
      ];
    });
  },
};
