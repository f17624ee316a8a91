import { isOwnDay } from '../check/context.ts';
import { describeEvent, say, type MessageRule, type Observation } from './rule.ts';

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
    const language = ctx.self.event.language;
    const found: Observation[] = [];
    const title = ctx.self.event.title;
    for (const link of message.links) {
      if (link.isUnsubscribeUrl) continue;
      const key = link.key;
      if (!key || ctx.ownLinks.has(key)) continue;
      const owners = ctx.linkOwners.get(key) ?? [];
      // A page that a later event shares (a series' registration page) announces that event.
      if (owners.some((o) => o.known.relation === 'later')) continue;
      for (const owner of owners) {
        if (owner.known.relation !== 'earlier') continue;
        const own = ctx.self.event.links[owner.name];
        const earlier = describeEvent(owner.known);
        found.push({
          message: say(
            language,
            `un lien reprend le lien ${owner.name} de l’événement précédent ${earlier}`,
            `a link goes to the ${owner.name} of the earlier event ${earlier}`,
          ),
          expected: own
            ? say(language, `${owner.name} : ${own}`, `${owner.name}: ${own}`)
            : say(language, `les liens de « ${title} »`, `links of « ${title} »`),
          found: say(language, `${link.href} (${owner.name} de ${earlier})`, `${link.href} (${owner.name} of ${earlier})`),
        });
      }
    }
    for (const mention of message.shape.titleMentions) {
      if (mention.known.relation !== 'earlier') continue;
      found.push({
        message: say(
          language,
          `le message cite l’événement précédent ${describeEvent(mention.known)}`,
          `the message names the earlier event ${describeEvent(mention.known)}`,
        ),
        expected: `« ${title} »`,
        found: `« ${mention.known.event.title} »`,
      });
    }
    for (const speaker of message.shape.speakerMentions) {
      const events = speaker.events.map(describeEvent).join(', ');
      const speakers = ctx.self.event.speakers.map((s) => s.name).join(', ');
      found.push({
        message: say(
          language,
          `le message cite ${speaker.name}, qui est intervenu·e lors de ${events} mais n’intervient pas dans cet événement`,
          `the message names ${speaker.name}, a speaker of ${events} who does not speak at this event`,
        ),
        expected: say(language, `intervenant·es : ${speakers || 'aucun'}`, `speakers: ${speakers || 'none'}`),
        found: `${speaker.name} (${events})`,
      });
    }
    for (const date of message.dates) {
      if (isOwnDay(ctx, date.day)) continue;
      for (const known of ctx.dayOwners.get(date.day) ?? []) {
        if (known.relation !== 'earlier') continue;
        found.push({
          message: say(
            language,
            `la date « ${date.text} » est le jour de l’événement précédent ${describeEvent(known)}`,
            `the date « ${date.text} » is the day of the earlier event ${describeEvent(known)}`,
          ),
          expected: say(language, `${ctx.self.day} (le jour de « ${title} »)`, `${ctx.self.day} (the day of « ${title} »)`),
          found: `« ${date.text} » (${describeEvent(known)})`,
        });
      }
    }
    return found;
  },
};
