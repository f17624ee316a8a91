import { say, type MessageRule } from './rule.ts';

/**
 * topic.off: the message's own wording (titles and names taken out) shares more with another catalogue
 * event than with this one, or shares nothing with this event's title, description and keywords.
 */
export const topicOff: MessageRule = {
  id: 'topic.off',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ shape }, ctx) {
    const { topic } = shape;
    const { topicMinOtherScore, topicMargin, topicMinContentWords } = ctx.thresholds;
    const { language, title } = ctx.self.event;
    const closest = topic.closest;
    if (closest && closest.terms.length >= topicMinOtherScore && closest.score > topicMargin * topic.own) {
      const other = closest.event.title;
      const otherTerms = closest.terms.slice(0, 8).join(', ');
      const ownTerms = topic.ownTerms.length ? ` (${topic.ownTerms.slice(0, 8).join(', ')})` : '';
      return [
        {
          message: say(
            language,
            `le texte parle davantage de « ${other} » (${otherTerms}) que de « ${title} »`,
            `the wording is about « ${other} » (${otherTerms}) more than about « ${title} »`,
          ),
          expected: say(language, `un texte sur « ${title} »${ownTerms}`, `wording about « ${title} »${ownTerms}`),
          found: say(language, `un texte sur « ${other} » (${otherTerms})`, `wording about « ${other} » (${otherTerms})`),
        },
      ];
    }
    const ownShare = topic.contentTerms === 0 ? 1 : topic.ownTerms.length / topic.contentTerms;
    if (topic.contentTerms >= topicMinContentWords && ownShare < ctx.thresholds.topicMinOwnShare) {
      const ownTerms = topic.ownTerms.length ? ` (${topic.ownTerms.join(', ')})` : '';
      return [
        {
          message: say(
            language,
            `le texte n’a presque aucun mot en commun avec le titre, la description ou les mots-clés de « ${title} »`,
            `the wording shares almost no word with the title, description or keywords of « ${title} »`,
          ),
          expected: say(language, `un texte sur « ${title} »`, `wording about « ${title} »`),
          found: say(
            language,
            `${topic.contentTerms} mots thématiques, dont ${topic.ownTerms.length} propres à cet événement${ownTerms}`,
            `${topic.contentTerms} topic words, ${topic.ownTerms.length} of them this event's${ownTerms}`,
          ),
        },
      ];
    }
    return [];
  },
};
