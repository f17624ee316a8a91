import type { MessageRule } from './rule.ts';

/** link.deceptive: a link whose visible text is a URL on another host than where it leads. */
export const linkDeceptive: MessageRule = {
  id: 'link.deceptive',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ links }) {
    return links.flatMap((link) => {
      if (link.kind !== 'a' || link.isUnsubscribeUrl) return [];
      const shown = link.shownHost;
      const actual = link.host;
      if (!shown || !actual) return [];
      if (shown.replace(/^www\./, '') === actual.replace(/^www\./, '')) return [];
      return [
        {
          message: `the link shows « ${link.text} » but leads to ${actual}`,
          expected: `a link to ${shown}`,
          found: `« ${link.text} » → ${link.href}`,
        },
      ];
    });
  },
};
