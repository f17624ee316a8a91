import { unsubscribe } from '../src/use-cases/unsubscribe.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';

/**
 * POST /unsubscribe/{token} — one-click unsubscribe (RFC 8058: mail clients POST
 * "List-Unsubscribe=One-Click" with no cookie and no page) or the page's button. Idempotent.
 */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  const { email } = await unsubscribe(ctx.services, token);
  return page(200, renderPage('unsubscribe', { lang: ctx.lang, title: DICTIONARY[ctx.lang]['unsubscribe.title'], token, email, done: true }));
});
