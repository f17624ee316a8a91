import { apiHandler, requireCsrf, wantsHtml } from './context.ts';
import { formBody, header, json, redirect, requireSameOrigin } from './http.ts';
import type { Services } from '../src/use-cases/services.ts';
import type { CampaignRecord } from '../src/ports/campaign-store.ts';

/** A halt or resume handler: JSON API call (same origin) or a page form (CSRF token). */
export function controlHandler(action: (services: Services, actor: string | undefined, id: string) => Promise<CampaignRecord>) {
  return apiHandler(async (event, ctx) => {
    requireSameOrigin(event, ctx.services.settings.publicUrl);
    const isForm = (header(event, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded');
    if (isForm) requireCsrf(ctx, formBody(event).get('csrf'));
    const id = event.pathParameters?.id ?? '';
    const campaign = await action(ctx.services, ctx.member?.email, id);
    if (wantsHtml(event)) return redirect(`/campaigns/${encodeURIComponent(id)}`);
    return json(200, { id: campaign.id, version: campaign.version, status: campaign.status, counts: campaign.counts });
  });
}
