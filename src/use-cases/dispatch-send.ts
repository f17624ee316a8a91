import { GuardError, NotFoundError } from '../core/errors.ts';
import { canaryJob, sendOrder } from '../core/workflow/send-plan.ts';
import type { CampaignRecord, SendRow } from '../ports/campaign-store.ts';
import { loadFrozenVersion } from './frozen-version.ts';
import { campaignUrl } from './links.ts';
import type { Services } from './services.ts';
import { tellAbout } from './system-mail.ts';
import { findMember } from './team-access.ts';
import { historyEntry } from '../core/workflow/history.ts';

/**
 * Freezes an approved version and starts its send: one row per selected recipient in send order (the
 * team's own addresses first), suppressed addresses marked, then the canary batch queued and the
 * organiser and approver told, with the link to halt.
 */
export async function dispatchSend(services: Services, campaignId: string): Promise<CampaignRecord> {
  const { store, clock, settings } = services;
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`There is no campaign ${campaignId}.`);
  if (campaign.status !== 'approved') return campaign;
  // Fail closed: no send without a recorded approval of this very content.
  const [decision, version] = await Promise.all([store.getDecision(campaignId, campaign.version), store.getVersion(campaignId, campaign.version)]);
  if (!decision || decision.decision !== 'approve' || !version || decision.contentHash !== version.contentHash || version.verdict !== 'ready') {
    const now = clock.now().toISOString();
    await store.updateCampaign(campaignId, { fromStatuses: ['approved'], version: campaign.version }, { status: 'failed', updatedAt: now });
    await store.addHistory(campaignId, historyEntry(now, 'followup-guard', { kind: 'send-refused' }));
    throw new GuardError('APPROVAL_MISSING', `Campaign ${campaignId} version ${campaign.version} has no recorded approval of its content; nothing was sent.`);
  }
  const frozen = await loadFrozenVersion(services, campaignId, campaign.version);
  const teamEmails = new Set((await services.team.members()).map((m) => m.email.toLowerCase()));
  const ordered = sendOrder([...frozen.recipients.values()], teamEmails);
  const suppressed = await store.suppressed(ordered.map((r) => r.email));
  const now = clock.now().toISOString();
  const rows: SendRow[] = ordered.map((recipient, position) => {
    const email = recipient.email.toLowerCase();
    const digest = frozen.digests[email];
    if (!digest) return { position, email: recipient.email, digest: '', status: 'skipped', reason: 'not checked at submission', at: now };
    if (suppressed.has(email)) return { position, email: recipient.email, digest, status: 'suppressed', reason: 'unsubscribed', at: now };
    return { position, email: recipient.email, digest, status: 'pending' };
  });
  // Rows are written before anything is queued: a dispatch interrupted here is redone from scratch.
  await store.putSendRows(campaignId, campaign.version, rows);
  await store.setCounts(campaignId, {
    selected: rows.length,
    sent: 0,
    failed: 0,
    suppressed: rows.filter((r) => r.status === 'suppressed').length,
    skipped: rows.filter((r) => r.status === 'skipped').length,
  });
  const sending = await store.updateCampaign(campaignId, { fromStatuses: ['approved'], version: campaign.version }, { status: 'sending', updatedAt: now });
  const teamCount = ordered.filter((r) => teamEmails.has(r.email.toLowerCase())).length;
  await store.addHistory(campaignId, historyEntry(now, 'followup-guard', {
    kind: 'sending-started',
    recipients: rows.length,
    firstSlice: Math.min(rows.length, teamCount + settings.canarySize),
    teamAddresses: teamCount,
    windowSeconds: settings.canaryWindowSeconds,
  }));
  await services.queue.enqueue([canaryJob(campaignId, campaign.version, rows.length, teamCount, settings)]);

  const people = [version.submittedBy, campaign.approvedBy].filter((e, i, all): e is string => Boolean(e) && all.indexOf(e) === i);
  for (const email of people) {
    const member = (await findMember(services, email)) ?? { email, language: undefined };
    await tellAbout(services, campaignId, member, 'sending-started', {
      title: campaign.title,
      campaignId,
      version: campaign.version,
      selected: rows.length,
      firstGroup: Math.min(rows.length, teamCount + settings.canarySize),
      teamCount,
      canaryWindowSeconds: settings.canaryWindowSeconds,
      canaryWindowMinutes: Math.round(settings.canaryWindowSeconds / 60),
      isWindowInSeconds: settings.canaryWindowSeconds < 120,
      campaignUrl: campaignUrl(settings, campaignId),
    });
  }
  return sending;
}
