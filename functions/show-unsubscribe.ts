import { readUnsubscribeLink } from '../src/use-cases/unsubscribe.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';

/**
 * GET /unsubscribe/{token} — the page with the unsubscribe button; opening it changes nothing. It says
 * which follow-up the link came from, and that the address is already unsubscribed when it is.
 */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  const claim = readUnsubscribeLink(ctx.services, token);
  const campaign = typeof claim.c === 'string' ? await ctx.services.store.getCampaign(claim.c) : undefined;
  const done = (await ctx.services.store.suppressed([claim.e])).size > 0;
  return page(200, renderPage('unsubscribe', { lang: ctx.lang, title: DICTIONARY[ctx.lang]['unsubscribe.title'], token, email: claim.e, campaignTitle: campaign?.title, done }));
});
