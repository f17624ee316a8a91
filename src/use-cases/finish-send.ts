import { ConflictError } from '../core/errors.ts';
import type { SendCounts, SendRow } from '../ports/campaign-store.ts';
import { campaignUrl } from './links.ts';
import type { Services } from './services.ts';
import { tellAbout } from './system-mail.ts';
import { findMember } from './team-access.ts';
import { historyEntry } from '../core/workflow/history.ts';

/** Counts and reasons of a send, read from its rows. */
export interface SendReport {
  counts: SendCounts;
  /** Failed and skipped recipients by reason. */
  reasons: { status: SendRow['status']; reason: string; recipients: number }[];
  isComplete: boolean;
}

/** Reads every row of a send: the authoritative counts, per status and per reason. */
export async function readSendReport(services: Services, campaignId: string, version: number, selected: number): Promise<SendReport> {
  const rows = await services.store.getSendRows(campaignId, version, 0, Math.max(selected, 1));
  const counts: SendCounts = { selected: rows.length, sent: 0, failed: 0, suppressed: 0, skipped: 0 };
  const reasons = new Map<string, { status: SendRow['status']; reason: string; recipients: number }>();
  let isComplete = true;
  for (const row of rows) {
    if (row.status === 'pending' || row.status === 'claimed') {
      isComplete = false;
      continue;
    }
    counts[row.status]++;
    if (row.status !== 'sent') {
      const key = `${row.status}\u0000${row.reason ?? ''}`;
      const entry = reasons.get(key) ?? { status: row.status, reason: row.reason ?? '', recipients: 0 };
      entry.recipients++;
      reasons.set(key, entry);
    }
  }
  return { counts, reasons: [...reasons.values()], isComplete };
}

/**
 * Ends a send when every recipient has a final status (judged from the counters, or from the rows when
 * `isCheckingRows`): the counters are reconciled from the rows, the
 * campaign becomes sent (or failed when nothing could be sent), and the submitter and the approver get
 * the end report. Only one worker wins the final transition.
 */
export async function finishIfComplete(services: Services, campaignId: string, version: number, isCheckingRows = false): Promise<void> {
  const { store, clock } = services;
  const campaign = await store.getCampaign(campaignId);
  if (!campaign || campaign.version !== version || campaign.status !== 'sending') return;
  const c = campaign.counts;
  // The counters are a hint (a worker that dies loses its last additions); the rows are the truth.
  if (!isCheckingRows && c.sent + c.failed + c.suppressed + c.skipped < c.selected) return;
  const report = await readSendReport(services, campaignId, version, c.selected);
  if (!report.isComplete) return;
  await store.setCounts(campaignId, report.counts);
  const now = clock.now().toISOString();
  const status = report.counts.sent === 0 && report.counts.failed + report.counts.skipped > 0 ? 'failed' : 'sent';
  try {
    await store.updateCampaign(campaignId, { fromStatuses: ['sending'], version }, { status, updatedAt: now });
  } catch (error) {
    if (error instanceof ConflictError) return;
    throw error;
  }
  const { sent, failed, suppressed, skipped } = report.counts;
  await store.addHistory(campaignId, historyEntry(now, 'followup-guard', { kind: 'finished', sent, failed, suppressed, skipped }));
  const versionRecord = await store.getVersion(campaignId, version);
  const people = [versionRecord?.submittedBy, campaign.approvedBy].filter((e, i, all): e is string => Boolean(e) && all.indexOf(e) === i);
  for (const email of people) {
    const member = (await findMember(services, email)) ?? { email, language: undefined };
    await tellAbout(services, campaignId, member, 'end-report', {
      title: campaign.title,
      campaignId,
      version,
      status,
      counts: report.counts,
      reasons: report.reasons,
      campaignUrl: campaignUrl(services.settings, campaignId),
    });
  }
}
