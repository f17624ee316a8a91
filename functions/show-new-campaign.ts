import { requireMember } from '../src/use-cases/team-access.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';

/** GET /campaigns/new — upload a follow-up's files, or reuse an earlier campaign's event and catalogue; check before submitting. */
export const handler = pageHandler(async (_event, ctx) => {
  await requireMember(ctx.services, ctx.member?.email, 'organiser');
  const previous = (await ctx.services.store.listCampaigns()).map((c) => ({ id: c.id, title: c.title, version: c.version, eventId: c.eventId, updatedAt: c.updatedAt }));
  return page(200, renderPage('new-campaign', { lang: ctx.lang, title: DICTIONARY[ctx.lang]['new.title'], member: ctx.member, isOrganiser: true, csrf: ctx.csrf, previous, script: true }));
});
