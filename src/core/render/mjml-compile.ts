import mjml2html from 'mjml';
import { decodeHTML } from 'entities';
import { parseHandlebars, type TemplateProblem } from './handlebars-program.ts';

/** The HTML MJML produced from a template (Handlebars expressions still in it), and what went wrong. */
export interface CompiledMjml {
  html: string;
  problems: TemplateProblem[];
}

const MUSTACHE = /\{\{\{?[\s\S]*?\}?\}\}/g;

function normaliseToken(token: string): string {
  return decodeHTML(token).replace(/[\s~]+/g, '');
}

function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(MUSTACHE)) {
    const key = normaliseToken(match[0]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Compiles the MJML once, with the Handlebars expressions left in place, and reports what would make the
 * result differ from the author's intent: MJML errors, Handlebars syntax errors, and blocks that MJML
 * silently dropped (a `{{#if}}` between sections must sit in `<mj-raw>`).
 */
export async function compileMjml(file: string, source: string): Promise<CompiledMjml> {
  const syntax = parseHandlebars(file, source);
  if (!('body' in syntax)) return { html: '', problems: [syntax] };
  if (!/<mjml[\s>]/i.test(source)) {
    return { html: '', problems: [{ file, line: 1, message: { fr: 'ce n’est pas du MJML : un document entre <mjml> et </mjml> est attendu', en: 'this is not MJML: expected a document enclosed in <mjml> … </mjml>' } }] };
  }
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(source, { validationLevel: 'soft', ignoreIncludes: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { html: '', problems: [{ file, message: { fr: `MJML ne peut pas le compiler : ${message}`, en: `MJML cannot compile it: ${message}` } }] };
  }
  const problems: TemplateProblem[] = [];
  for (const error of result.errors ?? []) {
    // A Handlebars expression in a typed attribute (background-color="{{c}}") fails MJML's type check
    // although the rendered value may be valid: that is not an MJML error of the template.
    if (/\{\{/.test(error.message)) continue;
    const text = `${error.message.trim()} (<${error.tagName}>)`;
    problems.push({ file, line: error.line, message: { fr: `MJML : ${text}`, en: `MJML: ${text}` } });
  }
  const before = tokenCounts(source);
  const after = tokenCounts(result.html);
  for (const [token, count] of before) {
    if ((after.get(token) ?? 0) >= count) continue;
    let index = -1;
    let written = token;
    for (const match of source.matchAll(MUSTACHE)) {
      if (normaliseToken(match[0]) === token) [index, written] = [match.index ?? -1, match[0]];
    }
    const isBlock = /^\{\{[#^/]|^\{\{else/.test(token);
    problems.push({
      file,
      line: index >= 0 ? lineAt(source, index) : undefined,
      message: isBlock
        ? {
            fr: `MJML supprime ${written} ici : un bloc Handlebars hors d’un <mj-text> ou entre deux sections doit être placé dans un <mj-raw>`,
            en: `MJML drops ${written} here: a Handlebars block outside <mj-text> or between sections must be wrapped in <mj-raw>`,
          }
        : {
            fr: `MJML supprime ${written} ici : placez les expressions Handlebars dans un <mj-text>, <mj-button>, <mj-raw> ou un attribut`,
            en: `MJML drops ${written} here: put Handlebars expressions inside <mj-text>, <mj-button>, <mj-raw> or an attribute`,
          },
    });
  }
  return { html: result.html, problems };
}
