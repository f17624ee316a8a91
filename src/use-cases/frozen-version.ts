import { parseCampaign } from '../core/campaign/parse-campaign.ts';
import type { Campaign, Recipient } from '../core/campaign/types.ts';
import { selectRecipients } from '../core/check/check-campaign.ts';
import { GuardError } from '../core/errors.ts';
import { prepareTemplates, type RenderPlan } from '../core/render/render-plan.ts';
import type { Services } from './services.ts';
import { loadDigests, loadVersionFiles } from './version-files.ts';

/** An approved version as the send uses it: parsed once, templates compiled once, per worker process. */
export interface FrozenVersion {
  campaign: Campaign;
  plan: RenderPlan;
  /** Selected recipients by lower-case address. */
  recipients: ReadonlyMap<string, Recipient>;
  digests: Record<string, string>;
}

const caches = new WeakMap<object, Map<string, Promise<FrozenVersion>>>();

/** Loads (once per process and blob store) the stored files of a version and compiles its templates. */
export function loadFrozenVersion(services: Services, campaignId: string, version: number): Promise<FrozenVersion> {
  let cache = caches.get(services.blobs);
  if (!cache) caches.set(services.blobs, (cache = new Map()));
  const key = `${campaignId}/${version}`;
  let loading = cache.get(key);
  if (!loading) {
    loading = (async () => {
      const campaign = parseCampaign(await loadVersionFiles(services.blobs, campaignId, version));
      const prepared = await prepareTemplates(campaign);
      if (!prepared.plan) throw new GuardError('TEMPLATE_INVALID', `The templates of ${campaignId} version ${version} no longer compile.`);
      const recipients = new Map(selectRecipients(campaign).map(({ recipient }) => [recipient.email.toLowerCase(), recipient] as const));
      return { campaign, plan: prepared.plan, recipients, digests: await loadDigests(services.blobs, campaignId, version) };
    })();
    loading.catch(() => cache!.delete(key));
    cache.set(key, loading);
    // A worker keeps a few versions at most.
    if (cache.size > 8) cache.delete(cache.keys().next().value!);
  }
  return loading;
}
