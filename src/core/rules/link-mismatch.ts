import type { LinkLabel } from '../facts/links.ts';
import { say, type MessageRule } from './rule.ts';

const CHECKED: LinkLabel[] = ['replay', 'slides', 'survey'];
const WORDING: Record<string, string> = { replay: 'replay', slides: 'slides', survey: 'survey' };
/** How the French sentence names each kind of link: as announced, and where it should lead. */
const WORDING_FR: Record<string, { announced: string; leadsTo: string }> = {
  replay: { announced: 'le replay', leadsTo: 'au replay' },
  slides: { announced: 'les supports', leadsTo: 'aux supports' },
  survey: { announced: 'le questionnaire', leadsTo: 'au questionnaire' },
};

/** link.mismatch: a link worded as the replay, the slides or the survey that is not the event's link of that kind. */
export const linkMismatch: MessageRule = {
  id: 'link.mismatch',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ links }, ctx) {
    const language = ctx.self.event.language;
    const eventLinks = ctx.self.event.links;
    return links.flatMap((link) => {
      // An in-page anchor (a carousel's "#2", a table of contents) leads nowhere outside the message.
      if (link.isUnsubscribeUrl || link.kind === 'img' || link.href.trim().startsWith('#')) return [];
      const claimed = link.labels.filter((l) => CHECKED.includes(l));
      if (claimed.length === 0) return [];
      const key = link.key;
      const ownNames = key ? (ctx.ownLinks.get(key) ?? []) : [];
      if (claimed.some((kind) => ownNames.includes(kind))) return [];
      const kind = claimed[0]!;
      const expected = claimed
        .map((k) =>
          eventLinks[k]
            ? say(language, `${k} : ${eventLinks[k]}`, `${k}: ${eventLinks[k]}`)
            : say(language, `aucun lien ${k} dans event.json`, `no ${k} link in event.json`),
        )
        .join(say(language, ' ou ', ' or '));
      const wording = (link.text || link.before).slice(0, 60);
      return [
        {
          message: say(
            language,
            `« ${wording} » annonce ${WORDING_FR[kind]!.announced} mais ne mène pas ${WORDING_FR[kind]!.leadsTo} de l’événement`,
            `« ${wording} » is worded as the ${WORDING[kind]} but does not lead to the event's ${WORDING[kind]}`,
          ),
          expected,
          found: link.href,
        },
      ];
    });
  },
};
