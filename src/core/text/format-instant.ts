/**
 * An instant (ISO 8601) as a reader of `language` writes it in `zone`: « 27 novembre 2026 à 10:40
 * (heure de Paris) », "27 November 2026 at 10:40 (Paris time)". Anything that is not an instant is
 * returned as it is.
 */
export function formatInstant(iso: unknown, language: 'fr' | 'en', zone = 'Europe/Paris'): string {
  if (typeof iso !== 'string') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(date);
  const city = zone.split('/').pop()!.replace(/_/g, ' ');
  return `${text} (${language === 'fr' ? `heure de ${city}` : `${city} time`})`;
}
