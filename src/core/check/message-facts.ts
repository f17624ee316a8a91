import type { Recipient } from '../campaign/types.ts';
import { extractAttendance, type AttendanceClaim } from '../facts/attendance.ts';
import { extractDates, type DateFact } from '../facts/dates.ts';
import { extractGreetings, type GreetingFact } from '../facts/greetings.ts';
import { toLinkFact, toLinkFacts, type LinkFact } from '../facts/links.ts';
import { htmlPartText, plainPartText, type Part, type PartText, type RawLink } from '../facts/message-text.ts';
import { extractPlaceholders, type PlaceholderFact } from '../facts/placeholders.ts';
import { scoreTopic, type TopicScore } from '../facts/topic.ts';
import { fillSlots, MISSING_PATTERN, SLOT_PATTERN, slotIndex, slotMarker } from '../render/markers.ts';
import type { RenderedMessage } from '../render/render-plan.ts';
import { foldWords } from '../text/fold.ts';
import type { CheckContext, KnownEvent } from './context.ts';

/** A mention of another recipient's address or full name. */
export interface IdentityMention {
  part: Part;
  index: number;
  text: string;
}

/** Facts of one shape of message (a masked render), extracted once and shared by its recipients. */
export interface ShapeFacts {
  links: LinkFact[];
  hasSlotLinks: boolean;
  dates: DateFact[];
  greetings: GreetingFact[];
  attendance: AttendanceClaim[];
  placeholders: PlaceholderFact[];
  /** Template paths that rendered empty or absent ("recipient.organisation"). */
  missing: string[];
  titleMentions: { part: Part; known: KnownEvent }[];
  speakerMentions: { part: Part; name: string; events: KnownEvent[] }[];
  identityMentions: IdentityMention[];
  topic: TopicScore;
  /** Slots whose values are visible text (not only inside a link target). */
  textSlots: number[];
  /** Whether the HTML body, and the plain-text body when the draft has one, carry an unsubscribe link. */
  unsubscribe: { html: boolean; text?: boolean | undefined };
  subject: string;
}

/** Facts found in one recipient value on its own (a column value printed in the message). */
export interface ValueFacts {
  dates: DateFact[];
  placeholders: PlaceholderFact[];
  identities: IdentityMention[];
  links: LinkFact[];
}

/** Everything the message rules read about one recipient's message. */
export interface MessageFacts {
  recipient: Recipient;
  /** Position of the recipient in the list (to tell their own data from another's). */
  index: number;
  shape: ShapeFacts;
  subject: string;
  links: LinkFact[];
  greetings: GreetingFact[];
  dates: DateFact[];
  placeholders: PlaceholderFact[];
  identities: IdentityMention[];
  htmlBytes: number;
  /** True when the recipient's values add no fact to the shape's (so per-shape results apply as they are). */
  isShapeOnly: boolean;
  /** The values of the slots for this recipient, to show a masked text as this recipient reads it. */
  slotValues: readonly string[];
  /** What fills each slot (`unsubscribeUrl`, `recipient.<column>`). */
  slotNames: readonly string[];
}

const UNSUBSCRIBE_SLOT = 0;
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function stripMarkers(text: string): string {
  return text.replace(MISSING_PATTERN, '').replace(SLOT_PATTERN, ' ').replace(/\uE004/g, ' ');
}

function dropMissing(text: string): string {
  return text.replace(MISSING_PATTERN, '');
}

function identitiesIn(ctx: CheckContext, part: Part, text: string, hrefs: readonly string[] = []): IdentityMention[] {
  const found: IdentityMention[] = [];
  const { emails, names, maxNameWords } = ctx.identities;
  const addresses = [...text.matchAll(EMAIL_IN_TEXT)].map((m) => m[0]);
  for (const href of hrefs) if (/^mailto:/i.test(href)) addresses.push(decodeURIComponent(href.slice(7).split('?')[0] ?? ''));
  for (const address of addresses) {
    const index = emails.get(address.toLowerCase());
    if (index !== undefined) found.push({ part, index, text: address });
  }
  if (names.size === 0) return found;
  const tokens = foldWords(text).trim().split(' ');
  for (let i = 0; i < tokens.length; i++) {
    let key = tokens[i]!;
    for (let n = 2; n <= maxNameWords && i + n <= tokens.length; n++) {
      key += ` ${tokens[i + n - 1]}`;
      const index = names.get(` ${key} `);
      if (index !== undefined) found.push({ part, index, text: key });
    }
  }
  return found;
}

function hasUnsubscribe(links: readonly LinkFact[]): boolean {
  return links.some((l) => l.isUnsubscribeUrl || (l.labels.includes('unsubscribe') && /^(?:https:|http:|mailto:)/i.test(l.href)));
}

