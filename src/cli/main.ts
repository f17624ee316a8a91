import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readCampaignFolder } from '../adapters/local/campaign-folder.ts';
import { parseCampaign } from '../core/campaign/parse-campaign.ts';
import type { Campaign, Recipient } from '../core/campaign/types.ts';
import { checkCampaign, selectRecipients } from '../core/check/check-campaign.ts';
import { GuardError } from '../core/errors.ts';
import { htmlPartText } from '../core/facts/message-text.ts';
import { prepareTemplates } from '../core/render/render-plan.ts';
import { say } from '../core/rules/rule.ts';
import { formatReport, styles } from './report-text.ts';

const USAGE = `Usage:
  followup-guard check <folder> [--json] [--now <ISO date-time>]
      Renders every selected recipient's message and runs every rule.
      Exit 0: nothing blocks (ready for review) · 1: blocked · 2: the input cannot be read.
  followup-guard preview <folder> --recipient <email> [--out <file.html>]
      Writes that recipient's HTML and prints the subject and the text.
`;

/** Exit codes of the contract, plus 3 for a fault of the guard itself. */
const EXIT = { ready: 0, blocked: 1, unreadable: 2, internal: 3 } as const;

class UsageError extends Error {}

function unsubscribeUrlFor(recipient: Recipient): string {
  const base = (process.env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const token = createHash('sha256').update(recipient.email.toLowerCase()).digest('base64url').slice(0, 22);
  return `${base}/unsubscribe/preview-${token}`;
}

async function load(folder: string): Promise<Campaign> {
  return parseCampaign(await readCampaignFolder(folder));
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, now: { type: 'string' } } });
  const folder = positionals[0];
  if (!folder || positionals.length > 1) throw new UsageError('check needs exactly one campaign folder');
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${values.now}" is not a date-time`);
  const campaign = await load(folder);
  const showProgress = Boolean(process.stderr.isTTY) && campaign.recipients.rows.length >= 2000;
  const report = await checkCampaign(campaign, {
    now,
    unsubscribeUrl: unsubscribeUrlFor,
    onProgress: showProgress
      ? (done, total) => process.stderr.write(`\rChecked ${done.toLocaleString('en')} of ${total.toLocaleString('en')} recipients${done === total ? '\n' : ''}`)
      : undefined,
  });
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(formatReport(campaign, report, styles(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)));
  return report.verdict === 'ready' ? EXIT.ready : EXIT.blocked;
}

async function runPreview(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { recipient: { type: 'string' }, out: { type: 'string' } },
  });
  const folder = positionals[0];
  if (!folder || positionals.length > 1) throw new UsageError('preview needs exactly one campaign folder');
  if (!values.recipient) throw new UsageError('preview needs --recipient <email>');
  const campaign = await load(folder);
  const wanted = values.recipient.trim().toLowerCase();
  const recipient = campaign.recipients.rows.find((r) => r.email.toLowerCase() === wanted);
  if (!recipient) {
    process.stderr.write(`followup-guard: recipients.csv has no row with the address ${values.recipient}\n`);
    return EXIT.unreadable;
  }
  const prepared = await prepareTemplates(campaign);
  if (!prepared.plan) {
    const language = campaign.event.language;
    for (const p of prepared.problems) {
      const line = p.line ? ` ${say(language, 'ligne', 'line')} ${p.line}` : '';
      process.stderr.write(`followup-guard: ${p.file}${line}: ${p.message[language]}\n`);
    }
    return EXIT.blocked;
  }
  const message = prepared.plan.render(recipient, unsubscribeUrlFor(recipient));
  const out = values.out ?? `preview-${recipient.email.replace(/[^a-z0-9.@-]/gi, '_')}.html`;
  await writeFile(out, message.html);
  const isSelected = selectRecipients(campaign).some((s) => s.recipient === recipient);
  const text = message.text ?? htmlPartText(message.html).text;
  process.stdout.write(
    [
      `To:      ${recipient.email}${isSelected ? '' : `  (not selected: audience is "${campaign.draft.audience}")`}`,
      `From:    ${campaign.draft.from}`,
      `Subject: ${message.subject}`,
      `HTML:    ${out} (${Buffer.byteLength(message.html).toLocaleString('en')} bytes)`,
      '',
      message.text === undefined ? '--- text (derived from the HTML) ---' : '--- text ---',
      text,
      '',
    ].join('\n'),
  );
  return EXIT.ready;
}

/** Runs the followup-guard command; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await runCheck(rest);
    if (command === 'preview') return await runPreview(rest);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE);
      return command === undefined ? EXIT.unreadable : EXIT.ready;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`followup-guard: ${error.message}\n\n${USAGE}`);
      return EXIT.unreadable;
    }
    if (error instanceof GuardError) {
      process.stderr.write(`followup-guard: ${error.message}\n`);
      return error.code === 'CAMPAIGN_INPUT_INVALID' ? EXIT.unreadable : EXIT.internal;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`followup-guard: internal error (please report it): ${message}\n`);
    return EXIT.internal;
  }
}
