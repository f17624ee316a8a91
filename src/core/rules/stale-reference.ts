import { isOwnDay } from '../check/context.ts';
import { describeEvent, type MessageRule, type Observation } from './rule.ts';

/**
 * stale.reference: the message names a title, date, link or speaker of an earlier catalogue event that
 * is not this event's (mentioning a later event is an announcement, not a leftover).
 */
export const staleReference: MessageRule = {
  id: 'stale.reference',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check(message, ctx) {
    const found: Observation[] = [];
    const title = ctx.self.event.title;
    for (const link of message.links) {
      if (link.isUnsubscribeUrl) continue;
      const key = link.key;
      if (!key || ctx.ownLinks.has(key)) continue;
      for (const owner of ctx.linkOwners.get(key) ?? []) {
        if (owner.known.relation !== 'earlier') continue;
        const own = ctx.self.event.links[owner.name];
        found.push({
          message: `a link goes to the ${owner.name} of the earlier event ${describeEvent(owner.known)}`,
          expected: own ? `${owner.name}: ${own}` : `links of « ${title} »`,
          found: `${link.href} (${owner.name} of ${describeEvent(owner.known)})`,
        });
      }
    }
    for (const mention of message.shape.titleMentions) {
      if (mention.known.relation !== 'earlier') continue;
      found.push({
        message: `the message names the earlier event ${describeEvent(mention.known)}`,
        expected: `« ${title} »`,
        found: `« ${mention.known.event.title} »`,
      });
    }
    for (const speaker of message.shape.speakerMentions) {
      found.push({
        message: `the message names ${speaker.name}, a speaker of ${speaker.events.map(describeEvent).join(', ')} who does not speak at this event`,
        expected: `speakers: ${ctx.self.event.speakers.map((s) => s.name).join(', ') || 'none'}`,
        found: `${speaker.name} (${speaker.events.map(describeEvent).join(', ')})`,
      });
    }
    for (const date of message.dates) {
      if (isOwnDay(ctx, date.day)) continue;
      for (const known of ctx.dayOwners.get(date.day) ?? []) {
        if (known.relation !== 'earlier') continue;
        found.push({
          message: `the date « ${date.text} » is the day of the earlier event ${describeEvent(known)}`,
          expected: `${ctx.self.day} (the day of « ${title} »)`,
          found: `« ${date.text} » (${describeEvent(known)})`,
        });
      }
    }
    return found;
  },
};
