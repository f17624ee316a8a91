import { describeUnsubscribeLink, unsubscribe } from '../src/use-cases/unsubscribe.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';
import { unsubscribePage } from './unsubscribe-page.ts';

/**
 * POST /unsubscribe/{token} — one-click unsubscribe (RFC 8058: mail clients POST
 * "List-Unsubscribe=One-Click" with no cookie and no page) or the page's button. Idempotent.
 */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  await unsubscribe(ctx.services, token);
  return page(200, renderPage('unsubscribe', unsubscribePage(ctx.lang, token, await describeUnsubscribeLink(ctx.services, token))));
});
