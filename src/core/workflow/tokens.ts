import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed token is for: a token of one purpose never verifies as another. */
export type TokenPurpose = 'review' | 'session' | 'unsubscribe' | 'csrf';

function mac(secret: string, purpose: TokenPurpose, body: string): Buffer {
  return createHmac('sha256', secret).update(`followup-guard/${purpose}/${body}`).digest();
}

/** `base64url(JSON payload).base64url(HMAC-SHA256)`: readable by anyone, forged by nobody without the secret. */
export function signToken(secret: string, purpose: TokenPurpose, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, purpose, body).toString('base64url')}`;
}

/** The payload of a token signed for `purpose`, or undefined when it was altered or signed for something else. */
export function verifyToken<T>(secret: string, purpose: TokenPurpose, token: string): T | undefined {
  // Only canonical base64url on both sides: Buffer.from() would otherwise ignore stray characters and
  // spare bits, and two different strings would verify as one token.
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const dot = token.indexOf('.');
  const body = token.slice(0, dot);
  const signature = token.slice(dot + 1);
  const given = Buffer.from(signature, 'base64url');
  if (given.toString('base64url') !== signature) return undefined;
  const expected = mac(secret, purpose, body);
  // Compare in constant time; a length mismatch is refused before comparing.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (Buffer.from(body, 'base64url').toString('base64url') !== body) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The SHA-256 of a random token, as stored: a leaked table does not give usable links. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A review link's payload: campaign, version, content hash, reviewer, expiry (epoch seconds). */
export interface ReviewClaim {
  c: string;
  v: number;
  h: string;
  r: string;
  x: number;
}

/** A session cookie's payload: member email, expiry (epoch seconds), nonce (binds the CSRF token). */
export interface SessionClaim {
  e: string;
  x: number;
  n: string;
}

/** An unsubscribe link's payload: the address and the campaign it came from. It does not expire. */
export interface UnsubscribeClaim {
  e: string;
  c: string;
}

/** The CSRF token of a session: derived from its nonce, so it needs no storage. */
export function csrfToken(secret: string, session: SessionClaim): string {
  return mac(secret, 'csrf', session.n).toString('base64url');
}

/** True when `token` is the CSRF token of this session (constant-time). */
export function isCsrfToken(secret: string, session: SessionClaim, token: string): boolean {
  const expected = Buffer.from(csrfToken(secret, session));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
