import { checkDraft } from '../src/use-cases/check-draft.ts';
import { campaignFilesFromRequest, completedUpload } from './campaign-input.ts';
import { apiHandler, requireCsrf } from './context.ts';
import { header, json, requireSameOrigin } from './http.ts';

/** POST /api/check — runs the guard on a draft without storing it: { verdict, recipients, findings }. */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const upload = await campaignFilesFromRequest(event, ctx.services.blobs);
  if (!(header(event, 'content-type') ?? '').startsWith('application/json')) requireCsrf(ctx, upload.fields.csrf);
  const reuse = upload.fields.reuseFrom ? { campaignId: upload.fields.reuseFrom, names: 'event-and-catalog' as const } : undefined;
  return json(200, await checkDraft(ctx.services, ctx.member?.email, await completedUpload(ctx.services, ctx.member?.email, upload, reuse)));
});
