import type { EventMeta } from '../campaign/types.ts';
import { fold } from '../text/fold.ts';
import { STOPWORDS } from '../text/stopwords.ts';

/** A light stem shared by French and English: plural and feminine endings off, then the first six letters. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && /(?:s|x)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && /e$/.test(w)) w = w.slice(0, -1);
  return w.slice(0, 6);
}

/** Distinct topic stems of a text: stop words, numbers and words under three letters left out. */
export function topicTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of fold(text).split(/[^a-z]+/)) {
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    terms.add(stem(word));
  }
  return terms;
}

/** The words an event is about: title, description and keywords. */
export function eventProfileText(event: EventMeta): string {
  return [event.title, event.description ?? '', ...event.keywords].join(' \n ');
}

/** The topic profiles of this event (index 0) and the catalogue, with each stem's rarity across them. */
export interface TopicModel {
  profiles: { event: EventMeta; terms: ReadonlySet<string> }[];
  weight(term: string): number;
}

/** Builds the profiles once per campaign. */
export function buildTopicModel(event: EventMeta, catalog: readonly EventMeta[]): TopicModel {
  const profiles = [event, ...catalog].map((e) => ({ event: e, terms: topicTerms(eventProfileText(e)) }));
  const documentFrequency = new Map<string, number>();
  for (const p of profiles) for (const t of p.terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const n = profiles.length;
  return {
    profiles,
    weight: (term) => Math.log(1 + n / (documentFrequency.get(term) ?? n)),
  };
}

/** How a message's own wording (titles and names taken out) relates to this event and to the others. */
export interface TopicScore {
  /** Distinct topic stems of the message. */
  contentTerms: number;
  /** Weighted stems shared with this event, and the stems themselves. */
  own: number;
  ownTerms: string[];
  /** The catalogue event sharing the most weighted stems with the message. */
  closest?: { event: EventMeta; score: number; terms: string[] } | undefined;
}

/** Scores a message's wording against every profile. */
export function scoreTopic(model: TopicModel, text: string): TopicScore {
  const terms = topicTerms(text);
  const scoreOf = (profile: ReadonlySet<string>) => {
    let score = 0;
    const shared: string[] = [];
    for (const t of terms) {
      if (!profile.has(t)) continue;
      score += model.weight(t);
      shared.push(t);
    }
    return { score, shared };
  };
  const [self, ...others] = model.profiles;
  const own = scoreOf(self!.terms);
  let closest: TopicScore['closest'];
  for (const other of others) {
    const s = scoreOf(other.terms);
    if (!closest || s.score > closest.score) closest = { event: other.event, score: s.score, terms: s.shared };
  }
  return { contentTerms: terms.size, own: own.score, ownTerms: own.shared, closest };
}
