import { submitDraft } from '../src/use-cases/submit-draft.ts';
import { campaignFilesFromRequest, completedUpload } from './campaign-input.ts';
import { apiHandler, requireCsrf, wantsHtml } from './context.ts';
import { header, json, redirect, RequestError, requireSameOrigin } from './http.ts';

/** POST /api/campaigns/{id}/versions — a new version of a campaign; earlier approvals become void. */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const campaignId = event.pathParameters?.id ?? '';
  const upload = await campaignFilesFromRequest(event, ctx.services.blobs);
  const isJson = (header(event, 'content-type') ?? '').startsWith('application/json');
  if (!isJson) requireCsrf(ctx, upload.fields.csrf);
  // The correction form with no file chosen would make an identical version and void the approvals for nothing.
  if (!isJson && upload.files.size === 0) throw new RequestError('BAD_REQUEST', 'Choose at least one corrected file: a new version without any change is not submitted.');
  // From the campaign page, a correction uploads only the files that changed; the rest is the current version's.
  const files = await completedUpload(ctx.services, ctx.member?.email, upload, isJson ? undefined : { campaignId, names: 'missing' });
  const result = await submitDraft(ctx.services, { actor: ctx.member?.email, files, campaignId });
  if (wantsHtml(event)) return redirect(`/campaigns/${encodeURIComponent(result.id)}`);
  return json(201, result);
});
