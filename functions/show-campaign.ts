import { readSendReport } from '../src/use-cases/finish-send.ts';
import { loadFrozenVersion } from '../src/use-cases/frozen-version.ts';
import { getCampaign } from '../src/use-cases/get-campaign.ts';
import { previewPage, reviewMaterial } from '../src/use-cases/review-material.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';

/**
 * GET /campaigns/{id} — status and history, send progress or end report, halt/resume, findings grouped
 * by rule with expected vs found, the fact diff, a preview per recipient (search, step through
 * segments) in a sandboxed frame, and the form to resubmit a corrected version.
 */
export const handler = pageHandler(async (event, ctx) => {
  const id = event.pathParameters?.id ?? '';
  const campaign = await getCampaign(ctx.services, ctx.member?.email, id);
  const { counts } = campaign;
  const isApprover = campaign.approvedBy?.toLowerCase() === ctx.member?.email.toLowerCase();
  const isSendPhase = ['sending', 'halted', 'sent', 'failed'].includes(campaign.status);
  const groups: { rule: string; severity: string; findings: (typeof campaign.findings[number] & { number: number })[] }[] = [];
  campaign.findings.forEach((finding, i) => {
    const last = groups.at(-1);
    if (last && last.rule === finding.rule && last.severity === finding.severity) last.findings.push({ ...finding, number: i + 1 });
    else groups.push({ rule: finding.rule, severity: finding.severity, findings: [{ ...finding, number: i + 1 }] });
  });
  const frozen = await loadFrozenVersion(ctx.services, id, campaign.version).catch(() => undefined);
  const diff = frozen ? (await reviewMaterial(ctx.services, id, campaign.version)).diff : undefined;
  const q = event.queryStringParameters ?? {};
  const found = frozen ? await previewPage(ctx.services, id, campaign.version, { recipient: q.recipient, segment: q.segment, index: q.n ? Number(q.n) : 0 }) : undefined;
  const preview = found && {
    ...found,
    position: found.index + 1,
    previous: found.index > 0 ? String(found.index - 1) : undefined,
    next: found.index + 1 < found.segmentSize ? String(found.index + 1) : undefined,
  };
  // During the canary window: when the rest of the list goes (the last start of the send plus its window).
  const started = campaign.history.findLast((h) => h.event?.kind === 'sending-started');
  const window = started?.event?.kind === 'sending-started' ? started.event.windowSeconds : ctx.services.settings.canaryWindowSeconds;
  const restAt = started && new Date(new Date(started.at).getTime() + window * 1000);
  const canaryUntil = campaign.status === 'sending' && restAt && restAt > ctx.services.clock.now() ? restAt.toISOString() : undefined;
  const report = ['halted', 'sent', 'failed'].includes(campaign.status) ? await readSendReport(ctx.services, id, campaign.version, counts.selected) : undefined;
  return page(
    200,
    renderPage('campaign', {
      lang: ctx.lang,
      title: campaign.title,
      campaign,
      groups,
      diff,
      preview,
      query: { recipient: q.recipient ?? '' },
      reasons: report?.reasons ?? [],
      member: ctx.member,
      isOrganiser: ctx.member?.roles.includes('organiser'),
      csrf: ctx.csrf,
      isSendPhase,
      isFinished: campaign.status === 'sent' || campaign.status === 'failed',
      refresh: campaign.status === 'sending',
      canaryUntil,
      done: counts.sent + counts.failed + counts.suppressed + counts.skipped,
      canControl: Boolean(ctx.member?.roles.includes('organiser') || isApprover),
      canResubmit: ctx.member?.email.toLowerCase() === campaign.createdBy.toLowerCase() && ['blocked', 'in-review', 'rejected'].includes(campaign.status),
    }),
  );
});
