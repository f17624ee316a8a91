import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { GuardError } from '../src/core/errors.ts';
import { verifyToken, type SessionClaim } from '../src/core/workflow/tokens.ts';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResult;
type APIGatewayProxyStructuredResult = Exclude<APIGatewayProxyResultV2, string>;

/** Security headers of every page: no framing, no inline script, nothing from elsewhere. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  // same-origin: browsers then send Origin on our own form posts (with no-referrer Chromium sends "null").
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** A JSON response of the HTTP contract. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

/** An HTML page response. */
export function page(statusCode: number, body: string, cookies?: string[]): HttpResult {
  return { statusCode, headers: { ...PAGE_HEADERS }, body, ...(cookies ? { cookies } : {}) };
}

/** A 303 redirect (after a form POST), optionally setting cookies. */
/** A "next" path to return to after sign-in: only a path of this site (no scheme, no //host, no backslash). */
export function safeNext(value: string | null | undefined): string | undefined {
  if (!value || value.length > 500 || !/^\/(?![/\\])[^\s\\]*$/.test(value)) return undefined;
  return value;
}

export function redirect(location: string, cookies?: string[]): HttpResult {
  return { statusCode: 303, headers: { location, 'cache-control': 'no-store' }, body: '', ...(cookies ? { cookies } : {}) };
}

const STATUS_OF_CODE: Record<string, number> = {
  CAMPAIGN_INPUT_INVALID: 400,
  BAD_REQUEST: 400,
  CONFIRMATION_REQUIRED: 400,
  LINK_INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SELF_APPROVAL: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  LINK_USED: 409,
  LINK_OUTDATED: 409,
  LINK_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/** The HTTP status of an error: 4xx for what the caller can fix, 500 for the rest. */
export function statusOf(error: unknown): number {
  return error instanceof GuardError ? (STATUS_OF_CODE[error.code] ?? 500) : 500;
}

/**
 * The one mapping from errors to API responses: a 4xx shows its stable code and message; a 5xx never
 * carries internal details (they are logged for the operator).
 */
export function errorResponse(error: unknown): HttpResult {
  const status = statusOf(error);
  if (status < 500 && error instanceof GuardError) return json(status, { error: { code: error.code, message: error.message } });
  console.error('followup-guard: internal error', error);
  return json(500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side; nothing was sent.' } });
}

/** A caller error raised by the HTTP edge itself (bad body, wrong content type). */
export class RequestError extends GuardError {
  constructor(code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'CSRF', message: string) {
    super(code, message);
    this.name = 'RequestError';
  }
}

/** The request's cookies by name. */
export function cookies(event: HttpEvent): Map<string, string> {
  const jar = new Map<string, string>();
  const all = [...(event.cookies ?? []), ...(event.headers?.cookie ? event.headers.cookie.split(';') : [])];
  for (const cookie of all) {
    const at = cookie.indexOf('=');
    if (at > 0) jar.set(cookie.slice(0, at).trim(), decodeURIComponent(cookie.slice(at + 1).trim()));
  }
  return jar;
}

export const SESSION_COOKIE = 'fg_session';

/** The signed-in member's session, when the cookie is valid and not expired. */
export function sessionOf(event: HttpEvent, secret: string, now: Date): SessionClaim | undefined {
  const value = cookies(event).get(SESSION_COOKIE);
  if (!value) return undefined;
  const claim = verifyToken<SessionClaim>(secret, 'session', value);
  if (!claim || typeof claim.e !== 'string' || typeof claim.x !== 'number' || claim.x * 1000 < now.getTime()) return undefined;
  return claim;
}

/** The session cookie: HttpOnly, Secure, SameSite=Lax (browsers treat http://localhost as secure). */
export function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

/** The raw body bytes. */
export function bodyBytes(event: HttpEvent): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/** A header, case-insensitively. */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** An urlencoded form body. */
export function formBody(event: HttpEvent): URLSearchParams {
  const type = header(event, 'content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !(type === '' && !event.body)) {
    throw new RequestError('UNSUPPORTED_MEDIA_TYPE', 'Expected a form (application/x-www-form-urlencoded).');
  }
  return new URLSearchParams(bodyBytes(event).toString('utf8'));
}

/**
 * Refuses a state-changing request from another site: a browser always sends Origin on a cross-site
 * POST (or Sec-Fetch-Site), so a request naming another origin is refused; tools without Origin pass.
 */
export function requireSameOrigin(event: HttpEvent, publicUrl: string): void {
  const origin = header(event, 'origin');
  const site = header(event, 'sec-fetch-site');
  if ((origin && origin !== 'null' && origin !== new URL(publicUrl).origin) || origin === 'null' || site === 'cross-site') {
    throw new RequestError('CSRF', 'This request comes from another site; it was refused.');
  }
}
