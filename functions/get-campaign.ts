import { getCampaign } from '../src/use-cases/get-campaign.ts';
import { apiHandler } from './context.ts';
import { json } from './http.ts';

/** GET /api/campaigns/{id} — status, findings, counts and history, for any team member. */
export const handler = apiHandler(async (event, ctx) => {
  const view = await getCampaign(ctx.services, ctx.member?.email, event.pathParameters?.id ?? '');
  return json(200, { id: view.id, version: view.version, status: view.status, findings: view.findings, counts: view.counts, history: view.history, title: view.title, approvedBy: view.approvedBy });
});
