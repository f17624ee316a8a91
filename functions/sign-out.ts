import { pageHandler, requireCsrf } from './context.ts';
import { formBody, redirect, requireSameOrigin, SESSION_COOKIE } from './http.ts';

/** POST /sign-out — forgets the session cookie in this browser. */
export const handler = pageHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  if (ctx.session) requireCsrf(ctx, formBody(event).get('csrf'));
  return redirect('/', [`${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`]);
});
