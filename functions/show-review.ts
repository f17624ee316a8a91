import { openReview } from '../src/use-cases/review.ts';
import { reviewMaterial } from '../src/use-cases/review-material.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { page } from './http.ts';

/**
 * GET /review/{token} — the review page: counts per segment, the fact diff, previews of real messages,
 * warnings to acknowledge, Approve / Reject. Opening it changes nothing.
 */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  const review = await openReview(ctx.services, token);
  const lang = review.reviewer.language ?? ctx.lang;
  const words = DICTIONARY[lang];
  if (review.decision) {
    const text = `${words['review.decided']} ${review.decision.decision === 'approve' ? '✔' : '✖'} ${review.decision.reviewer}, ${review.decision.at}.`;
    return page(409, renderPage('message', { lang, title: words['review.title'], heading: words['review.title'], text, tone: 'ok', member: ctx.member }));
  }
  const material = await reviewMaterial(ctx.services, review.campaign.id, review.version.version);
  const previews = material.previews.map((p) => ({ ...p, label: p.label === 'attended' ? words['review.attended'] : words['review.missed'] }));
  return page(
    200,
    renderPage('review', {
      lang,
      title: `${words['review.title']} — ${review.campaign.title}`,
      token,
      campaign: review.campaign,
      version: review.version,
      warnings: review.version.findings.filter((f) => f.severity === 'warn'),
      diff: material.diff,
      previews,
      member: ctx.member,
    }),
  );
});
