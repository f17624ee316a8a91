import { AccessError, NotFoundError } from '../core/errors.ts';
import { transition } from '../core/workflow/campaign-status.ts';
import { mainJobs } from '../core/workflow/send-plan.ts';
import type { CampaignRecord } from '../ports/campaign-store.ts';
import type { Services } from './services.ts';
import { requireMember } from './team-access.ts';
import { historyEntry } from '../core/workflow/history.ts';

async function requireController(services: Services, actor: string | undefined, campaignId: string): Promise<{ campaign: CampaignRecord; email: string }> {
  const member = await requireMember(services, actor);
  const campaign = await services.store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`There is no campaign ${campaignId}.`);
  const isApprover = campaign.approvedBy?.toLowerCase() === member.email.toLowerCase();
  if (!member.roles.includes('organiser') && !isApprover) {
    throw new AccessError('FORBIDDEN', 'Only an organiser or the approver can halt or resume a send.');
  }
  return { campaign, email: member.email };
}

/** Halts a send: workers read the status before each recipient, so it stops within the batch in flight. */
export async function haltSend(services: Services, actor: string | undefined, campaignId: string): Promise<CampaignRecord> {
  const { campaign, email } = await requireController(services, actor, campaignId);
  const status = transition(campaign.status, 'halt');
  const now = services.clock.now().toISOString();
  const halted = await services.store.updateCampaign(campaignId, { fromStatuses: ['sending'], version: campaign.version }, { status, updatedAt: now });
  await services.store.addHistory(campaignId, historyEntry(now, email, { kind: 'halted' }));
  return halted;
}

/** Resumes a halted send: every batch is queued again, and only recipients still pending are sent. */
export async function resumeSend(services: Services, actor: string | undefined, campaignId: string): Promise<CampaignRecord> {
  const { campaign, email } = await requireController(services, actor, campaignId);
  const status = transition(campaign.status, 'resume');
  const now = services.clock.now().toISOString();
  const resumed = await services.store.updateCampaign(campaignId, { fromStatuses: ['halted'], version: campaign.version }, { status, updatedAt: now });
  await services.store.addHistory(campaignId, historyEntry(now, email, { kind: 'resumed' }));
  await services.queue.enqueue(mainJobs(campaignId, campaign.version, 0, campaign.counts.selected, services.settings));
  return resumed;
}
