import { parseCampaign, type CampaignFiles } from '../core/campaign/parse-campaign.ts';
import { checkCampaign, selectRecipients } from '../core/check/check-campaign.ts';
import type { Finding } from '../core/check/findings.ts';
import { NotFoundError, AccessError } from '../core/errors.ts';
import { transition, type CampaignStatus } from '../core/workflow/campaign-status.ts';
import { contentHash, messageDigest } from '../core/workflow/content-hash.ts';
import type { CampaignRecord } from '../ports/campaign-store.ts';
import { checkBudget } from './check-budget.ts';
import { earlierSendWarnings } from './earlier-sends.ts';
import { campaignUrl, reviewUrl, unsubscribeUrl } from './links.ts';
import type { Services } from './services.ts';
import { tellAbout } from './system-mail.ts';
import { requireMember } from './team-access.ts';
import { saveVersionFiles } from './version-files.ts';
import { historyEntry } from '../core/workflow/history.ts';

export interface SubmitResult {
  id: string;
  version: number;
  status: CampaignStatus;
  findings: Finding[];
}

/**
 * Submits a campaign (or a new version of one): checks every recipient's message, stores the files and
 * the digests of the checked messages, then reports a blocked draft to its submitter (and the team chat)
 * or asks every reviewer but the submitter to review a clean one. A new version voids earlier approvals.
 */
export async function submitDraft(services: Services, input: { actor: string | undefined; files: CampaignFiles; campaignId?: string | undefined }): Promise<SubmitResult> {
  const { store, clock, settings } = services;
  const member = await requireMember(services, input.actor, 'organiser');
  const campaign = parseCampaign(input.files);

  let existing: CampaignRecord | undefined;
  if (input.campaignId) {
    existing = await store.getCampaign(input.campaignId);
    if (!existing) throw new NotFoundError(`There is no campaign ${input.campaignId}.`);
    if (existing.createdBy.toLowerCase() !== member.email.toLowerCase()) {
      throw new AccessError('FORBIDDEN', `Only the organiser who created this campaign (${existing.createdBy}) can submit a new version.`);
    }
    transition(existing.status, 'submit-clean');
  }
  const id = existing?.id ?? services.newId();
  const version = (existing?.version ?? 0) + 1;
  const now = clock.now();

  const digests: Record<string, string> = {};
  const report = await checkCampaign(campaign, {
    now,
    unsubscribeUrl: (r) => unsubscribeUrl(settings, r.email, id),
    isOutOfTime: checkBudget(services),
    onMessage: (recipient, message) => {
      digests[recipient.email.toLowerCase()] = messageDigest(message);
    },
  });
  const selected = selectRecipients(campaign).map((s) => s.recipient);
  report.findings.push(...(await earlierSendWarnings(services, campaign.event, id, selected.map((r) => r.email))));
  const hash = contentHash(input.files);
  await saveVersionFiles(services.blobs, id, version, input.files, digests);

  const status = transition(existing?.status ?? 'new', report.verdict === 'ready' ? 'submit-clean' : 'submit-blocked');
  await store.putVersion({
    campaignId: id,
    version,
    contentHash: hash,
    submittedBy: member.email,
    submittedAt: now.toISOString(),
    verdict: report.verdict,
    findings: report.findings,
    recipients: report.recipients,
    segments: { attended: selected.filter((r) => r.attended).length, missed: selected.filter((r) => !r.attended).length },
  });
  const counts = { selected: report.recipients.selected, sent: 0, failed: 0, suppressed: 0, skipped: 0 };
  if (existing) {
    await store.updateCampaign(
      id,
      { fromStatuses: ['blocked', 'in-review', 'rejected'], version: existing.version },
      { status, version, approvedBy: undefined, updatedAt: now.toISOString(), title: campaign.event.title, eventId: campaign.event.id, organizerName: campaign.event.organizer.name },
    );
    await store.setCounts(id, counts);
  } else {
    await store.createCampaign({
      id,
      eventId: campaign.event.id,
      title: campaign.event.title,
      organizerName: campaign.event.organizer.name,
      status,
      version,
      createdBy: member.email,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      counts,
    });
  }
  const blocking = report.findings.filter((f) => f.severity === 'block');
  await store.addHistory(id, historyEntry(now.toISOString(), member.email, { kind: 'submitted', version, blockingFindings: status === 'blocked' ? blocking.length : 0 }));

  const mailData = { campaignId: id, version, title: campaign.event.title, findings: report.findings, recipients: report.recipients, campaignUrl: campaignUrl(settings, id), submitter: member.name };
  if (status === 'blocked') {
    await tellAbout(services, id, member, 'blocked-report', mailData);
    const lines = blocking.slice(0, 5).map((f) => `• ${f.rule} (${f.recipients} recipients): expected ${f.expected}, found ${f.found}`);
    try {
      await services.notifier.post(`🛑 Follow-up « ${campaign.event.title} » (v${version}) blocked by ${blocking.length} finding(s):\n${lines.join('\n')}\n${campaignUrl(settings, id)}`);
    } catch (error) {
      await store.addHistory(id, historyEntry(now.toISOString(), 'followup-guard', { kind: 'chat-failed', reason: error instanceof Error ? error.message : String(error) }));
    }
  } else {
    const reviewers = (await services.team.members()).filter((m) => m.roles.includes('reviewer') && m.email.toLowerCase() !== member.email.toLowerCase());
    const expiry = Math.floor(now.getTime() / 1000) + settings.reviewTtlSeconds;
    for (const reviewer of reviewers) {
      const link = reviewUrl(settings, { c: id, v: version, h: hash, r: reviewer.email.toLowerCase(), x: expiry });
      await tellAbout(services, id, reviewer, 'review-request', { ...mailData, reviewUrl: link, reviewer: reviewer.name, expiresAt: new Date(expiry * 1000).toISOString() });
    }
    if (reviewers.length === 0) {
      await store.addHistory(id, historyEntry(now.toISOString(), 'followup-guard', { kind: 'no-reviewer' }));
    }
  }
  return { id, version, status, findings: report.findings };
}

