import { signToken, type ReviewClaim, type UnsubscribeClaim } from '../core/workflow/tokens.ts';
import type { Settings } from './services.ts';

/** The recipient's unsubscribe link: deterministic, so the message checked is the message sent. */
export function unsubscribeUrl(settings: Settings, email: string, campaignId: string): string {
  const claim: UnsubscribeClaim = { e: email.toLowerCase(), c: campaignId };
  return `${settings.publicUrl}/unsubscribe/${signToken(settings.secret, 'unsubscribe', claim)}`;
}

/** A reviewer's signed review link. */
export function reviewUrl(settings: Settings, claim: ReviewClaim): string {
  return `${settings.publicUrl}/review/${signToken(settings.secret, 'review', claim)}`;
}

/** The campaign's page (status, halt and resume buttons). */
export function campaignUrl(settings: Settings, campaignId: string): string {
  return `${settings.publicUrl}/campaigns/${encodeURIComponent(campaignId)}`;
}
