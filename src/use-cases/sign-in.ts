import { randomBytes } from 'node:crypto';
import { AccessError } from '../core/errors.ts';
import { signToken, tokenHash, type SessionClaim } from '../core/workflow/tokens.ts';
import type { Services } from './services.ts';
import { sendSystemMail } from './system-mail.ts';
import { findMember } from './team-access.ts';

/** The window over which sign-in links per member are counted (`settings.signInLinksPer15Minutes`). */
const SIGN_IN_WINDOW_MS = 15 * 60_000;

/**
 * Emails a single-use, short-lived sign-in link to a member's own address. Says nothing about whether
 * the address is a member, nor whether its quota of links is used (the caller always answers 202):
 * past `settings.signInLinksPer15Minutes` links in a quarter of an hour, no more mail goes until the next one.
 */
export async function requestSignIn(services: Services, email: string, next?: string): Promise<void> {
  const member = await findMember(services, email);
  if (!member) return;
  const windowStart = Math.floor(services.clock.now().getTime() / SIGN_IN_WINDOW_MS) * SIGN_IN_WINDOW_MS;
  const count = await services.store.countSignInRequest(member.email, new Date(windowStart).toISOString(), new Date(windowStart + SIGN_IN_WINDOW_MS).toISOString());
  if (count > services.settings.signInLinksPer15Minutes) return;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(services.clock.now().getTime() + services.settings.signInTtlSeconds * 1000);
  await services.store.putSignInToken(tokenHash(token), member.email, expiresAt.toISOString());
  await sendSystemMail(services, member, 'sign-in', {
    name: member.name,
    signInUrl: `${services.settings.publicUrl}/sign-in/${token}${next ? `?next=${encodeURIComponent(next)}` : ''}`,
    expiresInMinutes: Math.round(services.settings.signInTtlSeconds / 60),
  });
}

/** True when a sign-in link can still be used (checked by the page a GET shows; nothing changes). */
export async function isSignInLinkUsable(services: Services, token: string): Promise<boolean> {
  return (await services.store.peekSignInToken(tokenHash(token), services.clock.now().toISOString())) === 'usable';
}

/** Uses a sign-in link (once) and returns the signed session cookie value and its lifetime. */
export async function completeSignIn(services: Services, token: string): Promise<{ session: string; email: string; maxAgeSeconds: number }> {
  const result = await services.store.consumeSignInToken(tokenHash(token), services.clock.now().toISOString());
  if ('refused' in result) {
    const messages = {
      unknown: ['LINK_INVALID', 'This sign-in link is not valid. Ask for a new one.'],
      expired: ['LINK_EXPIRED', 'This sign-in link has expired. Ask for a new one.'],
      used: ['LINK_USED', 'This sign-in link was already used. Ask for a new one.'],
    } as const;
    const [code, message] = messages[result.refused];
    throw new AccessError(code, message);
  }
  const member = await findMember(services, result.email);
  if (!member) throw new AccessError('UNAUTHENTICATED', 'This address is no longer in the team.');
  const claim: SessionClaim = {
    e: member.email,
    x: Math.floor(services.clock.now().getTime() / 1000) + services.settings.sessionTtlSeconds,
    n: randomBytes(16).toString('base64url'),
  };
  return { session: signToken(services.settings.secret, 'session', claim), email: member.email, maxAgeSeconds: services.settings.sessionTtlSeconds };
}
