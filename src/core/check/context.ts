import { parseMailbox } from '../campaign/schema.ts';
import type { Campaign, EventMeta, SeveritySetting, Thresholds } from '../campaign/types.ts';
import type { DateReference } from '../facts/dates.ts';
import { isOwnNameColumn } from '../facts/greetings.ts';
import { hostOf, normaliseUrl } from '../facts/links.ts';
import { buildTopicModel, type TopicModel } from '../facts/topic.ts';
import { dayInZone } from '../render/event-context.ts';
import type { RuleId } from '../rules/rule-ids.ts';
import { foldWords } from '../text/fold.ts';

/** An event the guard knows (this one or a catalogue one), indexed for comparisons. */
export interface KnownEvent {
  event: EventMeta;
  /** Calendar day of the start in the event's own zone, YYYY-MM-DD. */
  day: string;
  /** Calendar day of the end (an event may run over several days). */
  lastDay: string;
  startMs: number;
  endMs: number;
  relation: 'self' | 'earlier' | 'later' | 'same-time';
  links: { name: string; url: string; key: string }[];
  /** The title as `foldWords` gives it, and its main part before « : » when that part is distinctive. */
  titleWords: string;
  titleHeadWords?: string | undefined;
  /**
   * Where a message names a catalogue event by that main part alone: only in quotes, or anywhere when
   * it is another episode of this event's numbered series (« Rendez-vous RGAA #4 » in the follow-up of
   * « Rendez-vous RGAA #5 : … »); undefined when the main part is not distinctive or is this event's own.
   */
  headNaming?: 'quoted' | 'anywhere' | undefined;
}

/**
 * Links by normalised URL, where a link that adds query parameters to a known link is that link: the
 * event's replay with `?start=14m05s`, its survey with `?lang=fr`. The known link's own parameters must
 * all be there with the same values (`watch?v=AAA` is not `watch?v=BBB`).
 */
export class LinkIndex<V> {
  private readonly exact = new Map<string, V[]>();
  private readonly byBase = new Map<string, { params: [string, string][]; values: V[] }[]>();

  add(key: string, value: V): void {
    const values = this.exact.get(key);
    if (values) {
      values.push(value);
      return;
    }
    const entry = [value];
    this.exact.set(key, entry);
    const [base, query = ''] = splitKey(key);
    this.byBase.set(base, [...(this.byBase.get(base) ?? []), { params: [...new URLSearchParams(query)], values: entry }]);
  }

