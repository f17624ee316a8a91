import { getServices } from '../src/compose.ts';
import { NotFoundError } from '../src/core/errors.ts';
import { sendReportCsv } from '../src/core/report/send-report-csv.ts';
import { requireMember } from '../src/use-cases/team-access.ts';
import { errorResponse, sessionOf, type HttpEvent, type HttpResult } from './http.ts';

/** GET /campaigns/{id}/report.csv — one row per recipient (status, reason), safe to open in a spreadsheet. */
export async function handler(event: HttpEvent): Promise<HttpResult> {
  try {
    const services = await getServices();
    await requireMember(services, sessionOf(event, services.settings.secret, services.clock.now())?.e);
    const id = event.pathParameters?.id ?? '';
    const campaign = await services.store.getCampaign(id);
    if (!campaign) throw new NotFoundError(`There is no campaign ${id}.`);
    const rows = await services.store.getSendRows(id, campaign.version, 0, Math.max(1, campaign.counts.selected));
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${id}-report.csv"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
      body: sendReportCsv(rows),
    };
  } catch (error) {
    return errorResponse(error);
  }
}
