import { submitDraft } from '../src/use-cases/submit-draft.ts';
import { campaignFilesFromRequest, completedUpload } from './campaign-input.ts';
import { apiHandler, requireCsrf, wantsHtml } from './context.ts';
import { header, json, redirect, requireSameOrigin } from './http.ts';

/**
 * POST /api/campaigns — an organiser submits a campaign (multipart files or JSON); 201 { id, version,
 * status, findings }. A browser form also carries the CSRF token and is redirected to the campaign page.
 */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const upload = await campaignFilesFromRequest(event, ctx.services.blobs);
  if (!(header(event, 'content-type') ?? '').startsWith('application/json')) requireCsrf(ctx, upload.fields.csrf);
  // The page may reuse the event, catalogue and settings of an earlier campaign (upload only template and list).
  const reuse = upload.fields.reuseFrom ? { campaignId: upload.fields.reuseFrom, names: 'event-and-catalog' as const } : undefined;
  const files = await completedUpload(ctx.services, ctx.member?.email, upload, reuse);
  const result = await submitDraft(ctx.services, { actor: ctx.member?.email, files });
  if (wantsHtml(event)) return redirect(`/campaigns/${encodeURIComponent(result.id)}`);
  return json(201, result, { location: `/api/campaigns/${encodeURIComponent(result.id)}` });
});