  get(key: string): V[] | undefined {
    const exact = this.exact.get(key);
    if (exact) return exact;
    const [base, query] = splitKey(key);
    if (query === undefined) return undefined;
    const candidates = this.byBase.get(base);
    if (!candidates) return undefined;
    const params = new URLSearchParams(query);
    const found = candidates.filter((c) => c.params.every(([name, value]) => params.getAll(name).includes(value))).flatMap((c) => c.values);
    return found.length > 0 ? found : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

function splitKey(key: string): [string, string | undefined] {
  const at = key.indexOf('?');
  return at < 0 ? [key, undefined] : [key.slice(0, at), key.slice(at + 1)];
}

/** Everything the rules compare messages with, computed once per campaign. */
export interface CheckContext {
  campaign: Campaign;
  self: KnownEvent;
  catalog: KnownEvent[];
  /** Catalogue links by normalised URL. */
  linkOwners: LinkIndex<{ known: KnownEvent; name: string }>;
  /** This event's links by normalised URL → link names (replay, slides…). */
  ownLinks: LinkIndex<string>;
  /** Catalogue events by calendar day. */
  dayOwners: ReadonlyMap<string, KnownEvent[]>;
  /** `recipient.<column>` of the columns that hold the name a recipient goes by (a greeting may use them). */
  ownNameSlots: ReadonlySet<string>;
  dateReference: DateReference;
  /** Domains whose hosts (and subdomains) may be linked without a warning. */
  allowedDomains: string[];
  /** Speakers of earlier catalogue events who are not this event's speakers nor its organiser. */
  staleSpeakers: { words: string; name: string; events: KnownEvent[] }[];
  /** Other recipients' addresses and full names, to find one recipient's data in another's message. */
  identities: { emails: ReadonlyMap<string, number>; names: ReadonlyMap<string, number>; maxNameWords: number };
  /** Folded phrases (titles, people, organiser) taken out of a message before its topic is scored. */
  topicNoise: string[];
  topic: TopicModel;
  severityOf(rule: RuleId, defaultSeverity: 'block' | 'warn'): SeveritySetting;
  thresholds: Thresholds;
  /** The send addresses (from, reply-to, organiser), lower case. */
  senderAddresses: ReadonlySet<string>;
  now: Date;
}

/** Titles written before a surname, folded: « Mme », « M. », « Dr », « Pr », "Mrs", "Prof."… */
const CIVILITIES = ['mme', 'madame', 'mlle', 'monsieur', 'm', 'mr', 'mrs', 'ms', 'miss', 'dr', 'docteur', 'docteure', 'doctor', 'pr', 'professeur', 'professeure', 'prof', 'professor', 'me', 'maitre'];

function titleHead(title: string): string | undefined {
  const head = title.split(/\s[:–—-]\s|\s:\s?|:\s/)[0]?.trim();
  if (!head || head === title.trim()) return undefined;
  const words = foldWords(head).trim();
  return words.split(' ').length >= 2 && words.length >= 10 ? ` ${words} ` : undefined;
}

/** The days from an event's first to its last (at most 31: a longer span is no webinar's). */
function daysOf(known: { day: string; lastDay: string }): string[] {
  const days = [known.day];
  const at = new Date(`${known.day}T12:00:00Z`);
  while (days.length < 31) {
    at.setUTCDate(at.getUTCDate() + 1);
    const day = at.toISOString().slice(0, 10);
    if (day > known.lastDay) break;
    days.push(day);
  }
  return days;
}

/** Two title heads (folded, space-padded) of one numbered series: the same words once their numbers are taken out. */
function isSameSeries(head: string, ownHead: string | undefined): boolean {
  if (ownHead === undefined || head === ownHead || !/\d/.test(head)) return false;
  const unnumbered = (h: string) => h.replace(/\b\d+\b/g, ' ').replace(/\s+/g, ' ').trim();
  return unnumbered(head) === unnumbered(ownHead) && unnumbered(head).length >= 6;
}

function headNamingOf(head: string | undefined, self: EventMeta | undefined): KnownEvent['headNaming'] {
  if (head === undefined || self === undefined || foldWords(self.title).includes(head)) return undefined;
  return isSameSeries(head, titleHead(self.title)) ? 'anywhere' : 'quoted';
}

function knownEvent(event: EventMeta, self?: EventMeta): KnownEvent {
  const startMs = Date.parse(event.start);
  const selfStart = self ? Date.parse(self.start) : startMs;
  const links = Object.entries(event.links).flatMap(([name, url]) => {
    const key = normaliseUrl(url);
    return key ? [{ name, url, key }] : [];
  });
  return {
    event,
    day: dayInZone(new Date(startMs), event.timezone),
    lastDay: dayInZone(new Date(Date.parse(event.end)), event.timezone),
    startMs,
    endMs: Date.parse(event.end),
    relation: !self ? 'self' : startMs < selfStart ? 'earlier' : startMs > selfStart ? 'later' : 'same-time',
    links,
    titleWords: foldWords(event.title),
    titleHeadWords: titleHead(event.title),
    headNaming: headNamingOf(titleHead(event.title), self),
  };
}

function domainOf(address: string): string | undefined {
  return address.split('@')[1]?.toLowerCase();
}

/** Builds the comparison context of a campaign: catalogue indexes, allowed domains, recipient identities. */
export function buildCheckContext(campaign: Campaign, now: Date): CheckContext {
  const { event, draft, config } = campaign;
  const self = knownEvent(event);
  const catalog = campaign.catalog.map((e) => knownEvent(e, event));

  const linkOwners = new LinkIndex<{ known: KnownEvent; name: string }>();
  for (const known of catalog) {
    for (const link of known.links) linkOwners.add(link.key, { known, name: link.name });
  }
  const ownLinks = new LinkIndex<string>();
  for (const link of self.links) ownLinks.add(link.key, link.name);
  // Every day of a catalogue event belongs to it: « du mardi 10 au jeudi 12 juin » names its last day too.
  const dayOwners = new Map<string, KnownEvent[]>();
  for (const known of catalog) {
    for (const day of daysOf(known)) dayOwners.set(day, [...(dayOwners.get(day) ?? []), known]);
  }

  const from = parseMailbox(draft.from);
  const senderAddresses = new Set(
    [from?.address, draft.replyTo, event.organizer.email].filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase()),
  );
  const allowedDomains = [
    ...self.links.map((l) => hostOf(l.url)),
    ...[...senderAddresses].map(domainOf),
    ...config.allowedDomains.map((d) => hostOf(/^[a-z]+:\/\//i.test(d) ? d : `https://${d}`)),
  ]
    .filter((d): d is string => Boolean(d))
    .map((d) => d.replace(/^www\./, ''));

  const people = (e: EventMeta) => e.speakers.map((s) => foldWords(s.name));
  const ownPeople = new Set([...people(event), foldWords(event.organizer.name)]);
  // A speaker of a later catalogue event may be named to announce it, even if they also spoke earlier.
  const laterPeople = new Set(catalog.filter((k) => k.relation === 'later').flatMap((k) => people(k.event)));
  const staleSpeakers = new Map<string, { words: string; name: string; events: KnownEvent[] }>();
  // A speaker is also named by a title and the surname: « Mme Le Guen », "Dr Okafor" — unless this
  // event's own people share that surname.
  const surnameOf = (words: string) => ` ${words.trim().split(' ').slice(1).join(' ')} `;
  const ownSurnames = new Set([...ownPeople].filter((w) => w.trim().split(' ').length >= 2).map(surnameOf));
  const addStale = (words: string, name: string, known: KnownEvent) => {
    const entry = staleSpeakers.get(words) ?? { words, name, events: [] };
    if (!entry.events.includes(known)) entry.events.push(known);
    staleSpeakers.set(words, entry);
  };
  for (const known of catalog) {
    if (known.relation !== 'earlier') continue;
    for (const speaker of known.event.speakers) {
      const words = foldWords(speaker.name);
      if (ownPeople.has(words) || laterPeople.has(words) || words.trim().split(' ').length < 2) continue;
      addStale(words, speaker.name, known);
      const surname = surnameOf(words);
      if (ownSurnames.has(surname)) continue;
      for (const title of CIVILITIES) addStale(` ${title}${surname}`, speaker.name, known);
    }
  }

  // Speakers, organisers and senders are named in messages on purpose: their names and addresses are no leak.
  const publicPeople = new Set([...ownPeople, ...campaign.catalog.flatMap(people), ...campaign.catalog.map((e) => foldWords(e.organizer.name))]);
  const emails = new Map<string, number>();
  const names = new Map<string, number>();
  let maxNameWords = 2;
  campaign.recipients.rows.forEach((r, index) => {
    const email = r.email.toLowerCase();
    if (!senderAddresses.has(email)) emails.set(email, index);
    if (!r.firstName || !r.lastName) return;
    for (const full of [`${r.firstName} ${r.lastName}`, `${r.lastName} ${r.firstName}`]) {
      const words = foldWords(full);
      if (publicPeople.has(words)) continue;
      maxNameWords = Math.max(maxNameWords, words.trim().split(' ').length);
      if (!names.has(words)) names.set(words, index);
    }
  });

  const topicNoise = [
    ...[self, ...catalog].flatMap((k) => [k.titleWords, k.titleHeadWords ?? '']),
    ...publicPeople,
    foldWords(from?.name ?? ''),
  ].filter((p) => p.trim().length > 0);

  const knownDays = new Set([...daysOf(self), ...dayOwners.keys()]);
  return {
    campaign,
    self,
    catalog,
    linkOwners,
    ownLinks,
    dayOwners,
    ownNameSlots: new Set(campaign.recipients.extraColumns.filter(isOwnNameColumn).map((c) => `recipient.${c}`)),
    dateReference: {
      language: event.language,
      eventDay: self.day,
      knownDays,
      isMonthFirst: event.language === 'en' && event.timezone.startsWith('America/'),
    },
    allowedDomains,
    staleSpeakers: [...staleSpeakers.values()],
    identities: { emails, names, maxNameWords },
    topicNoise,
    topic: buildTopicModel(event, campaign.catalog),
    severityOf: (rule, defaultSeverity) => config.severity[rule] ?? defaultSeverity,
    thresholds: config.thresholds,
    senderAddresses,
    now,
  };
}

/** True when a calendar day is one of this event's own days (from its start day to its end day). */
export function isOwnDay(ctx: CheckContext, day: string): boolean {
  return day >= ctx.self.day && day <= ctx.self.lastDay;
}

/** True when a host is an allowed domain or one of its subdomains. */
export function isAllowedHost(ctx: CheckContext, host: string): boolean {
  const h = host.replace(/^www\./, '');
  return ctx.allowedDomains.some((d) => h === d || h.endsWith(`.${d}`));
}
