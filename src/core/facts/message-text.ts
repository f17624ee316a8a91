import { Parser } from 'htmlparser2';

/** Which part of the message a fact comes from. */
export type Part = 'subject' | 'html' | 'text';

/** A link as the reader sees it: where it goes, what it says, and the words just before it on its line. */
export interface RawLink {
  part: Part;
  href: string;
  /** The link's visible text (an image's alt text for a linked image). */
  text: string;
  /** The text on the same line before the link. */
  before: string;
  /** `a` for an anchor, `img` for an image source, `bare` for a URL written as text (mail clients link it). */
  kind: 'a' | 'img' | 'bare';
}

/** The readable text of one part of a message (lines separated by "\n") and its links. */
export interface PartText {
  part: Part;
  text: string;
  links: RawLink[];
}

const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol',
  'section', 'article', 'header', 'footer', 'title', 'blockquote', 'hr', 'center', 'dd', 'dt', 'pre',
]);
const SKIPPED = new Set(['style', 'script', 'head', 'noscript', 'template']);

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'«»()[\]{}]+[^\s<>"'«»()[\]{}.,;:!?]/gi;

/**
 * One space for every run of spaces (no-break ones included), and no invisible characters: soft hyphens,
 * zero-width spaces and joiners pasted from a word processor (« par&shy;ti&shy;ci&shy;pé ») would hide
 * words from every rule.
 */
function normaliseSpaces(text: string): string {
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\u00a0\u202f\u2007\t\r ]+/g, ' ');
}

function bareLinks(part: Part, text: string, links: RawLink[]): void {
  for (const line of text.split('\n')) {
    let last = 0;
    for (const match of line.matchAll(BARE_URL)) {
      const index = match.index ?? 0;
      const url = match[0];
      links.push({
        part,
        href: /^www\./i.test(url) ? `https://${url}` : url,
        text: url,
        before: line.slice(last, index).trim(),
        kind: 'bare',
      });
      last = index + url.length;
    }
  }
}

/**
 * The text a reader sees in an HTML body (entities decoded, one line per block, head skipped except the
 * title) and its links: anchors, image sources, and URLs written as plain text.
 */
export function htmlPartText(html: string): PartText {
  const lines: string[] = [];
  let current = '';
  const textOutside: string[] = [];
  const links: RawLink[] = [];
  let skipDepth = 0;
  let inTitle = false;
  const anchors: { href: string; start: number; before: string; alts: string[] }[] = [];
  const titles: string[] = [];
  const breakLine = () => {
    const trimmed = current.trim();
    if (trimmed) lines.push(trimmed);
    current = '';
    textOutside.push('\n');
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') {
          inTitle = true;
          breakLine();
          return;
        }
        if (SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (BLOCK.has(name)) breakLine();
        // A link's or an image's title shows on hover: words the reader sees, on a line of their own
        // (not part of the link's text).
        if ((name === 'a' || name === 'img') && attributes.title) {
          const title = normaliseSpaces(attributes.title).trim();
          if (title) titles.push(title);
        }
        if (name === 'a' && attributes.href !== undefined) {
          anchors.push({ href: attributes.href.trim(), start: current.length, before: current.trim(), alts: [] });
        }
        if (name === 'img') {
          if (attributes.src) links.push({ part: 'html', href: attributes.src.trim(), text: attributes.alt ?? '', before: '', kind: 'img' });
          // The alt text is what a reader sees when images are blocked, and what a screen reader says.
          const alt = normaliseSpaces(attributes.alt ?? '').trim();
          if (alt) current += ` ${alt} `;
          const top = anchors[anchors.length - 1];
          if (top && attributes.alt) top.alts.push(attributes.alt);
        }
      },
      ontext(text) {
        if (skipDepth > 0 && !inTitle) return;
        const clean = normaliseSpaces(text);
        if (anchors.length === 0) textOutside.push(clean);
        else textOutside.push('\n');
        current += clean;
      },
      onclosetag(name) {
        if (name === 'title') {
          inTitle = false;
          breakLine();
          return;
        }
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'a') {
          const anchor = anchors.pop();
          if (anchor) {
            const text = current.slice(anchor.start).trim() || anchor.alts.join(' ');
            links.push({ part: 'html', href: anchor.href, text, before: anchor.before, kind: 'a' });
          }
        }
        if (BLOCK.has(name)) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  breakLine();
  lines.push(...titles);
  // URLs written as text outside any anchor: mail clients turn them into links.
  bareLinks('html', textOutside.join('').split('\n').map((l) => l.trim()).join('\n'), links);
  return { part: 'html', text: lines.join('\n'), links };
}

/** A plain-text body or a subject: its lines and the URLs written in it. */
export function plainPartText(part: Part, text: string): PartText {
  const clean = normaliseSpaces(text.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
  const links: RawLink[] = [];
  bareLinks(part, clean, links);
  for (const match of clean.matchAll(/\bmailto:[^\s<>"']+/gi)) {
    links.push({ part, href: match[0], text: match[0], before: '', kind: 'bare' });
  }
  return { part, text: clean, links };
}
