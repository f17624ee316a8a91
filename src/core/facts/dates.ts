import * as chrono from 'chrono-node';
import type { Part } from './message-text.ts';

/** A calendar date written in a message. */
export interface DateFact {
  part: Part;
  /** The words as written, e.g. « mercredi 13 février 2025 ». */
  text: string;
  /** The calendar day it names, YYYY-MM-DD (the year inferred when not written). */
  day: string;
  /** The weekday written next to it (0 = Sunday), when there is one. */
  statedWeekday?: number | undefined;
  isYearStated: boolean;
}

/** What date extraction needs to know about the campaign: language, the event's day, and every known day. */
export interface DateReference {
  language: 'fr' | 'en';
  eventDay: string;
  /** Days of this event and of catalogue events: they settle an ambiguous 03/04 reading. */
  knownDays: ReadonlySet<string>;
  /** True when numeric dates are month-first (events in the Americas written in English). */
  isMonthFirst: boolean;
}

const MONTHS =
  /(?<![\p{L}])(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c|jan|feb|mar|apr|may|jun|jul|aug|sep)/iu;
const WEEKDAYS: Record<string, number> = {
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
/** The weekday names, as an alternation for regular expressions. */
const WEEKDAY_WORDS = Object.keys(WEEKDAYS).join('|');
const WEEKDAY_BEFORE = new RegExp(`(${WEEKDAY_WORDS})\\s*,?\\s*(?:le\\s+|the\\s+)?$`, 'i');
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]*\d)/g;
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
const NUMERIC_START = /^\s*\d{1,2}[/.-]\d{1,2}/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isValid(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayString(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The weekday (0 = Sunday) of a YYYY-MM-DD day. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** The year that puts a yearless day and month closest to the event. */
function inferYear(month: number, day: number, ref: DateReference): number | undefined {
  const eventYear = Number(ref.eventDay.slice(0, 4));
  let best: { year: number; distance: number } | undefined;
  for (const year of [eventYear - 1, eventYear, eventYear + 1]) {
    if (!isValid(year, month, day)) continue;
    const distance = daysBetween(dayString(year, month, day), ref.eventDay);
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best?.year;
}

/** The weekday written just before `index` (« jeudi 14/03 », "Thursday, the 14th"): its words and number. */
function weekdayBefore(text: string, index: number): { words: string; weekday: number | undefined } | undefined {
  const match = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, index - 16), index));
  return match ? { words: match[0].trim(), weekday: WEEKDAYS[match[1]!.toLowerCase()] } : undefined;
}

function statedWeekdayBefore(text: string, index: number): number | undefined {
  return weekdayBefore(text, index)?.weekday;
}

function numericDates(part: Part, text: string, ref: DateReference, into: DateFact[]): void {
  for (const match of text.matchAll(NUMERIC)) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    let year = Number(match[4]);
    if (match[4]!.length === 2) year += 2000;
    const readings = [
      { day: a, month: b },
      { day: b, month: a },
    ].filter((r) => isValid(year, r.month, r.day));
    if (readings.length === 0) continue;
    // A French reader reads 03/04 day first and an American reader month first, whatever the author
    // meant: that reading is the date they are told. Elsewhere in English (British or American
    // authors alike), a reading that is a known day is the one meant.
    const conventional = readings.length === 2 && ref.isMonthFirst ? readings[1]! : readings[0]!;
    const isConventionSettled = ref.language === 'fr' || ref.isMonthFirst;
    const known = readings.find((r) => ref.knownDays.has(dayString(year, r.month, r.day)));
    const chosen = isConventionSettled ? conventional : (known ?? conventional);
    const index = match.index ?? 0;
    const weekday = statedWeekdayBefore(text, index);
    into.push({
      part,
      text: match[0],
      day: dayString(year, chosen.month, chosen.day),
      statedWeekday: weekday,
      isYearStated: true,
    });
  }
  for (const match of text.matchAll(ISO)) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isValid(year, month, day)) continue;
    into.push({ part, text: match[0], day: dayString(year, month, day), statedWeekday: statedWeekdayBefore(text, match.index ?? 0), isYearStated: true });
  }
}

