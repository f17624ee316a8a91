import type { Campaign } from '../core/campaign/types.ts';
import type { CheckReport } from '../core/check/check-campaign.ts';
import { formatLongDate, formatTime } from '../core/render/event-context.ts';

interface Style {
  bold(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
}

/** ANSI styles when writing to a terminal, plain text otherwise. */
export function styles(isColor: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (isColor ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: wrap(1, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22) };
}

const WORDS = {
  fr: {
    event: 'Événement', draft: 'Brouillon', recipients: 'Liste     ', from: 'de', audience: 'audience',
    counts: (t: number, s: number, e: number) => `${t} dans la liste · ${s} sélectionnés · ${e} exclus`,
    warnings: (n: number) => ` (${n} avertissement${n > 1 ? 's' : ''})`,
    blocked: (n: number) => `BLOQUÉ — ${n} constat${n > 1 ? 's' : ''} bloque${n > 1 ? 'nt' : ''} l’envoi`,
    ready: 'PRÊT — rien ne bloque l’envoi ; il peut partir en relecture',
    block: '✖ bloque ', warn: '⚠ avertit',
    who: (n: number) => `${n} destinataire${n > 1 ? 's' : ''}`,
    expected: 'attendu ', found: 'trouvé  ', examples: 'ex.     ', more: (n: number) => ` (+${n} autres)`,
  },
  en: {
    event: 'Event', draft: 'Draft', recipients: 'Recipients', from: 'from', audience: 'audience',
    counts: (t: number, s: number, e: number) => `${t} in the list · ${s} selected · ${e} excluded`,
    warnings: (n: number) => ` (${n} warning${n > 1 ? 's' : ''})`,
    blocked: (n: number) => `BLOCKED — ${n} finding${n > 1 ? 's' : ''} stop the send`,
    ready: 'READY — nothing blocks the send; it can go to review',
    block: '✖ block', warn: '⚠ warn ',
    who: (n: number) => (n === 1 ? '1 recipient' : `${n} recipients`),
    expected: 'expected', found: 'found   ', examples: 'e.g.    ', more: (n: number) => ` (+${n} more)`,
  },
};

/**
 * The organiser's report, in the event's language: the event, the verdict, then each finding with
 * expected vs found and examples.
 */
export function formatReport(campaign: Campaign, report: CheckReport, style: Style): string {
  const { event, draft } = campaign;
  const w = WORDS[event.language];
  const start = new Date(event.start);
  const lines: string[] = [];
  const label = (text: string) => style.bold(text.padEnd(12));
  lines.push(`${label(w.event)}« ${event.title} » — ${formatLongDate(start, event.timezone, event.language)}, ${formatTime(start, event.timezone, event.language)} (${event.timezone})`);
  lines.push(`${label(w.draft)}« ${draft.subject} » ${w.from} ${draft.from}, ${w.audience} ${draft.audience}`);
  const r = report.recipients;
  lines.push(`${label(w.recipients.trim())}${w.counts(r.total, r.selected, r.excluded)}`);
  for (const note of campaign.recipients.notes) lines.push(style.dim(`            ${note}`));
  lines.push('');
  const blocking = report.findings.filter((f) => f.severity === 'block');
  const warnings = report.findings.length - blocking.length;
  const warnText = warnings ? w.warnings(warnings) : '';
  if (report.verdict === 'blocked') lines.push(style.red(style.bold(`${w.blocked(blocking.length)}${warnText}`)));
  else lines.push(style.green(style.bold(`${w.ready}${warnText}`)));
  for (const f of report.findings) {
    lines.push('');
    const mark = f.severity === 'block' ? style.red(w.block) : style.yellow(w.warn);
    lines.push(`${mark}  ${style.bold(f.rule)} — ${w.who(f.recipients)}`);
    lines.push(`         ${f.message}`);
    lines.push(`         ${style.dim(w.expected)} ${f.expected}`);
    lines.push(`         ${style.dim(w.found)} ${f.found}`);
    if (f.examples.length) {
      const more = f.recipients > f.examples.length ? w.more(f.recipients - f.examples.length) : '';
      lines.push(`         ${style.dim(w.examples)} ${f.examples.join(', ')}${more}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
