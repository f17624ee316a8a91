import type { MessageRule } from './rule.ts';

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
    const title = ctx.self.event.title;
    const closest = topic.closest;
    if (closest && closest.terms.length >= topicMinOtherScore && closest.score > topicMargin * topic.own) {
      return [
        {
          message: `the wording is about « ${closest.event.title} » (${closest.terms.slice(0, 8).join(', ')}) more than about « ${title} »`,
          expected: `wording about « ${title} »${topic.ownTerms.length ? ` (${topic.ownTerms.slice(0, 8).join(', ')})` : ''}`,
          found: `wording about « ${closest.event.title} » (${closest.terms.slice(0, 8).join(', ')})`,
        },
      ];
    }
    const ownShare = topic.contentTerms === 0 ? 1 : topic.ownTerms.length / topic.contentTerms;
    if (topic.contentTerms >= topicMinContentWords && ownShare < ctx.thresholds.topicMinOwnShare) {
      return [
        {
          message: `the wording shares almost no word with the title, description or keywords of « ${title} »`,
          expected: `wording about « ${title} »`,
          found: `${topic.contentTerms} topic words, ${topic.ownTerms.length} of them this event's${topic.ownTerms.length ? ` (${topic.ownTerms.join(', ')})` : ''}`,
        },
      ];
    }
    return [];
  },
};