const PART_OF_DAY = /(?<!\p{L})(?:morning|afternoon|evening|night)\s+of(?=\s)/giu;
// "Tuesday through Thursday, September 23–25": the weekdays span the range; chrono-node would give the
// second one to the first day. Blanked (indices kept); the days are still read.
const WEEKDAY_RANGE = new RegExp(
  `(?<!\\p{L})(?:${WEEKDAY_WORDS})\\s+(?:through|thru|to|till|until|au|à|jusqu'au|–|—|-)\\s+(?:${WEEKDAY_WORDS})(?!\\p{L})(?=,?\\s+(?:\\d|\\p{L}+\\.?\\s+\\d{1,2}\\s*(?:–|—|-|to|through|au)\\s*\\d))`,
  'giu',
);

function chronoDates(part: Part, text: string, ref: DateReference, into: DateFact[], taken: [number, number][]): void {
  const reference = { instant: new Date(`${ref.eventDay}T12:00:00Z`), timezone: 'UTC' };
  const parsers = ref.language === 'en' ? [chrono.en, chrono.fr] : [chrono.fr, chrono.en];
  // chrono-node reads "the evening of Tuesday 4 February" as this evening and drops the date: the words
  // before the date are blanked (indices kept).
  const words = text
    .replace(PART_OF_DAY, (m) => ' '.repeat(m.length))
    .replace(WEEKDAY_RANGE, (m) => ' '.repeat(m.length))
    // chrono-node's English parser reads "September 23-25, 2025" but stops at an en dash ("23–25").
    .replace(/(?<=\d\s?)[–—](?=\s?\d)/g, '-');
  for (const parser of parsers) {
    for (const result of parser.parse(words, reference)) {
      const start = result.index;
      const end = start + result.text.length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      if (!/\d/.test(result.text) || NUMERIC_START.test(result.text) || !MONTHS.test(result.text)) continue;
      for (const component of [result.start, result.end]) {
        if (!component || !component.isCertain('day') || !component.isCertain('month')) continue;
        // The end of a time range that runs past midnight ("9h30–12h30 am") carries the next day over:
        // an end day counts only when its number is written ("du 3 au 5 juin", "June 3–5").
        if (component === result.end && !new RegExp(`(?<![\\d:h])${component.get('day')}(?![\\d:]|\\s*h\\s*\\d)`).test(result.text)) continue;
        const month = component.get('month')!;
        const day = component.get('day')!;
        const isYearStated = component.isCertain('year');
        const year = isYearStated ? component.get('year')! : inferYear(month, day, ref);
        if (year === undefined || !isValid(year, month, day)) continue;
        const weekday = component.isCertain('weekday') ? (component.get('weekday') ?? undefined) : undefined;
        into.push({
          part,
          text: text.slice(start, end).trim(),
          day: dayString(year, month, day),
          statedWeekday: weekday ?? (component === result.start ? statedWeekdayBefore(words, start) : undefined),
          isYearStated,
        });
      }
      taken.push([start, end]);
    }
  }
}

const WEEKDAY_NAME = `(?:${WEEKDAY_WORDS}|lun|mar|mer|jeu|ven|sam|dim|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?,?`;
const MONTH_NUMBERS: [RegExp, number][] = [
  [/^janv|^jan/i, 1], [/^f[ée]v|^feb/i, 2], [/^mars|^mar/i, 3], [/^avr|^apr/i, 4], [/^mai|^may/i, 5], [/^juin|^jun/i, 6],
  [/^juil|^jul/i, 7], [/^ao[uû]|^aug/i, 8], [/^sep/i, 9], [/^oct/i, 10], [/^nov/i, 11], [/^d[ée]c|^dec/i, 12],
];
// « du lundi 2 au jeudi 4 décembre 2025 », "Monday 1 to Wednesday 3 December 2025": chrono-node loses
// the first day of a range when a weekday stands before the second one. Its month and year are the
// second day's (the month before when its number is larger).
const RANGE_WITH_WEEKDAYS = new RegExp(
  `(?<=(?:${WEEKDAY_WORDS}|du|from|between|entre)\\.?,?\\s+)(?<![\\d/.])(\\d{1,2})(?:er|st|nd|rd|th)?\\s*(?:au|à|to|until|till|through|thru|–|—|-)\\s*(?:le\\s+|the\\s+)?${WEEKDAY_NAME}\\s+(?:le\\s+|the\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(\\p{L}{3,9})\\.?(?:,?\\s+(\\d{4}))?`,
  'giu',
);

