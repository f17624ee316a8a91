import { z } from 'zod';
import { requestSignIn } from '../src/use-cases/sign-in.ts';
import { apiHandler, wantsHtml } from './context.ts';
import { bodyBytes, formBody, json, redirect, RequestError, requireSameOrigin, safeNext } from './http.ts';

const body = z.object({ email: z.string().trim().min(3).max(320), next: z.string().max(500).optional() });

/** POST /api/sign-in — always 202 (no member enumeration); a member gets a single-use link by email. */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const isForm = wantsHtml(event);
  let raw: unknown;
  try {
    raw = isForm ? Object.fromEntries(formBody(event)) : JSON.parse(bodyBytes(event).toString('utf8') || '{}');
  } catch {
    throw new RequestError('BAD_REQUEST', 'Expected { "email": "…" }.');
  }
  const parsed = body.safeParse(raw);
  if (!parsed.success) throw new RequestError('BAD_REQUEST', 'Expected { "email": "…" }: an email address.');
  const next = safeNext(parsed.data.next);
  await requestSignIn(ctx.services, parsed.data.email, next);
  return isForm ? redirect(next ? `/?sent=1&next=${encodeURIComponent(next)}` : '/?sent=1') : json(202, { status: 'accepted', message: 'If this address belongs to the team, a sign-in link was sent to it.' });
});
