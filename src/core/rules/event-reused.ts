import { describeEvent, say, type CampaignObservation, type CampaignRule } from './rule.ts';

const CHECKED_LINKS = ['replay', 'slides', 'survey'];

/** event.reused: event.json shares its start time or its replay, slides or survey link with a catalogue event. */
export const eventReused: CampaignRule = {
  id: 'event.reused',
  defaultSeverity: 'block',
  scope: 'campaign',
  check(ctx) {
    const language = ctx.self.event.language;
    const found: CampaignObservation[] = [];
    for (const known of ctx.catalog) {
      if (known.startMs === ctx.self.startMs) {
        found.push({
          message: say(
            language,
            `le début indiqué dans event.json (« start ») est celui de ${describeEvent(known)} : event.json a-t-il été copié sans être mis à jour ?`,
            `event.json "start" is the start of ${describeEvent(known)}: was event.json copied and not updated?`,
          ),
          expected: say(language, 'une heure de début propre à cet événement', 'a start time of its own'),
          found: say(language, `${ctx.self.event.start} (comme ${known.event.id})`, `${ctx.self.event.start} (also ${known.event.id})`),
        });
      }
    }
    for (const link of ctx.self.links) {
      if (!CHECKED_LINKS.includes(link.name)) continue;
      for (const owner of ctx.linkOwners.get(link.key) ?? []) {
        found.push({
          message: say(
            language,
            `dans event.json, links.${link.name} est le lien ${owner.name} de ${describeEvent(owner.known)}`,
            `event.json links.${link.name} is the ${owner.name} link of ${describeEvent(owner.known)}`,
          ),
          expected: say(language, `un lien ${link.name} propre à cet événement`, `a ${link.name} link of this event`),
          found: say(language, `${link.url} (${owner.name} de ${owner.known.event.id})`, `${link.url} (${owner.name} of ${owner.known.event.id})`),
        });
      }
    }
    return found;
  },
};
