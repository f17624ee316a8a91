import { submitDraft } from '../src/use-cases/submit-draft.ts';
import { campaignFilesFromRequest } from './campaign-input.ts';
import { apiHandler, requireCsrf, wantsHtml } from './context.ts';
import { header, json, redirect, requireSameOrigin } from './http.ts';

/** POST /api/campaigns/{id}/versions — a new version of a campaign; earlier approvals become void. */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const campaignId = event.pathParameters?.id ?? '';
  const { files, fields } = await campaignFilesFromRequest(event, ctx.services.blobs);
  if (!(header(event, 'content-type') ?? '').startsWith('application/json')) requireCsrf(ctx, fields.csrf);
  const result = await submitDraft(ctx.services, { actor: ctx.member?.email, files, campaignId });
  if (wantsHtml(event)) return redirect(`/campaigns/${encodeURIComponent(result.id)}`);
  return json(201, result);
});
