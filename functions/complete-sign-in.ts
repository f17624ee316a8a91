import { completeSignIn } from '../src/use-cases/sign-in.ts';
import { pageHandler } from './context.ts';
import { redirect, requireSameOrigin, sessionCookie } from './http.ts';

/** POST /sign-in/{token} — uses the single-use link, sets the session cookie and goes home. */
export const handler = pageHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const { session, maxAgeSeconds } = await completeSignIn(ctx.services, event.pathParameters?.token ?? '');
  return redirect('/', [sessionCookie(session, maxAgeSeconds)]);
});