/** Extracts the facts of a masked render: the expensive reading, done once per shape of message. */
export function extractShapeFacts(masked: RenderedMessage, authored: RenderedMessage, ctx: CheckContext): ShapeFacts {
  const missing = new Set<string>();
  for (const raw of [masked.subject, masked.html, masked.text ?? '']) {
    for (const m of raw.matchAll(MISSING_PATTERN)) missing.add(m[1]!);
  }
  const parts: PartText[] = [plainPartText('subject', dropMissing(masked.subject)), htmlPartText(dropMissing(masked.html))];
  if (masked.text !== undefined) parts.push(plainPartText('text', dropMissing(masked.text)));
  // An unsubscribe URL written as text is a slot, not a URL yet: mail clients will link it.
  for (const part of parts.slice(1)) {
    for (const line of part.text.split('\n')) {
      const at = line.indexOf(slotMarker(UNSUBSCRIBE_SLOT));
      if (at >= 0) part.links.push({ part: part.part, href: slotMarker(UNSUBSCRIBE_SLOT), text: '', before: line.slice(0, at).trim(), kind: 'bare' });
    }
  }
  const rawLinks: RawLink[] = parts.flatMap((p) => p.links).filter((l) => l.href !== '');
  const unsubscribeMarker = slotMarker(UNSUBSCRIBE_SLOT);
  const links = toLinkFacts(rawLinks).map((l) => (l.href.includes(unsubscribeMarker) ? { ...l, isUnsubscribeUrl: true } : l));
  const textSlots = new Set<number>();
  for (const p of parts) for (const m of p.text.matchAll(SLOT_PATTERN)) textSlots.add(slotIndex(m[1]!));

  const dates: DateFact[] = [];
  const greetings: GreetingFact[] = [];
  const attendance: AttendanceClaim[] = [];
  const placeholders: PlaceholderFact[] = [];
  const titleMentions: ShapeFacts['titleMentions'] = [];
  const speakerMentions: ShapeFacts['speakerMentions'] = [];
  const identityMentions: IdentityMention[] = [];
  for (const p of parts) {
    const plain = stripMarkers(p.text);
    dates.push(...extractDates(p.part, plain, ctx.dateReference));
    if (p.part !== 'subject') greetings.push(...extractGreetings(p.part, p.text));
    attendance.push(...extractAttendance(p.part, plain));
    placeholders.push(...extractPlaceholders(p.part, p.text));
    for (const link of p.links) placeholders.push(...extractPlaceholders(p.part, link.href));
    const words = foldWords(plain);
    // This event's own title may begin with an older one's (« Santé mentale des jeunes » and « Santé
    // mentale des jeunes : repérer… »): only text outside it can name another event.
    const outsideOwnTitle = stripAccents(plain).replace(titlePattern(ctx.self.event.title), ' | ');
    const quoted = quotedSpans(plain);
    for (const known of ctx.catalog) {
      const head = known.titleHeadWords;
      const namesHead = head !== undefined && (known.headNaming === 'anywhere' ? words.includes(head) : known.headNaming === 'quoted' && quoted.has(head));
      if (namesTitle(outsideOwnTitle, known.event.title) || namesHead) {
        titleMentions.push({ part: p.part, known });
      }
    }
    for (const speaker of ctx.staleSpeakers) {
      if (words.includes(speaker.words)) speakerMentions.push({ part: p.part, name: speaker.name, events: speaker.events });
    }
    identityMentions.push(...identitiesIn(ctx, p.part, plain, p.links.map((l) => l.href)));
  }
  const authoredParts = [authored.subject, htmlPartText(authored.html).text, authored.text ?? ''];
  let topicWords = ` ${authoredParts.map((t) => foldWords(stripMarkers(t).replace(/\b(?:https?:\/\/|www\.)\S+|\S+@\S+/gi, ' '))).join(' ')} `;
  for (const phrase of ctx.topicNoise) topicWords = topicWords.split(phrase).join(' ');

  return {
    links,
    hasSlotLinks: links.some((l) => /[\uE000]/.test(l.href) || /[\uE000]/.test(l.text)),
    dates,
    greetings,
    attendance,
    placeholders,
    missing: [...missing],
    titleMentions,
    speakerMentions,
    identityMentions,
    topic: scoreTopic(ctx.topic, topicWords),
    textSlots: [...textSlots],
    unsubscribe: {
      html: hasUnsubscribe(links.filter((l) => l.part === 'html')),
      text: masked.text === undefined ? undefined : hasUnsubscribe(links.filter((l) => l.part === 'text')),
    },
    subject: parts[0]!.text,
  };
}

const QUOTED = /«\s*([^«»]{3,200}?)\s*»|“([^“”]{3,200}?)”|"([^"]{3,200}?)"/g;

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const titlePatterns = new Map<string, RegExp>();

