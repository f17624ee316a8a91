import { AccessError } from '../core/errors.ts';
import { verifyToken, type UnsubscribeClaim } from '../core/workflow/tokens.ts';
import type { Services } from './services.ts';

/** The address of an unsubscribe link; AccessError when the link was altered. */
export function readUnsubscribeLink(services: Services, token: string): UnsubscribeClaim {
  const claim = verifyToken<UnsubscribeClaim>(services.settings.secret, 'unsubscribe', token);
  if (!claim || typeof claim.e !== 'string') throw new AccessError('LINK_INVALID', 'This unsubscribe link is not valid: it was altered or cut.');
  return claim;
}

/** Unsubscribes the link's address: later sends skip it and count it as suppressed. Idempotent. */
export async function unsubscribe(services: Services, token: string): Promise<{ email: string }> {
  const claim = readUnsubscribeLink(services, token);
  await services.store.addSuppression(claim.e, `unsubscribe link of ${claim.c}`, services.clock.now().toISOString());
  return { email: claim.e };
}
