const STAGING_LABEL = /^(?:staging|stage|preprod|pre-prod|recette|rec|dev|develop|test|tests|qa|uat|integration|int|sandbox|local)$|^(?:staging|preprod|pre-prod|recette|uat)-|-(?:staging|preprod|pre-prod|recette|uat|dev)$/;
const PRIVATE_SUFFIX = /(?:^|\.)(?:localhost|local|internal|intranet|lan|home|corp|test|invalid|example)$/;
const EXAMPLE_DOMAIN = /(?:^|\.)example\.(?:com|org|net)$/;

function isPrivateIPv4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

function isPrivateIPv6(ip: string): boolean {
  const v = ip.toLowerCase();
  return v === '::1' || v === '::' || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('fe80') || v.startsWith('::ffff:127.') || v.startsWith('::ffff:10.') || v.startsWith('::ffff:192.168.');
}

/** Why a link is unsafe, worded in both languages of the findings. */
export interface UnsafeReason {
  fr: string;
  en: string;
}

const REASONS = {
  empty: { fr: 'un lien vide, qui ne mène nulle part', en: 'a link that goes nowhere' },
  relative: { fr: 'un lien relatif ou mal formé, qui ne mène nulle part dans un e-mail', en: 'a relative or malformed link, which goes nowhere in an email' },
  http: { fr: 'une adresse en http simple (pas https)', en: 'plain http (not https)' },
  private: { fr: 'une adresse privée ou locale', en: 'a private or loopback address' },
  ip: { fr: 'une adresse IP sans nom de site', en: 'a bare IP address' },
  local: { fr: 'un site local', en: 'a local host' },
  example: { fr: 'un domaine d’exemple', en: 'an example domain' },
  staging: { fr: 'un site de recette ou de test', en: 'a staging or test host' },
} satisfies Record<string, UnsafeReason>;

/**
 * Why a link must not reach recipients, or undefined when it is safe: plain http, a local, private or
 * loopback address, example domains, staging hosts (staging, preprod, recette, dev.…), a relative link.
 * `mailto:` and `tel:` are safe; an image may also be `cid:` or `data:image/…`.
 */
export function unsafeReason(href: string, kind: 'a' | 'img' | 'bare'): UnsafeReason | undefined {
  const value = href.trim();
  if (value === '' || value === '#') return REASONS.empty;
  // An in-page anchor (#intervenants) stays in the message.
  if (value.startsWith('#')) return undefined;
  if (/^(?:mailto|tel|sms):/i.test(value)) return undefined;
  if (kind === 'img' && /^(?:cid:|data:image\/)/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Filler left in place of a URL ("[INSERER LIEN]", "{{replay}}", "XXX") is placeholder.leftover's to report.
    if (/[[\]{}<>%]|\bxxx/i.test(value)) return undefined;
    return REASONS.relative;
  }
  if (url.protocol === 'http:') return REASONS.http;
  if (url.protocol !== 'https:') return { fr: `un lien ${url.protocol}`, en: `a ${url.protocol} link` };
  // The URL parser already wrote any IPv4 form (0x7f.1, 2130706433…) as dotted decimal and IPv6 in brackets.
  const isV6 = url.hostname.startsWith('[');
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return isPrivateIPv4(host) ? REASONS.private : REASONS.ip;
  if (isV6) return isPrivateIPv6(host) ? REASONS.private : REASONS.ip;
  if (!host.includes('.') || PRIVATE_SUFFIX.test(host)) return REASONS.local;
  if (EXAMPLE_DOMAIN.test(host)) return REASONS.example;
  const labels = host.split('.').slice(0, -2);
  if (labels.some((l) => STAGING_LABEL.test(l))) return REASONS.staging;
  return undefined;
}
