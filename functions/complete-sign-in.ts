import { GuardError } from '../src/core/errors.ts';
import { completeSignIn } from '../src/use-cases/sign-in.ts';
import { pageHandler } from './context.ts';
import { redirect, requireSameOrigin, safeNext, sessionCookie } from './http.ts';
import { signInRefusedPage } from './show-sign-in.ts';

/**
 * POST /sign-in/{token} — uses the single-use link, sets the session cookie and goes home (or back to the
 * page that asked for a sign-in). A link that cannot be used shows the form to ask for a new one.
 */
export const handler = pageHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const next = safeNext(event.queryStringParameters?.next);
  try {
    const { session, maxAgeSeconds } = await completeSignIn(ctx.services, event.pathParameters?.token ?? '');
    return redirect(next ?? '/', [sessionCookie(session, maxAgeSeconds)]);
  } catch (error) {
    if (!(error instanceof GuardError) || !['LINK_INVALID', 'LINK_EXPIRED', 'LINK_USED'].includes(error.code)) throw error;
    return signInRefusedPage(ctx, next);
  }
});
