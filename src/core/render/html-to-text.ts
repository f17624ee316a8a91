import { Parser } from 'htmlparser2';

const BLOCK = /^(?:p|div|br|li|tr|h[1-6]|table|ul|ol|section|article|header|footer|blockquote|hr|center|pre)$/;

/**
 * The plain-text part of a message whose draft has no text template: the HTML's readable text, one
 * line per block, each link followed by its address.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let skip = 0;
  const anchors: { href: string; start: number }[] = [];
  const flush = () => {
    const clean = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (clean || (lines.length > 0 && lines[lines.length - 1] !== '')) lines.push(clean);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'head' || name === 'style' || name === 'script') skip++;
        if (skip) return;
        if (BLOCK.test(name)) flush();
        if (name === 'a') anchors.push({ href: (attributes.href ?? '').trim(), start: line.length });
      },
      ontext(text) {
        if (!skip) line += text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (name === 'head' || name === 'style' || name === 'script') {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        if (name === 'a') {
          const anchor = anchors.pop();
          const label = anchor ? line.slice(anchor.start).trim() : '';
          if (anchor?.href && /^(?:https?:|mailto:)/i.test(anchor.href) && label !== anchor.href) line += ` (${anchor.href.replace(/^mailto:/i, '')})`;
        }
        if (BLOCK.test(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
