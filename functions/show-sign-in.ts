import { isSignInLinkUsable } from '../src/use-cases/sign-in.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler, type RequestContext } from './context.ts';
import { page, redirect, safeNext, type HttpResult } from './http.ts';

/** The sign-in form, saying that the link just used cannot serve any more (expired, used or cut). */
export function signInRefusedPage(ctx: RequestContext, next: string | undefined): HttpResult {
  return page(400, renderPage('home', { lang: ctx.lang, title: DICTIONARY[ctx.lang]['signIn.title'], refused: true, next }));
}

/**
 * GET /sign-in/{token} — a page with a "Sign in" button; opening it changes nothing (mail scanners open
 * links). A link that can no longer be used shows the form to ask for a new one instead of the button.
 */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  const next = safeNext(event.queryStringParameters?.next);
  if (!(await isSignInLinkUsable(ctx.services, token))) return ctx.member ? redirect(next ?? '/') : signInRefusedPage(ctx, next);
  return page(200, renderPage('sign-in', { lang: ctx.lang, title: DICTIONARY[ctx.lang]['signIn.title'], token, next, member: ctx.member }));
});
