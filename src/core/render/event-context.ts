import type { EventMeta } from '../campaign/types.ts';

/** Calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Long date in the event's language and zone: « jeudi 14 mars 2024 », "Thursday, March 14, 2024". */
export function formatLongDate(instant: Date, timeZone: string, language: 'fr' | 'en'): string {
  if (language === 'en') {
    return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
  }
  const text = new Intl.DateTimeFormat('fr-FR', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
  // French writes the first day of a month as an ordinal: « samedi 1er mars 2025 ».
  return text.replace(/^(\p{L}+ )1 /u, '$11er ');
}

/** Clock time in the event's language and zone: "14:00", "2:00 PM". */
export function formatTime(instant: Date, timeZone: string, language: 'fr' | 'en'): string {
  const text = new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'fr-FR', {
    timeZone,
    hour: language === 'en' ? 'numeric' : '2-digit',
    minute: '2-digit',
  }).format(instant);
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/** The `event` object templates see: event.json plus `date`, `time` and `endTime` in the event's language and zone. */
export function eventTemplateContext(event: EventMeta): Record<string, unknown> {
  const start = new Date(event.start);
  const end = new Date(event.end);
  return {
    ...event,
    date: formatLongDate(start, event.timezone, event.language),
    time: formatTime(start, event.timezone, event.language),
    endTime: formatTime(end, event.timezone, event.language),
  };
}
