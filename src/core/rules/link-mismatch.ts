import type { LinkLabel } from '../facts/links.ts';
import type { MessageRule } from './rule.ts';

const CHECKED: LinkLabel[] = ['replay', 'slides', 'survey'];
const WORDING: Record<string, string> = { replay: 'replay', slides: 'slides', survey: 'survey' };

/** link.mismatch: a link worded as the replay, the slides or the survey that is not the event's link of that kind. */
export const linkMismatch: MessageRule = {
  id: 'link.mismatch',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ links }, ctx) {
    const eventLinks = ctx.self.event.links;
    return links.flatMap((link) => {
      if (link.isUnsubscribeUrl || link.kind === 'img') return [];
      const claimed = link.labels.filter((l) => CHECKED.includes(l));
      if (claimed.length === 0) return [];
      const key = link.key;
      const ownNames = key ? (ctx.ownLinks.get(key) ?? []) : [];
      if (claimed.some((kind) => ownNames.includes(kind))) return [];
      const kind = claimed[0]!;
      const expected = claimed.map((k) => (eventLinks[k] ? `${k}: ${eventLinks[k]}` : `no ${k} link in event.json`)).join(' or ');
      const wording = link.text || link.before;
      return [
        {
          message: `« ${wording.slice(0, 60)} » is worded as the ${WORDING[kind]} but does not lead to the event's ${WORDING[kind]}`,
          expected,
          found: link.href,
        },
      ];
    });
  },
};