function rangeStarts(part: Part, text: string, ref: DateReference, into: DateFact[]): void {
  for (const match of text.matchAll(RANGE_WITH_WEEKDAYS)) {
    const endMonth = MONTH_NUMBERS.find(([pattern]) => pattern.test(match[3]!))?.[1];
    if (!endMonth) continue;
    const [startDay, endDay] = [Number(match[1]), Number(match[2])];
    const isYearStated = match[4] !== undefined;
    const endYear = isYearStated ? Number(match[4]) : inferYear(endMonth, endDay, ref);
    if (endYear === undefined) continue;
    const [year, month] = startDay <= endDay ? [endYear, endMonth] : endMonth === 1 ? [endYear - 1, 12] : [endYear, endMonth - 1];
    if (!isValid(year, month, startDay)) continue;
    const index = match.index ?? 0;
    const weekday = weekdayBefore(text, index);
    into.push({
      part,
      text: `${weekday ? `${weekday.words} ` : ''}${match[0].trim()}`,
      day: dayString(year, month, startDay),
      statedWeekday: weekday?.weekday,
      isYearStated,
    });
  }
}

// « loi n° 2005-102 du 11 février 2005 », « l’arrêté du 20 septembre 2019 », "Directive (EU) 2019/882 of
// 17 April 2019": the date is part of the name of a legal text, not a day of the event or of an older one.
const LEGAL_CITATION = new RegExp(
  `(?<!\\p{L})(?:lois?|d[ée]crets?|arr[êe]t[ée]s?|ordonnances?|circulaires?|directives?|r[èe]glements?|d[ée]lib[ée]rations?|instructions?|act|directive|regulation|executive\\s+order|decree|statute)(?!\\p{L})[^.;:!?\\n]{0,48}?\\s(?:du|en\\s+date\\s+du|of|dated)\\s+(?:(?:${WEEKDAY_NAME})\\s+)?(?:\\d{1,2}(?:er|st|nd|rd|th)?\\s+\\p{L}{3,9}\\.?,?\\s+\\d{4}|\\p{L}{3,9}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4})`,
  'giu',
);

const MAYBE_DATE = /\d/;
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

/**
 * Calendar dates written in a text, French and English, with or without weekday and year, and numeric
 * (14/03/2024, 2024-03-14). Relative words (« demain », "next Monday") are not calendar dates.
 * chrono-node reads the words; the year of a yearless date, the weekday written beside a date and the
 * reading of an ambiguous 03/04/2025 are settled here against the event.
 */
export function extractDates(part: Part, raw: string, ref: DateReference): DateFact[] {
  if (!MAYBE_DATE.test(raw)) return [];
  // A date inside a URL (…/replay/2025-10-10/…) is an address, not a day the reader is told: blanked,
  // keeping every other index in place.
  const text = raw.replace(URL_IN_TEXT, (url) => ' '.repeat(url.length)).replace(LEGAL_CITATION, (citation) => ' '.repeat(citation.length));
  const facts: DateFact[] = [];
  numericDates(part, text, ref, facts);
  rangeStarts(part, text, ref, facts);
  const taken: [number, number][] = [];
  for (const m of text.matchAll(NUMERIC)) taken.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const m of text.matchAll(ISO)) taken.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  chronoDates(part, text, ref, facts, taken);
  return facts;
}
