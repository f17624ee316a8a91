import { checkDraft, completeFromVersion } from '../src/use-cases/check-draft.ts';
import { campaignFilesFromRequest, placeUploadedTemplates } from './campaign-input.ts';
import { apiHandler, requireCsrf } from './context.ts';
import { header, json, requireSameOrigin } from './http.ts';

/** POST /api/check — runs the guard on a draft without storing it: { verdict, recipients, findings }. */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const { files, fields, roles } = await campaignFilesFromRequest(event, ctx.services.blobs);
  if (!(header(event, 'content-type') ?? '').startsWith('application/json')) requireCsrf(ctx, fields.csrf);
  const complete = fields.reuseFrom ? await completeFromVersion(ctx.services, ctx.member?.email, fields.reuseFrom, files, 'event-and-catalog') : files;
  const placed = placeUploadedTemplates(complete, roles);
  return json(200, await checkDraft(ctx.services, ctx.member?.email, placed));
});
