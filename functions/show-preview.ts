import { getServices } from '../src/compose.ts';
import { NotFoundError } from '../src/core/errors.ts';
import { previewPage } from '../src/use-cases/review-material.ts';
import { requireMember } from '../src/use-cases/team-access.ts';
import { errorResponse, sessionOf, type HttpEvent, type HttpResult } from './http.ts';

/**
 * GET /campaigns/{id}/preview?recipient=…|segment=…&n=… — one recipient's message as sent, for a
 * sandboxed iframe: no script runs, nothing is loaded but images, and only this site may frame it.
 */
export async function handler(event: HttpEvent): Promise<HttpResult> {
  try {
    const services = await getServices();
    const session = sessionOf(event, services.settings.secret, services.clock.now());
    await requireMember(services, session?.e);
    const id = event.pathParameters?.id ?? '';
    const campaign = await services.store.getCampaign(id);
    if (!campaign) throw new NotFoundError(`There is no campaign ${id}.`);
    const q = event.queryStringParameters ?? {};
    const result = await previewPage(services, id, campaign.version, { recipient: q.recipient, segment: q.segment, index: q.n ? Number(q.n) : 0 });
    if (!result.preview) throw new NotFoundError('No recipient of this campaign matches.');
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
      body: result.preview.html,
    };
  } catch (error) {
    return errorResponse(error);
  }
}
