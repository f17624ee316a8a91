import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page, safeNext } from './http.ts';

/** GET /sign-in/{token} — a page with a "Sign in" button; opening it changes nothing (mail scanners open links). */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  const next = safeNext(event.queryStringParameters?.next);
  return page(200, renderPage('sign-in', { lang: ctx.lang, title: DICTIONARY[ctx.lang]['signIn.title'], token, next, member: ctx.member }));
});
