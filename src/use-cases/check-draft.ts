import { draftFileNames, parseCampaign, type CampaignFiles } from '../core/campaign/parse-campaign.ts';
import { checkCampaign, type CheckReport } from '../core/check/check-campaign.ts';
import { NotFoundError } from '../core/errors.ts';
import { checkBudget } from './check-budget.ts';
import { loadFrozenVersion } from './frozen-version.ts';
import { unsubscribeUrl } from './links.ts';
import type { Services } from './services.ts';
import { requireMember } from './team-access.ts';
import { loadVersionFiles } from './version-files.ts';

/** Runs the guard on files without storing anything: the "check" button of the new follow-up page. */
export async function checkDraft(services: Services, actor: string | undefined, files: CampaignFiles): Promise<CheckReport> {
  await requireMember(services, actor, 'organiser');
  return checkCampaign(parseCampaign(files), { now: services.clock.now(), unsubscribeUrl: (r) => unsubscribeUrl(services.settings, r.email, 'draft'),
    isOutOfTime: checkBudget(services),
  });
}

/** Every recipient affected by one finding of a campaign's current version (the findings keep five examples). */
export async function affectedRecipients(services: Services, actor: string | undefined, campaignId: string, findingIndex: number): Promise<{ rule: string; found: string; emails: string[] }> {
  await requireMember(services, actor);
  const campaign = await services.store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`There is no campaign ${campaignId}.`);
  const frozen = await loadFrozenVersion(services, campaignId, campaign.version);
  const report = await checkCampaign(frozen.campaign, {
    now: services.clock.now(),
    unsubscribeUrl: (r) => unsubscribeUrl(services.settings, r.email, campaignId),
    isOutOfTime: checkBudget(services),
    isKeepingAffected: true,
  });
  const finding = report.findings[findingIndex];
  if (!finding) throw new NotFoundError(`The campaign has no finding number ${findingIndex + 1}.`);
  return { rule: finding.rule, found: finding.found, emails: report.affected[findingIndex] ?? [] };
}

/**
 * The files of a submission completed from a stored version: what the organiser did not upload again
 * (the event, the catalogue, the config, the template…) is taken from `campaignId`'s current version.
 */
export async function completeFromVersion(services: Services, actor: string | undefined, campaignId: string, uploaded: CampaignFiles, names: 'missing' | 'event-and-catalog'): Promise<Map<string, Uint8Array | string>> {
  await requireMember(services, actor, 'organiser');
  const campaign = await services.store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`There is no campaign ${campaignId}.`);
  const stored = await loadVersionFiles(services.blobs, campaignId, campaign.version);
  const files = new Map(uploaded);
  // Uploaded catalogue files replace the stored catalogue as a whole (a file left out is an event removed).
  const isCatalogUploaded = [...uploaded.keys()].some((n) => n.startsWith('catalog/'));
  const storedDraft = stored.get('draft.json');
  const storedText = storedDraft === undefined ? undefined : draftFileNames(storedDraft).text;
  for (const [name, content] of stored) {
    if (uploaded.has(name)) continue;
    const isWanted =
      names === 'missing'
        ? !(name.startsWith('catalog/') && isCatalogUploaded)
        : name === 'event.json' || (name.startsWith('catalog/') && !isCatalogUploaded) || name === 'guard.config.json' || (!uploaded.has('draft.json') && (name === 'draft.json' || name === storedText));
    if (isWanted) files.set(name, content);
  }
  return files;
}
