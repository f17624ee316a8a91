import { say, type MessageRule } from './rule.ts';

/** link.deceptive: a link whose visible text is a URL on another host than where it leads. */
export const linkDeceptive: MessageRule = {
  id: 'link.deceptive',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ links }, ctx) {
    const language = ctx.self.event.language;
    return links.flatMap((link) => {
      if (link.kind !== 'a' || link.isUnsubscribeUrl) return [];
      const shown = link.shownHost;
      const actual = link.host;
      if (!shown || !actual) return [];
      if (shown.replace(/^www\./, '') === actual.replace(/^www\./, '')) return [];
      return [
        {
          message: say(
            language,
            `le lien affiche « ${link.text} » mais mène à ${actual}`,
            `the link shows « ${link.text} » but leads to ${actual}`,
          ),
          expected: say(language, `un lien vers ${shown}`, `a link to ${shown}`),
          found: `« ${link.text} » → ${link.href}`,
        },
      ];
    });
  },
};
