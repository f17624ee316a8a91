import { MailerError } from '../core/errors.ts';
import { htmlToText } from '../core/render/html-to-text.ts';
import { messageDigest } from '../core/workflow/content-hash.ts';
import { finishJob, mainJobs, perWorkerIntervalMs } from '../core/workflow/send-plan.ts';
import type { SendRow } from '../ports/campaign-store.ts';
import type { SendJob } from '../ports/send-queue.ts';
import { finishIfComplete } from './finish-send.ts';
import { loadFrozenVersion } from './frozen-version.ts';
import { unsubscribeUrl } from './links.ts';
import type { Services } from './services.ts';

/** How a batch ended: done (every row handled or the send stopped) or to be retried later (redelivery). */
export interface BatchOutcome {
  isComplete: boolean;
  sent: number;
  failed: number;
  suppressed: number;
  skipped: number;
  reason?: string | undefined;
}

const MAX_BACKOFF_MS = 30_000;
const WATCH_INTERVAL_MS = 2_000;
const SUPPRESSION_LOOKAHEAD = 50;
const MAX_TRANSIENT_RETRIES = 3;

/**
 * Sends one batch of a frozen version. Each recipient moves pending → claimed → sent/failed by
 * conditional writes, so a message redelivered or a batch run twice never sends anyone twice; a claim
 * left by a worker that died mid-send is reported as failed (outcome unknown), never sent again.
 * The campaign's status is read before every recipient: a halt stops the batch at once. Unsubscribes
 * are read for the next fifty recipients at a time, at least every two seconds, and the counters are
 * added up in the same rhythm (they are reconciled from the rows when the send ends). Throttling is retried with backoff, never dropped;
 * when the worker's time runs out the rest stays pending and the batch is retried.
 */
