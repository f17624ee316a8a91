import type { Campaign, Recipient } from '../campaign/types.ts';
import { prepareTemplates } from '../render/render-plan.ts';
import { formatLongDate, formatTime } from '../render/event-context.ts';
import { foldWords } from '../text/fold.ts';
import { selectRecipients } from './check-campaign.ts';
import { buildCheckContext, isOwnDay, type CheckContext } from './context.ts';
import { extractShapeFacts, type ShapeFacts } from './message-facts.ts';

/** How a fact of the messages relates to the event. */
export type FactStatus = 'matching' | 'other-event' | 'unknown';

/** One line of the side-by-side table: what the event says, what the messages say, and how they relate. */
export interface FactRow {
  kind: 'title' | 'date' | 'speaker' | 'link';
  /** What this event says for this kind of fact (its title, its day, a speaker, its replay link…). */
  event: string;
  /** What the messages say. */
  message: string;
  status: FactStatus;
  /** The other event it belongs to, when it is another event's. */
  otherEvent?: { id: string; title: string; day: string; relation: string } | undefined;
  /** How many selected recipients' messages carry it. */
  recipients: number;
}

/** The fact diff of a campaign: every title, date, speaker and link the messages state, against the event. */
export interface FactDiff {
  event: { title: string; date: string; time: string; speakers: string[]; links: Record<string, string> };
  rows: FactRow[];
  /** Selected recipients whose message states nothing of a kind the event has (e.g. no date at all). */
  selected: number;
}

function otherOf(ctx: CheckContext, id: string): FactRow['otherEvent'] {
  const known = ctx.catalog.find((k) => k.event.id === id);
  return known && { id: known.event.id, title: known.event.title, day: known.day, relation: known.relation };
}

function shapeRows(ctx: CheckContext, shape: ShapeFacts, texts: string): Omit<FactRow, 'recipients'>[] {
  const rows: Omit<FactRow, 'recipients'>[] = [];
  const { event } = ctx.self;
  if (texts.includes(ctx.self.titleWords)) rows.push({ kind: 'title', event: event.title, message: event.title, status: 'matching' });
  for (const mention of shape.titleMentions) {
    rows.push({ kind: 'title', event: event.title, message: mention.known.event.title, status: 'other-event', otherEvent: otherOf(ctx, mention.known.event.id) });
  }
  const eventDate = formatLongDate(new Date(event.start), event.timezone, event.language);
  for (const date of shape.dates) {
    if (isOwnDay(ctx, date.day)) {
      rows.push({ kind: 'date', event: eventDate, message: date.text, status: 'matching' });
      continue;
    }
    const owner = ctx.dayOwners.get(date.day)?.[0];
    rows.push({ kind: 'date', event: eventDate, message: `${date.text} (${date.day})`, status: owner ? 'other-event' : 'unknown', otherEvent: owner && otherOf(ctx, owner.event.id) });
  }
  for (const speaker of event.speakers) {
    if (texts.includes(foldWords(speaker.name))) rows.push({ kind: 'speaker', event: speaker.name, message: speaker.name, status: 'matching' });
  }
  for (const mention of shape.speakerMentions) {
    rows.push({ kind: 'speaker', event: event.speakers.map((s) => s.name).join(', '), message: mention.name, status: 'other-event', otherEvent: otherOf(ctx, mention.events[0]!.event.id) });
  }
  for (const link of shape.links) {
    if (link.isUnsubscribeUrl || link.kind === 'img' || !link.key || link.key.startsWith('mailto:')) continue;
    const own = ctx.ownLinks.get(link.key);
    const label = link.labels.filter((l) => l !== 'unsubscribe');
    const eventSide = own ? own.map((n) => `${n}: ${event.links[n]}`).join(', ') : label.map((l) => (event.links[l] ? `${l}: ${event.links[l]}` : `${l}: —`)).join(', ') || '—';
    if (own) {
      rows.push({ kind: 'link', event: eventSide, message: link.href, status: 'matching' });
      continue;
    }
    const owner = ctx.linkOwners.get(link.key)?.[0];
    rows.push({ kind: 'link', event: eventSide, message: link.href, status: owner ? 'other-event' : 'unknown', otherEvent: owner && otherOf(ctx, owner.known.event.id) });
  }
  return rows;
}

/**
 * Compares every shape of message with the event: the one view where a stale template shows at a
 * glance. Facts are read once per shape and counted for the recipients of that shape.
 */
export async function computeFactDiff(campaign: Campaign, now: Date): Promise<FactDiff> {
  const ctx = buildCheckContext(campaign, now);
  const { event } = campaign;
  const summary = {
    title: event.title,
    date: formatLongDate(new Date(event.start), event.timezone, event.language),
    time: formatTime(new Date(event.start), event.timezone, event.language),
    speakers: event.speakers.map((s) => s.name),
    links: event.links,
  };
  const prepared = await prepareTemplates(campaign);
  const selected = selectRecipients(campaign);
  if (!prepared.plan) return { event: summary, rows: [], selected: selected.length };
  const plan = prepared.plan;
  const shapes = new Map<string, { recipients: number; sample: Recipient }>();
  for (const { recipient } of selected) {
    const key = plan.shapeKey(recipient);
    const entry = shapes.get(key);
    if (entry) entry.recipients++;
    else shapes.set(key, { recipients: 1, sample: recipient });
  }
  const merged = new Map<string, FactRow>();
  for (const { recipients, sample } of shapes.values()) {
    const masked = plan.renderMasked(sample);
    const shape = extractShapeFacts(masked, plan.renderAuthored(sample), ctx);
    const texts = foldWords(`${masked.subject}\n${masked.html.replace(/<[^>]*>/g, ' ')}\n${masked.text ?? ''}`);
    const seen = new Set<string>();
    for (const row of shapeRows(ctx, shape, texts)) {
      const key = `${row.kind}\u0000${row.message}\u0000${row.status}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const existing = merged.get(key);
      if (existing) existing.recipients += recipients;
      else merged.set(key, { ...row, recipients });
    }
  }
  const order = { 'other-event': 0, unknown: 1, matching: 2 } as const;
  const kinds = { title: 0, date: 1, speaker: 2, link: 3 } as const;
  const rows = [...merged.values()].sort((a, b) => kinds[a.kind] - kinds[b.kind] || order[a.status] - order[b.status]);
  return { event: summary, rows, selected: selected.length };
}
