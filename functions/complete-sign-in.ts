import { GuardError } from '../src/core/errors.ts';
import { completeSignIn } from '../src/use-cases/sign-in.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page, redirect, requireSameOrigin, safeNext, sessionCookie } from './http.ts';

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
    const words = DICTIONARY[ctx.lang];
    return page(400, renderPage('home', { lang: ctx.lang, title: words['signIn.title'], refused: true, next }));
  }
});
