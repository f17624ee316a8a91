import { NotFoundError } from '../core/errors.ts';
import type { Finding } from '../core/check/findings.ts';
import type { CampaignStatus } from '../core/workflow/campaign-status.ts';
import type { HistoryEntry, SendCounts } from '../ports/campaign-store.ts';
import type { Services } from './services.ts';
import { requireMember } from './team-access.ts';

/** The campaign document of the HTTP contract. */
export interface CampaignView {
  id: string;
  version: number;
  status: CampaignStatus;
  title: string;
  findings: Finding[];
  counts: SendCounts;
  history: HistoryEntry[];
  approvedBy?: string | undefined;
  createdBy: string;
}

/** A campaign as any team member may see it: status, findings of the current version, counts, history. */
export async function getCampaign(services: Services, actor: string | undefined, campaignId: string): Promise<CampaignView> {
  await requireMember(services, actor);
  const campaign = await services.store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`There is no campaign ${campaignId}.`);
  const version = await services.store.getVersion(campaignId, campaign.version);
  return {
    id: campaign.id,
    version: campaign.version,
    status: campaign.status,
    title: campaign.title,
    findings: version?.findings ?? [],
    counts: campaign.counts,
    history: await services.store.history(campaignId),
    approvedBy: campaign.approvedBy,
    createdBy: campaign.createdBy,
  };
}
