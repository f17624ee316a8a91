import { MailerError } from '../core/errors.ts';
import { htmlToText } from '../core/render/html-to-text.ts';
import { messageDigest } from '../core/workflow/content-hash.ts';
import { mainJobs, perWorkerIntervalMs } from '../core/workflow/send-plan.ts';
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
const MAX_TRANSIENT_RETRIES = 3;

/**
 * Sends one batch of a frozen version. Each recipient moves pending → claimed → sent/failed by
 * conditional writes, so a message redelivered or a batch run twice never sends anyone twice; a claim
 * left by a worker that died mid-send is reported as failed (outcome unknown), never sent again.
 * The campaign's status is read before every recipient: a halt stops the batch at once. Throttling is
 * retried with backoff, never dropped; when the worker's time runs out the rest stays pending and the
 * batch is retried.
 */
export async function sendBatch(services: Services, job: SendJob, startedAtMs: number = services.clock.now().getTime()): Promise<BatchOutcome> {
  const { store, clock, settings } = services;
  const outcome: BatchOutcome = { isComplete: true, sent: 0, failed: 0, suppressed: 0, skipped: 0 };
  const isSending = async () => {
    const campaign = await store.getCampaign(job.campaignId);
    return campaign?.status === 'sending' && campaign.version === job.version;
  };
  if (!(await isSending())) return { ...outcome, reason: 'the campaign is not sending' };

  const frozen = await loadFrozenVersion(services, job.campaignId, job.version);
  const { campaign, plan } = frozen;
  const interval = perWorkerIntervalMs(settings);
  let nextSendAt = clock.now().getTime();
  const rows = await store.getSendRows(job.campaignId, job.version, job.from, job.to);
  const move = (row: SendRow, from: SendRow['status'], to: Parameters<typeof store.moveSendRow>[4]) => store.moveSendRow(job.campaignId, job.version, row.position, from, to);

  for (const row of rows) {
    if (row.status === 'claimed') {
      // A worker stopped between claiming this recipient and recording the result: SES may have the
      // message. Reporting it is safe; sending it again is not.
      if (await move(row, 'claimed', { status: 'failed', reason: 'interrupted during the send (the message may have left): not retried, so that nobody gets it twice', at: clock.now().toISOString() })) {
        outcome.failed++;
        await store.addCounts(job.campaignId, { failed: 1 });
      }
      continue;
    }
    if (row.status !== 'pending') continue;
    if (clock.now().getTime() - startedAtMs > settings.workerBudgetMs) {
      return { ...outcome, isComplete: false, reason: 'worker time budget used; the rest is retried' };
    }
    if (!(await isSending())) return { ...outcome, reason: 'halted' };

    const email = row.email.toLowerCase();
    if ((await store.suppressed([email])).has(email)) {
      if (await move(row, 'pending', { status: 'suppressed', reason: 'unsubscribed', at: clock.now().toISOString() })) {
        outcome.suppressed++;
        await store.addCounts(job.campaignId, { suppressed: 1 });
      }
      continue;
    }
    const recipient = frozen.recipients.get(email);
    const message = recipient ? plan.render(recipient, unsubscribeUrl(settings, recipient.email, job.campaignId)) : undefined;
    // Fail closed: only the message whose digest was recorded when it was checked may leave.
    if (!recipient || !message || messageDigest(message) !== row.digest) {
      if (await move(row, 'pending', { status: 'skipped', reason: 'the message differs from the one that was checked', at: clock.now().toISOString() })) {
        outcome.skipped++;
        await store.addCounts(job.campaignId, { skipped: 1 });
      }
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
          return { ...outcome, isComplete: false, reason: `${failure.code}: retried later` };
        }
        await move(row, 'claimed', { status: 'failed', reason: failure.message.slice(0, 300), at: clock.now().toISOString() });
        outcome.failed++;
        await store.addCounts(job.campaignId, { failed: 1 });
        break;
      }
      // Outside the try: if recording fails the batch fails, and its redelivery reports this recipient
      // as interrupted rather than sending again.
      await move(row, 'claimed', { status: 'sent', messageId, at: clock.now().toISOString() });
      outcome.sent++;
      await store.addCounts(job.campaignId, { sent: 1 });
      break;
    }
  }

  if (job.phase === 'canary' && (await isSending())) {
    const total = (await store.getCampaign(job.campaignId))?.counts.selected ?? job.to;
    await services.queue.enqueue(mainJobs(job.campaignId, job.version, job.to, total, settings), settings.canaryWindowSeconds);
  }
  await finishIfComplete(services, job.campaignId, job.version);
  return outcome;
}
