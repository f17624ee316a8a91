import { randomBytes } from 'node:crypto';
import { requireMember } from '../src/use-cases/team-access.ts';
import { apiHandler } from './context.ts';
import { json, requireSameOrigin } from './http.ts';

const UPLOAD_TTL_SECONDS = 15 * 60;

/**
 * POST /api/uploads — an organiser gets a URL to PUT a large recipients.csv to (S3 presigned on AWS, the
 * local server's folder locally), then submits the campaign with "recipientsUpload": key.
 */
export const handler = apiHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  await requireMember(ctx.services, ctx.member?.email, 'organiser');
  const key = `uploads/${randomBytes(16).toString('hex')}.csv`;
  const url = await ctx.services.blobs.uploadUrl(key, UPLOAD_TTL_SECONDS);
  return json(201, { key, url, method: 'PUT', expiresInSeconds: UPLOAD_TTL_SECONDS });
});