/** A title as a pattern over accent-stripped text: its words in order, any spacing or punctuation between. */
function titlePattern(title: string): RegExp {
  let pattern = titlePatterns.get(title);
  if (!pattern) {
    const parts = stripAccents(title).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'giu');
    titlePatterns.set(title, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * True when a text names an event by its title. A long title is distinctive anywhere; a short one
 * (« Santé mentale des jeunes ») counts only written as a title — capitalised or between quotes — not
 * as ordinary words of a sentence (« les premiers secours en santé mentale des jeunes »).
 */
function namesTitle(text: string, title: string): boolean {
  const plain = stripAccents(text);
  const isLong = title.split(/\s+/).length >= 6;
  for (const match of plain.matchAll(titlePattern(title))) {
    if (isLong) return true;
    const before = plain.slice(Math.max(0, (match.index ?? 0) - 3), match.index);
    if (/\p{Lu}/u.test(match[0].charAt(0)) || /[«"“']\s*$/.test(before)) return true;
  }
  return false;
}

/** Two title heads (folded, space-padded) of one numbered series: the same words once their numbers are taken out. */
function quotedSpans(text: string): Set<string> {
  const spans = new Set<string>();
  for (const m of text.matchAll(QUOTED)) spans.add(foldWords(m[1] ?? m[2] ?? m[3] ?? ''));
  return spans;
}

const NO_VALUE_FACTS: ValueFacts = { dates: [], placeholders: [], identities: [], links: [] };
const MAYBE_INTERESTING = /[\d@[\]{}%*$<>«»:/]|xxx|todo|tbd|lorem|\s\S/i;

/** Facts of a recipient value printed in the message, read on its own. */
export function extractValueFacts(value: string, ctx: CheckContext): ValueFacts {
  if (!MAYBE_INTERESTING.test(value)) return NO_VALUE_FACTS;
  const text = plainPartText('html', value);
  const facts: ValueFacts = {
    dates: extractDates('html', value, ctx.dateReference),
    placeholders: extractPlaceholders('html', value),
    identities: identitiesIn(ctx, 'html', value),
    links: toLinkFacts(text.links),
  };
  const isEmpty = facts.dates.length + facts.placeholders.length + facts.identities.length + facts.links.length === 0;
  return isEmpty ? NO_VALUE_FACTS : facts;
}

/** Caches value facts by value: a value printed for many recipients is read once. */
export class ValueFactsCache {
  private readonly cache = new Map<string, ValueFacts>();
  constructor(private readonly ctx: CheckContext) {}

  get(value: string): ValueFacts {
    let facts = this.cache.get(value);
    if (!facts) {
      facts = extractValueFacts(value, this.ctx);
      this.cache.set(value, facts);
    }
    return facts;
  }
}

/** One recipient's facts: the shape's facts with this recipient's values put in their slots. */
export function resolveMessage(
  shape: ShapeFacts,
  recipient: Recipient,
  index: number,
  values: readonly string[],
  valueFacts: ValueFactsCache,
  htmlBytes: number,
  slotNames: readonly string[] = [],
): MessageFacts {
  let isShapeOnly = true;
  const links = shape.hasSlotLinks
    ? shape.links.map((l) => {
        if (!/[\uE000]/.test(l.href) && !/[\uE000]/.test(l.text)) return l;
        // The guard's own unsubscribe link is never judged by link rules: only its target changes.
        if (l.isUnsubscribeUrl) return { ...l, href: fillSlots(l.href, values) };
        isShapeOnly = false;
        return toLinkFact({ ...l, href: fillSlots(l.href, values), text: fillSlots(l.text, values) });
      })
    : shape.links;
  const greetings = shape.greetings.map((g) => (/[\uE000]/.test(g.name) ? { ...g, name: fillSlots(g.name, values), masked: g.name } : g));
  let dates = shape.dates;
  let placeholders = shape.placeholders;
  let identities = shape.identityMentions;
  let allLinks = links;
  for (const slot of shape.textSlots) {
    if (slot === UNSUBSCRIBE_SLOT) continue;
    const facts = valueFacts.get(values[slot] ?? '');
    if (facts === NO_VALUE_FACTS) continue;
    isShapeOnly = false;
    if (facts.dates.length) dates = [...dates, ...facts.dates];
    if (facts.placeholders.length) placeholders = [...placeholders, ...facts.placeholders];
    if (facts.identities.length) identities = [...identities, ...facts.identities];
    if (facts.links.length) allLinks = [...allLinks, ...facts.links];
  }
  return {
    recipient,
    index,
    shape,
    subject: fillSlots(shape.subject, values),
    links: allLinks,
    greetings,
    dates,
    placeholders,
    identities,
    htmlBytes,
    isShapeOnly,
    slotValues: values,
    slotNames,
  };
}
