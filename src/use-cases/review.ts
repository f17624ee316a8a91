import { AccessError, ConflictError, GuardError, NotFoundError } from '../core/errors.ts';
import { verifyToken, type ReviewClaim } from '../core/workflow/tokens.ts';
import type { CampaignRecord, DecisionRecord, VersionRecord } from '../ports/campaign-store.ts';
import type { Member } from '../ports/team-directory.ts';
import { dispatchSend } from './dispatch-send.ts';
import { campaignUrl } from './links.ts';
import { tellAbout } from './system-mail.ts';
import type { Services } from './services.ts';
import { findMember } from './team-access.ts';
import { historyEntry } from '../core/workflow/history.ts';

/** A review link that checks out: the campaign, the version it is for and the reviewer. */
export interface OpenReview {
  claim: ReviewClaim;
  campaign: CampaignRecord;
  version: VersionRecord;
  reviewer: Member;
  decision?: DecisionRecord | undefined;
}

/**
 * Verifies a review link without changing anything (mail scanners open links): signature, expiry,
 * current version and content hash, reviewer role, not the submitter. A decided version is returned
 * with its decision so that the page can say who decided.
 */
export async function openReview(services: Services, token: string): Promise<OpenReview> {
  const claim = verifyToken<ReviewClaim>(services.settings.secret, 'review', token);
  if (!claim || typeof claim.c !== 'string' || typeof claim.v !== 'number' || typeof claim.r !== 'string' || typeof claim.x !== 'number') {
    throw new AccessError('LINK_INVALID', 'This review link is not valid: it was altered or cut. Use the link from the email as it is.');
  }
  if (services.clock.now().getTime() / 1000 > claim.x) {
    throw new AccessError('LINK_EXPIRED', 'This review link has expired. Ask the organiser to submit the draft again for a new link.');
  }
  const campaign = await services.store.getCampaign(claim.c);
  if (!campaign) throw new NotFoundError('This review link is for a campaign that no longer exists.');
  const version = await services.store.getVersion(claim.c, claim.v);
  if (claim.v !== campaign.version || !version || version.contentHash !== claim.h) {
    throw new AccessError('LINK_OUTDATED', `This link is for version ${claim.v}; the draft has changed since (version ${campaign.version}), which voids earlier approvals.`);
  }
  const reviewer = await findMember(services, claim.r);
  if (!reviewer || !reviewer.roles.includes('reviewer')) {
    throw new AccessError('FORBIDDEN', `${claim.r} is no longer a reviewer of the team.`);
  }
  if (reviewer.email.toLowerCase() === version.submittedBy.toLowerCase()) {
    throw new AccessError('SELF_APPROVAL', 'You submitted this draft: a second person must review it.');
  }
  const decision = await services.store.getDecision(claim.c, claim.v);
  return { claim, campaign, version, reviewer, decision };
}

/**
 * Records the reviewer's decision on the exact version and content of the link, at most once per
 * version; an approval freezes the version and starts the send.
 */
export async function decideReview(
  services: Services,
  input: { token: string; decision: 'approve' | 'reject'; comment: string; hasConfirmed: boolean; acknowledgedWarnings: number },
): Promise<{ status: CampaignRecord['status'] }> {
  const review = await openReview(services, input.token);
  const { claim, reviewer } = review;
  // A person decides, not a link scanner submitting the form as it found it: the check box, and one per
  // warning, must have been ticked.
  const warnings = review.version.findings.filter((f) => f.severity === 'warn').length;
  if (!input.hasConfirmed || (input.decision === 'approve' && input.acknowledgedWarnings < warnings)) {
    throw new GuardError('CONFIRMATION_REQUIRED', `Tick the confirmation${warnings && input.decision === 'approve' ? ` and each of the ${warnings} warning(s)` : ''} before deciding; nothing was decided.`);
  }
  if (review.decision) {
    throw new AccessError('LINK_USED', `This version was already ${review.decision.decision === 'approve' ? 'approved' : 'rejected'} by ${review.decision.reviewer} on ${review.decision.at}.`);
  }
  if (review.campaign.status !== 'in-review') {
    throw new AccessError('LINK_USED', `This campaign is ${review.campaign.status}; there is nothing to decide.`);
  }
  const now = services.clock.now().toISOString();
  try {
    await services.store.recordDecision({
      campaignId: claim.c,
      version: claim.v,
      reviewer: reviewer.email,
      decision: input.decision,
      comment: input.comment.slice(0, 2000),
      at: now,
      contentHash: claim.h,
    });
  } catch (error) {
    if (error instanceof ConflictError) throw new AccessError('LINK_USED', 'This version has already been decided.');
    throw error;
  }
  const updated = await services.store.updateCampaign(
    claim.c,
    { fromStatuses: ['in-review'], version: claim.v },
    { status: input.decision === 'approve' ? 'approved' : 'rejected', approvedBy: input.decision === 'approve' ? reviewer.email : undefined, updatedAt: now },
  );
  await services.store.addHistory(
    claim.c,
    historyEntry(now, reviewer.email, { kind: 'decided', decision: input.decision === 'approve' ? 'approved' : 'rejected', version: claim.v, contentHash: claim.h, comment: input.comment || undefined }),
  );
  if (input.decision === 'approve') return { status: (await dispatchSend(services, claim.c)).status };
  const submitter = (await findMember(services, review.version.submittedBy)) ?? { email: review.version.submittedBy, name: review.version.submittedBy, language: undefined };
  await tellAbout(services, claim.c, submitter, 'review-rejected', {
    title: review.campaign.title,
    version: claim.v,
    submitter: submitter.name,
    reviewer: reviewer.name,
    comment: input.comment.slice(0, 2000),
    campaignUrl: campaignUrl(services.settings, claim.c),
  });
  return { status: updated.status };
}
