import { AccessError } from '../core/errors.ts';
import { verifyToken, type UnsubscribeClaim } from '../core/workflow/tokens.ts';
import type { Services } from './services.ts';

/** The address of an unsubscribe link; AccessError when the link was altered. */
export function readUnsubscribeLink(services: Services, token: string): UnsubscribeClaim {
  const claim = verifyToken<UnsubscribeClaim>(services.settings.secret, 'unsubscribe', token);
  if (!claim || typeof claim.e !== 'string') throw new AccessError('LINK_INVALID', 'This unsubscribe link is not valid: it was altered or cut.');
  return claim;
}

/** What the unsubscribe page says: the address, the follow-up the link came from, and whether it is already out. */
export interface UnsubscribeLinkView {
  email: string;
  campaignTitle?: string | undefined;
  organizerName?: string | undefined;
  isDone: boolean;
}

export async function describeUnsubscribeLink(services: Services, token: string): Promise<UnsubscribeLinkView> {
  const claim = readUnsubscribeLink(services, token);
  const campaign = typeof claim.c === 'string' ? await services.store.getCampaign(claim.c) : undefined;
  const isDone = (await services.store.suppressed([claim.e])).size > 0;
  return { email: claim.e, campaignTitle: campaign?.title, organizerName: campaign?.organizerName, isDone };
}

/** Unsubscribes the link's address: later sends skip it and count it as suppressed. Idempotent. */
export async function unsubscribe(services: Services, token: string): Promise<{ email: string }> {
  const claim = readUnsubscribeLink(services, token);
  await services.store.addSuppression(claim.e, `unsubscribe link of ${claim.c}`, services.clock.now().toISOString());
  return { email: claim.e };
}
