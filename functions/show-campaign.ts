import { getCampaign } from '../src/use-cases/get-campaign.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';

/** GET /campaigns/{id} — status, send progress, halt/resume, findings grouped by rule, history. */
export const handler = pageHandler(async (event, ctx) => {
  const campaign = await getCampaign(ctx.services, ctx.member?.email, event.pathParameters?.id ?? '');
  const { counts } = campaign;
  const isApprover = campaign.approvedBy?.toLowerCase() === ctx.member?.email.toLowerCase();
  return page(
    200,
    renderPage('campaign', {
      lang: ctx.lang,
      title: campaign.title,
      campaign,
      member: ctx.member,
      isOrganiser: ctx.member?.roles.includes('organiser'),
      csrf: ctx.csrf,
      isSendPhase: ['sending', 'halted', 'sent', 'failed'].includes(campaign.status),
      done: counts.sent + counts.failed + counts.suppressed + counts.skipped,
      canControl: Boolean(ctx.member?.roles.includes('organiser') || isApprover),
    }),
  );
});
