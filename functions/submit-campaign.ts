import { submitDraft } from '../src/use-cases/submit-draft.ts';
import { campaignFilesFromRequest } from './campaign-input.ts';
import { apiHandler, requireCsrf, wantsHtml } from './context.ts';
import { header, json, redirect, requireSameOrigin } from './http.ts';

/**
 * POST /api/campaigns — an organiser submits a campaign (multipart files or JSON); 201 { id, version,
 * status, findings }. A browser form also carries the CSRF token and is redirected to the campaign page.
 */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const { files, fields } = await campaignFilesFromRequest(event, ctx.services.blobs);
  if (!(header(event, 'content-type') ?? '').startsWith('application/json')) requireCsrf(ctx, fields.csrf);
  const result = await submitDraft(ctx.services, { actor: ctx.member?.email, files });
  if (wantsHtml(event)) return redirect(`/campaigns/${encodeURIComponent(result.id)}`);
  return json(201, result, { location: `/api/campaigns/${encodeURIComponent(result.id)}` });
});
