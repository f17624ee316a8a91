import { readSendReport } from '../src/use-cases/finish-send.ts';
import { getCampaign } from '../src/use-cases/get-campaign.ts';
import { apiHandler } from './context.ts';
import { json } from './http.ts';

/** GET /api/campaigns/{id} — status, findings, counts and history, for any team member. */
export const handler = apiHandler(async (event, ctx) => {
  const view = await getCampaign(ctx.services, ctx.member?.email, event.pathParameters?.id ?? '');
  // Once a send has stopped, the end report: failed and skipped recipients per reason (an addition to the contract).
  const report = ['halted', 'sent', 'failed'].includes(view.status) ? await readSendReport(ctx.services, view.id, view.version, view.counts.selected) : undefined;
  return json(200, {
    id: view.id,
    version: view.version,
    status: view.status,
    findings: view.findings,
    counts: view.counts,
    history: view.history.map(({ at, who, what }) => ({ at, who, what })),
    title: view.title,
    approvedBy: view.approvedBy,
    ...(report ? { report: { reasons: report.reasons } } : {}),
  });
});
