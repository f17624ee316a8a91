import { affectedRecipients } from '../src/use-cases/check-draft.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';

/** GET /campaigns/{id}/findings/{n} — every recipient affected by one finding. */
export const handler = pageHandler(async (event, ctx) => {
  const id = event.pathParameters?.id ?? '';
  const n = Number(event.pathParameters?.n ?? '1');
  const affected = await affectedRecipients(ctx.services, ctx.member?.email, id, Number.isInteger(n) ? n - 1 : -1);
  return page(200, renderPage('affected', { lang: ctx.lang, title: DICTIONARY[ctx.lang]['affected.title'], member: ctx.member, csrf: ctx.csrf, isOrganiser: ctx.member?.roles.includes('organiser'), id, ...affected, count: affected.emails.length }));
});
