import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { GuardError } from '../../core/errors.ts';
import { htmlToText } from '../../core/render/html-to-text.ts';
import { compileMjml } from '../../core/render/mjml-compile.ts';
import type { MailTemplates, SystemMailKind } from '../../ports/mail-templates.ts';
import type { RuleId } from '../../core/rules/rule-ids.ts';
import { RULE_TITLES } from '../../core/rules/rule-titles.ts';
import { formatInstant } from '../../core/text/format-instant.ts';
import { reasonText, rowStatusText } from '../../web/history-words.ts';

type Compiled = { subject: Handlebars.TemplateDelegate; html: Handlebars.TemplateDelegate };

const env = Handlebars.create();
env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
env.registerHelper('when', (iso: unknown, options: Handlebars.HelperOptions) => formatInstant(iso, (options.data?.root?.language as 'fr' | 'en') ?? 'fr'));
env.registerHelper('reasonWords', (reason: string, options: Handlebars.HelperOptions) => reasonText(reason, (options.data?.root?.language as 'fr' | 'en') ?? 'fr'));
env.registerHelper('rowStatus', (status: string, options: Handlebars.HelperOptions) => rowStatusText(status, (options.data?.root?.language as 'fr' | 'en') ?? 'fr'));
env.registerHelper('ruleTitle', (rule: RuleId, options: Handlebars.HelperOptions) => RULE_TITLES[rule]?.[(options.data?.root?.language as 'fr' | 'en') ?? 'fr'] ?? rule);

/**
 * The system's emails from templates/emails/<kind>.<language>.mjml and subjects.json: MJML compiled
 * once per template, Handlebars (HTML-escaped) per mail, the text part derived from the HTML.
 */
export class FileMailTemplates implements MailTemplates {
  private readonly compiled = new Map<string, Promise<Compiled>>();

  constructor(private readonly folder: string = join(process.cwd(), 'templates', 'emails')) {}

  async render(kind: SystemMailKind, language: 'fr' | 'en', data: Record<string, unknown>) {
    const template = await this.load(kind, language);
    const subject = template.subject(data).replace(/[\r\n]+/g, ' ');
    const html = template.html({ ...data, subject, language });
    return { subject, html, text: htmlToText(html) };
  }

  private load(kind: SystemMailKind, language: 'fr' | 'en'): Promise<Compiled> {
    const key = `${kind}.${language}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = (async () => {
        const subjects = JSON.parse(await readFile(join(this.folder, 'subjects.json'), 'utf8')) as Record<string, Record<string, string>>;
        const subject = subjects[kind]?.[language];
        const source = await readFile(join(this.folder, `${key}.mjml`), 'utf8');
        const mjml = await compileMjml(`${key}.mjml`, source);
        if (!subject || mjml.problems.length > 0) {
          throw new GuardError('MAIL_TEMPLATE_INVALID', `templates/emails/${key}.mjml: ${mjml.problems.map((p) => p.message.en).join('; ') || 'no subject in subjects.json'}`);
        }
        return { subject: env.compile(subject, { noEscape: true }), html: env.compile(mjml.html) };
      })();
      compiled.catch(() => this.compiled.delete(key));
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}
