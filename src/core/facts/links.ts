import { fold } from '../text/fold.ts';
import { unsafeReason, type UnsafeReason } from './link-safety.ts';
import type { RawLink } from './message-text.ts';

/** What a link says it leads to. */
export type LinkLabel = 'replay' | 'slides' | 'survey' | 'registration' | 'unsubscribe';

/** A link of a message with the kinds its wording claims. */
export interface LinkFact extends RawLink {
  labels: LinkLabel[];
  /** The recipient's own unsubscribe link, written by the guard itself. */
  isUnsubscribeUrl?: boolean | undefined;
  /** `normaliseUrl(href)`, `hostOf(href)`, `unsafeReason(href)`, `hostInText(text)`: read once per link. */
  key: string | undefined;
  host: string | undefined;
  unsafe: UnsafeReason | undefined;
  shownHost: string | undefined;
}

// Wording on folded text, French and English.
const LABEL_PATTERNS: [LinkLabel, RegExp][] = [
  // Worded as leaving the list: a "manage my preferences" page is not the recipient's unsubscribe link.
  ['unsubscribe', /desinscri|desabonn|unsubscri|opt[- ]?out|ne plus recevoir|ne souhaitez plus|se retirer de la liste|stop receiving/],
  ['replay', /\breplay\b|\brediffusion\b|\brevoir\b|\bre-voir\b|\benregistrement\b|\brecording\b|\brecorded\b|\brewatch\b|\bwatch (?:it |the session |the webinar )?again\b|(?<!\bjeux? )\bvideo\b(?! ?(?:games?|protection|surveillance|conferences?|call))|\bwatch the (?:webinar|session|talk)\b|\bregarder (?:le webinaire|la session|a nouveau)\b|\bvisionner\b/],
  ['slides', /\bslides?\b|\b(?:le|les|du|des|un|vos|nos|votre|notre|ce|ces|au|aux|telecharger|telechargez|consulter|consultez|retrouver|retrouvez|voir) supports?\b(?! techniques?| informatiques?| client| utilisateurs?| d'assistance)|^supports?(?:$| (?:de|du|des|d'|pdf|en|et)\b|[:,.!)(])|\bdiaporamas?\b|\bdiapos(?:itives?)?\b|\bdeck\b|\bpresentation (?:pdf|slides?)\b|\b(?:telecharger|download|get|consulter) (?:la |the )?presentation\b|\bpowerpoint\b|\btransparents\b/],
  ['survey', /(?<!\b(?:rapport|resultats|synthese|report|results|findings|etude) (?:de l'|de la |du |des |d'|of the |of )?)(?:\bquestionnaires?\b|\benquetes?\b)|\bsondages?\b|\bsurvey\b|\b(?:quick |short |our )?poll\b|\bfeedback\b|\bvotre avis\b|\bdonner (?:votre|son) avis\b|\bsatisfaction\b|\byour (?:opinion|thoughts)\b|\bevaluation\b|\bevaluer\b|\brate (?:the|this|our)\b|\bnoter (?:ce|le|la|cette) (?:webinaire|session|seance)\b/],
  ['registration', /\binscri(?:s|re|vez|ption|vez-vous)|\bs'inscrire\b|\bregist(?:er|ration)\b|\bsign[- ]?up\b|\bbook (?:your|a) (?:seat|place)\b|\bje m'inscris\b|\breserve[rz]?\b/],
];

const GENERIC_TEXT = /^(?:ici|la|here|click here|cliquez ici|cliquer ici|ce lien|this link|lien|link|en savoir plus|learn more|read more|lire la suite|acceder|access|ouvrir|open|voir|see|go|>+|→)$/;

const FILE_EXTENSION = /^(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|csv|txt|zip|png|jpe?g|gif|svg|webp|mp4|mp3|ics|html?|php|aspx?)$/i;

function looksLikeUrl(text: string): boolean {
  const t = text.trim();
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(t)) return true;
  // A bare domain ("club-mobilites.fr/agenda"), not a file name ("grille.pdf") nor a version ("v2.0").
  const match = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:\/\S*)?$/i.exec(t);
  if (!match) return false;
  const tld = match[1]!.split('.').pop()!;
  return /^[a-z]{2,24}$/i.test(tld) && !FILE_EXTENSION.test(tld);
}

/** The kinds a link's wording claims: its own text, or the short label before it when its text says nothing. */
export function labelsOf(link: RawLink): LinkLabel[] {
  const own = fold(link.text).trim();
  let wording = own;
  if (own === '' || looksLikeUrl(own) || GENERIC_TEXT.test(own.replace(/[.!:»«"]+$/g, '').trim())) {
    const before = fold(link.before).replace(/[:\-–—>→\s]+$/, '').trim();
    // Only a short label is read ("Replay : URL"), not a whole sentence that happens to end with a link.
    const lastClause = before.split(/[.!?;]/).pop()?.trim() ?? '';
    wording = lastClause.split(/\s+/).length <= 8 ? lastClause : '';
  }
  if (wording === '') return [];
  const labels: LinkLabel[] = [];
  for (const [label, pattern] of LABEL_PATTERNS) {
    if (pattern.test(wording)) labels.push(label);
  }
  // "Unsubscribe" wording never also names a replay or a survey.
  return labels.includes('unsubscribe') ? ['unsubscribe'] : labels;
}

const TRACKING_PARAM = /^(?:utm_\w+|mc_cid|mc_eid|_hsenc|_hsmi|fbclid|gclid|mkt_tok)$/i;

/**
 * A comparable form of a URL: lower-case scheme and host without "www.", no default port, no tracking
 * parameters, no fragment, no trailing slash. Undefined when it is not an absolute URL.
 */
export function normaliseUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol === 'mailto:') return `mailto:${url.pathname.toLowerCase()}`;
  const params = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAM.test(key));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${host}${port}${path}${query}`;
}

/** The host of an absolute URL, lower case, or undefined. */
export function hostOf(href: string): string | undefined {
  try {
    return new URL(href.trim()).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** The host a link's visible text names when that text is itself a URL or a bare domain. */
export function hostInText(text: string): string | undefined {
  const t = text.trim().replace(/[.,;:!?)»"']+$/, '');
  if (!looksLikeUrl(t)) return undefined;
  return hostOf(/^https?:\/\//i.test(t) ? t : `https://${t}`);
}

/** Adds the wording labels and the reading of the URL to a raw link. */
export function toLinkFact(link: RawLink): LinkFact {
  return {
    ...link,
    labels: link.kind === 'img' ? [] : labelsOf(link),
    key: normaliseUrl(link.href),
    host: hostOf(link.href),
    unsafe: unsafeReason(link.href, link.kind),
    shownHost: link.kind === 'a' ? hostInText(link.text) : undefined,
  };
}

/** `toLinkFact` for each link. */
export function toLinkFacts(links: readonly RawLink[]): LinkFact[] {
  return links.map(toLinkFact);
}
