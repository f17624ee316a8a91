import { pageHandler, requireCsrf } from './context.ts';
import { formBody, redirect, requireSameOrigin, SESSION_COOKIE } from './http.ts';

/** POST /sign-out — ends the session: the store refuses it from now on, and the browser forgets the cookie. */
export const handler = pageHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  if (ctx.session) {
    requireCsrf(ctx, formBody(event).get('csrf'));
    await ctx.services.store.revokeSession(ctx.session.n, new Date(ctx.session.x * 1000).toISOString());
  }
  return redirect('/', [`${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`]);
});
