import { describeUnsubscribeLink } from '../src/use-cases/unsubscribe.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';
import { unsubscribePage } from './unsubscribe-page.ts';

/**
 * GET /unsubscribe/{token} — the page with the unsubscribe button; opening it changes nothing. It says
 * which follow-up the link came from, and that the address is already unsubscribed when it is.
 */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  return page(200, renderPage('unsubscribe', unsubscribePage(ctx.lang, token, await describeUnsubscribeLink(ctx.services, token))));
});
