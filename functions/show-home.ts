import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page, redirect, safeNext } from './http.ts';

/** GET / — the sign-in form, or the team's campaigns once signed in. */
export const handler = pageHandler(async (event, ctx) => {
  const words = DICTIONARY[ctx.lang];
  // Signed in already (another tab), with a page to go back to.
  const next = safeNext(event.queryStringParameters?.next);
  if (ctx.member && next) return redirect(next);
  const campaigns = ctx.member ? await ctx.services.store.listCampaigns() : [];
  return page(
    200,
    renderPage('home', {
      lang: ctx.lang,
      title: ctx.member ? words['home.title'] : words['signIn.title'],
      member: ctx.member,
      csrf: ctx.csrf,
      isOrganiser: ctx.member?.roles.includes('organiser'),
      campaigns,
      sent: event.queryStringParameters?.sent === '1',
      next: safeNext(event.queryStringParameters?.next),
    }),
  );
});
