import { describeEvent, type CampaignObservation, type CampaignRule } from './rule.ts';

const CHECKED_LINKS = ['replay', 'slides', 'survey'];

/** event.reused: event.json shares its start time or its replay, slides or survey link with a catalogue event. */
export const eventReused: CampaignRule = {
  id: 'event.reused',
  defaultSeverity: 'block',
  scope: 'campaign',
  check(ctx) {
    const found: CampaignObservation[] = [];
    for (const known of ctx.catalog) {
      if (known.startMs === ctx.self.startMs) {
        found.push({
          message: `event.json "start" is the start of ${describeEvent(known)}: was event.json copied and not updated?`,
          expected: 'a start time of its own',
          found: `${ctx.self.event.start} (also ${known.event.id})`,
        });
      }
    }
    for (const link of ctx.self.links) {
      if (!CHECKED_LINKS.includes(link.name)) continue;
      for (const owner of ctx.linkOwners.get(link.key) ?? []) {
        found.push({
          message: `event.json links.${link.name} is the ${owner.name} link of ${describeEvent(owner.known)}`,
          expected: `a ${link.name} link of this event`,
          found: `${link.url} (${owner.name} of ${owner.known.event.id})`,
        });
      }
    }
    return found;
  },
};
