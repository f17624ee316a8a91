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

/** The organiser's report: the event, the verdict, then each finding with expected vs found and examples. */
export function formatReport(campaign: Campaign, report: CheckReport, style: Style): string {
  const { event, draft } = campaign;
  const start = new Date(event.start);
  const lines: string[] = [];
  lines.push(`${style.bold('Event')}       « ${event.title} » — ${formatLongDate(start, event.timezone, event.language)}, ${formatTime(start, event.timezone, event.language)} (${event.timezone})`);
  lines.push(`${style.bold('Draft')}       « ${draft.subject} » from ${draft.from}, audience ${draft.audience}`);
  const r = report.recipients;
  lines.push(`${style.bold('Recipients')}  ${r.total} in the list · ${r.selected} selected · ${r.excluded} excluded`);
  for (const note of campaign.recipients.notes) lines.push(style.dim(`            ${note}`));
  lines.push('');
  const blocking = report.findings.filter((f) => f.severity === 'block');
  const warnings = report.findings.length - blocking.length;
  const warnText = warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : '';
  if (report.verdict === 'blocked') {
    lines.push(style.red(style.bold(`BLOCKED — ${blocking.length} finding${blocking.length > 1 ? 's' : ''} stop the send${warnText}`)));
  } else {
    lines.push(style.green(style.bold(`READY — nothing blocks the send; it can go to review${warnText}`)));
  }
  for (const f of report.findings) {
    lines.push('');
    const mark = f.severity === 'block' ? style.red('✖ block') : style.yellow('⚠ warn ');
    const who = f.recipients === 1 ? '1 recipient' : `${f.recipients} recipients`;
    lines.push(`${mark}  ${style.bold(f.rule)} — ${who}`);
    lines.push(`         ${f.message}`);
    lines.push(`         ${style.dim('expected')} ${f.expected}`);
    lines.push(`         ${style.dim('found   ')} ${f.found}`);
    if (f.examples.length) {
      const more = f.recipients > f.examples.length ? ` (+${f.recipients - f.examples.length} more)` : '';
      lines.push(`         ${style.dim('e.g.    ')} ${f.examples.join(', ')}${more}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
