import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { RULE_TITLES } from '../core/rules/rule-titles.ts';
import { formatInstant } from '../core/text/format-instant.ts';
import type { RuleId } from '../core/rules/rule-ids.ts';
import type { HistoryEntry } from '../ports/campaign-store.ts';
import { historyText, reasonText } from './history-words.ts';
import { DICTIONARY, type Language, type MessageKey } from './i18n.ts';

const env = Handlebars.create();
env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
env.registerHelper('encodeURIComponent', (value: unknown) => encodeURIComponent(String(value ?? '')));
env.registerHelper('history', function (this: unknown, entry: HistoryEntry, options: Handlebars.HelperOptions) {
  return historyText(entry, (options.data?.root?.lang as Language | undefined) ?? 'fr');
});
env.registerHelper('reasonWords', function (this: unknown, reason: string, options: Handlebars.HelperOptions) {
  return reasonText(reason, (options.data?.root?.lang as Language | undefined) ?? 'fr');
});
// A count's noun: French uses the singular for 0 and 1, English for 1 only.
env.registerHelper('tn', function (this: unknown, count: unknown, key: string, options: Handlebars.HelperOptions) {
  const lang = (options.data?.root?.lang as Language | undefined) ?? 'fr';
  const n = Number(count);
  const words = DICTIONARY[lang] as Record<string, string>;
  const isOne = lang === 'fr' ? n <= 1 : n === 1;
  return (isOne ? words[`${key}.one`] : undefined) ?? words[key] ?? key;
});
// An example of a finding that is an address (a recipients.invalid example is a line of the list).
env.registerHelper('isAddress', (value: unknown) => typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value));
env.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).join(''));
env.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
  const lang = (options.data?.root?.lang as Language | undefined) ?? 'fr';
  return (DICTIONARY[lang] as Record<string, string>)[key] ?? (DICTIONARY.fr as Record<string, string>)[key] ?? key;
});

env.registerHelper('ruleTitle', function (this: unknown, rule: RuleId, options: Handlebars.HelperOptions) {
  const lang = (options.data?.root?.lang as Language | undefined) ?? 'fr';
  return RULE_TITLES[rule]?.[lang] ?? rule;
});

/** The zone in which pages show instants (history, submissions, decisions). */
const TEAM_ZONE = process.env.TEAM_TIMEZONE ?? 'Europe/Paris';

env.registerHelper('when', function (this: unknown, iso: unknown, options: Handlebars.HelperOptions) {
  return formatInstant(iso, (options.data?.root?.lang as Language | undefined) ?? 'fr', TEAM_ZONE);
});

let pages: Map<string, Handlebars.TemplateDelegate> | undefined;

function load(folder: string): Map<string, Handlebars.TemplateDelegate> {
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of readdirSync(folder)) {
    if (!file.endsWith('.hbs')) continue;
    const name = file.slice(0, -4);
    const source = readFileSync(join(folder, file), 'utf8');
    env.registerPartial(name, source);
    compiled.set(name, env.compile(source, { strict: false }));
  }
  return compiled;
}

/** An instant as the pages show it. */
export function showInstant(iso: unknown, lang: Language): string {
  return formatInstant(iso, lang, TEAM_ZONE);
}

/** The words of a key in a language (for texts built outside the templates). */
export function translate(lang: Language, key: MessageKey): string {
  return DICTIONARY[lang][key];
}

/**
 * Renders a page of templates/pages (Handlebars: every value is HTML-escaped, so recipient data and
 * event titles show as text). The pages are read once per process.
 */
export function renderPage(name: string, data: Record<string, unknown> & { lang: Language; title: string }): string {
  pages ??= load(process.env.PAGES_DIR ?? join(process.cwd(), 'templates', 'pages'));
  const template = pages.get(name);
  if (!template) throw new Error(`no page template ${name}`);
  return template(data);
}
