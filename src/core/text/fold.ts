const NON_ASCII = /[^\x00-\x7f]/;
const TYPOGRAPHY = /[’ʼ‘´\u00a0\u202f\u2009\u2007‐‑‒–—œæŒÆ]/;

/** Lower-cases, strips diacritics and unifies apostrophes and spaces, so that comparisons ignore typography. */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.replace(/`/g, "'").toLowerCase();
  let folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (TYPOGRAPHY.test(folded)) {
    folded = folded
      .replace(/[’ʼ‘´]/g, "'")
      .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
      .replace(/[‐‑‒–—]/g, '-')
      .replace(/[œŒ]/g, 'oe')
      .replace(/[æÆ]/g, 'ae');
  }
  return folded.replace(/`/g, "'").toLowerCase();
}

/** `fold` plus every run of non-alphanumerics collapsed to one space: the form used to find a phrase in a text. */
export function foldWords(text: string): string {
  return ` ${fold(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** Words of a text after `fold`, split on anything that is not a letter or a digit. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}
