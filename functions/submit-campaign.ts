import { completeFromVersion } from '../src/use-cases/check-draft.ts';
import { submitDraft } from '../src/use-cases/submit-draft.ts';
import { campaignFilesFromRequest, placeUploadedTemplates } from './campaign-input.ts';
import { apiHandler, requireCsrf, wantsHtml } from './context.ts';
import { header, json, redirect, requireSameOrigin } from './http.ts';

/**
 * POST /api/campaigns — an organiser submits a campaign (multipart files or JSON); 201 { id, version,
 * status, findings }. A browser form also carries the CSRF token and is redirected to the campaign page.
 */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const { files, fields, roles } = await campaignFilesFromRequest(event, ctx.services.blobs);
  if (!(header(event, 'content-type') ?? '').startsWith('application/json')) requireCsrf(ctx, fields.csrf);
  // The page may reuse the event, catalogue and settings of an earlier campaign (upload only template and list).
  const complete = fields.reuseFrom ? await completeFromVersion(ctx.services, ctx.member?.email, fields.reuseFrom, files, 'event-and-catalog') : files;
  const placed = placeUploadedTemplates(complete, roles);
  const result = await submitDraft(ctx.services, { actor: ctx.member?.email, files: placed });
  if (wantsHtml(event)) return redirect(`/campaigns/${encodeURIComponent(result.id)}`);
  return json(201, result, { location: `/api/campaigns/${encodeURIComponent(result.id)}` });
});