export async function sendBatch(services: Services, job: SendJob, startedAtMs: number = services.clock.now().getTime()): Promise<BatchOutcome> {
  const { store, clock, settings } = services;
  const outcome: BatchOutcome = { isComplete: true, sent: 0, failed: 0, suppressed: 0, skipped: 0 };
  const isSending = async () => {
    const campaign = await store.getCampaign(job.campaignId);
    return campaign?.status === 'sending' && campaign.version === job.version;
  };
  if (!(await isSending())) return { ...outcome, reason: 'the campaign is not sending' };
  if (job.phase === 'finish') {
    await checkFinish(services, job);
    return outcome;
  }

  const frozen = await loadFrozenVersion(services, job.campaignId, job.version);
  const { campaign, plan } = frozen;
  const interval = perWorkerIntervalMs(settings);
  let nextSendAt = clock.now().getTime();
  const rows = await store.getSendRows(job.campaignId, job.version, job.from, job.to);
  const move = (row: SendRow, from: SendRow['status'], to: Parameters<typeof store.moveSendRow>[4]) => store.moveSendRow(job.campaignId, job.version, row.position, from, to);

  let counts: Partial<Record<'sent' | 'failed' | 'suppressed' | 'skipped', number>> = {};
  const count = (key: 'sent' | 'failed' | 'suppressed' | 'skipped') => {
    outcome[key]++;
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const flushCounts = async () => {
    if (Object.keys(counts).length === 0) return;
    const deltas = counts;
    counts = {};
    await store.addCounts(job.campaignId, deltas);
  };
  let watchedAt = Number.NEGATIVE_INFINITY;
  let suppressedUntil = -1;
  let suppressed = new Set<string>();
  const watch = async (from: number) => {
    const now = clock.now().getTime();
    if (now - watchedAt < WATCH_INTERVAL_MS && from < suppressedUntil) return;
    watchedAt = now;
    // Unsubscribes are read for the next rows only (a few seconds of sending), not the whole batch each time.
    suppressedUntil = from + SUPPRESSION_LOOKAHEAD;
    suppressed = await store.suppressed(rows.slice(from, suppressedUntil).filter((r) => r.status === 'pending').map((r) => r.email));
    await flushCounts();
  };
  const stop = async (result: BatchOutcome): Promise<BatchOutcome> => {
    await flushCounts();
    return result;
  };

  for (const [index, row] of rows.entries()) {
    if (row.status === 'claimed') {
      // A claim older than any worker can live: that worker stopped between claiming this recipient and
      // recording the result, and SES may have the message. Reporting it is safe; sending it again is not.
      // A younger claim belongs to a worker still at it (a duplicate delivery): leave it to that worker.
      if (clock.now().getTime() - Date.parse(row.at ?? '1970-01-01') < claimLeaseMs(settings)) continue;
      if (await move(row, 'claimed', { status: 'failed', reason: 'interrupted during the send (the message may have left): not retried, so that nobody gets it twice', at: clock.now().toISOString() })) {
        count('failed');
      }
      continue;
    }
    if (row.status !== 'pending') continue;
    if (clock.now().getTime() - startedAtMs > settings.workerBudgetMs) {
      return stop({ ...outcome, isComplete: false, reason: 'worker time budget used; the rest is retried' });
    }
    if (!(await isSending())) return stop({ ...outcome, reason: 'halted' });
    await watch(index);

    const email = row.email.toLowerCase();
    if (suppressed.has(email)) {
      if (await move(row, 'pending', { status: 'suppressed', reason: 'unsubscribed', at: clock.now().toISOString() })) count('suppressed');
      continue;
    }
    const recipient = frozen.recipients.get(email);
    const message = recipient ? plan.render(recipient, unsubscribeUrl(settings, recipient.email, job.campaignId)) : undefined;
    // Fail closed: only the message whose digest was recorded when it was checked may leave.
    if (!recipient || !message || messageDigest(message) !== row.digest) {
      if (await move(row, 'pending', { status: 'skipped', reason: 'the message differs from the one that was checked', at: clock.now().toISOString() })) count('skipped');
      continue;
    }

    const wait = nextSendAt - clock.now().getTime();
    if (wait > 0) await clock.sleep(wait);
    if (!(await move(row, 'pending', { status: 'claimed', at: clock.now().toISOString(), attempts: (row.attempts ?? 0) + 1 }))) continue;

    const unsubscribe = unsubscribeUrl(settings, recipient.email, job.campaignId);
    const mail = {
      from: campaign.draft.from,
      to: recipient.email,
      replyTo: campaign.draft.replyTo,
      subject: message.subject,
      html: message.html,
      text: message.text ?? htmlToText(message.html),
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
    let backoff = 1000;
    let transientTries = 0;
    for (;;) {
      nextSendAt = Math.max(nextSendAt + interval, clock.now().getTime());
      let messageId: string;
      try {
        messageId = await services.mailer.send(mail);
      } catch (error) {
        // Anything but a MailerError is a fault whose outcome is unknown: report it, never retry it.
        const failure = error instanceof MailerError ? error : new MailerError('UNKNOWN_OUTCOME', error instanceof Error ? error.message : String(error), { cause: error });
        const canRetry = failure.code === 'THROTTLED' || (failure.code === 'TRANSIENT' && transientTries < MAX_TRANSIENT_RETRIES);
        if (canRetry && clock.now().getTime() + backoff - startedAtMs <= settings.workerBudgetMs) {
          if (failure.code === 'TRANSIENT') transientTries++;
          await clock.sleep(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          continue;
        }
        if (failure.isRetryable) {
          // Not accepted by SES: give the recipient back and let the batch be retried later.
          await move(row, 'claimed', { status: 'pending' });
          return stop({ ...outcome, isComplete: false, reason: `${failure.code}: retried later` });
        }
        await move(row, 'claimed', { status: 'failed', reason: failure.message.slice(0, 300), at: clock.now().toISOString() });
        count('failed');
        break;
      }
      // Outside the try: if recording fails the batch fails, and its redelivery reports this recipient
      // as interrupted rather than sending again.
      await move(row, 'claimed', { status: 'sent', messageId, at: clock.now().toISOString() });
      count('sent');
      break;
    }
  }

  await flushCounts();
  const total = (await store.getCampaign(job.campaignId))?.counts.selected ?? job.to;
  if (job.phase === 'canary' && (await isSending())) {
    const rest = mainJobs(job.campaignId, job.version, job.to, total, settings);
    await services.queue.enqueue(rest.length ? rest : [finishJob(job.campaignId, job.version, total)], settings.canaryWindowSeconds);
  } else if (job.to >= total) {
    // The last batch: a finish check follows, which ends the send or picks up whatever is left.
    await services.queue.enqueue([finishJob(job.campaignId, job.version, total)], settings.finishCheckDelaySeconds);
  }
  await finishIfComplete(services, job.campaignId, job.version);
  return outcome;
}

const MAX_FINISH_ATTEMPTS = 20;

/** A claim older than this belongs to no living worker (one stops taking recipients at its budget). */
function claimLeaseMs(settings: Services['settings']): number {
  return settings.workerBudgetMs * 1.2 + 30_000;
}

/**
 * The finish check: reads every row. All final → the send ends (counters reconciled, whatever they
 * said). Otherwise the ranges still holding pending or stale claimed rows are queued again, and
 * another check follows; after many checks without an end, what is left is reported as failed.
 */
async function checkFinish(services: Services, job: SendJob): Promise<void> {
  const { store, clock, settings } = services;
  const rows = await store.getSendRows(job.campaignId, job.version, 0, Math.max(1, job.to));
  const now = clock.now().getTime();
  const open = rows.filter((r) => r.status === 'pending' || r.status === 'claimed');
  if (open.length === 0) {
    await finishIfComplete(services, job.campaignId, job.version, true);
    return;
  }
  const attempt = (job.attempt ?? 0) + 1;
  if (attempt > MAX_FINISH_ATTEMPTS && open.every((r) => r.status === 'pending' || now - Date.parse(r.at ?? '1970-01-01') >= claimLeaseMs(settings))) {
    for (const row of open) {
      await store.moveSendRow(job.campaignId, job.version, row.position, row.status, { status: 'failed', reason: 'the send could not reach this recipient after repeated attempts', at: clock.now().toISOString() });
    }
    await finishIfComplete(services, job.campaignId, job.version, true);
    return;
  }
  const ranges = new Map<number, SendJob>();
  for (const row of open) {
    const from = row.position - (row.position % settings.batchSize);
    ranges.set(from, { campaignId: job.campaignId, version: job.version, from, to: Math.min(job.to, from + settings.batchSize), phase: 'main' });
  }
  await services.queue.enqueue([...ranges.values()]);
  await services.queue.enqueue([finishJob(job.campaignId, job.version, job.to, attempt)], settings.finishCheckDelaySeconds * 2);
}
