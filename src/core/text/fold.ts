/** Lower-cases, strips diacritics and unifies apostrophes and spaces, so that comparisons ignore typography. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase();
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
