import { isSignInLinkUsable } from '../src/use-cases/sign-in.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page, redirect, safeNext } from './http.ts';

/**
 * GET /sign-in/{token} — a page with a "Sign in" button; opening it changes nothing (mail scanners open
 * links). A link that can no longer be used shows the form to ask for a new one instead of the button.
 */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  const next = safeNext(event.queryStringParameters?.next);
  const words = DICTIONARY[ctx.lang];
  if (!(await isSignInLinkUsable(ctx.services, token))) {
    if (ctx.member) return redirect(next ?? '/');
    return page(400, renderPage('home', { lang: ctx.lang, title: words['signIn.title'], refused: true, next, member: ctx.member }));
  }
  return page(200, renderPage('sign-in', { lang: ctx.lang, title: words['signIn.title'], token, next, member: ctx.member }));
});
