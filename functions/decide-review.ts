import { GuardError } from '../src/core/errors.ts';
import { decideReview, openReview } from '../src/use-cases/review.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { formBody, page, RequestError, requireSameOrigin } from './http.ts';
import { requireOwnLink, reviewLanguage, reviewPage } from './show-review.ts';

/** POST /review/{token} — the only way to decide: decision=approve|reject, comment, the confirmations. */
export const handler = pageHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const token = event.pathParameters?.token ?? '';
  const form = formBody(event);
  const decision = form.get('decision');
  if (decision !== 'approve' && decision !== 'reject') throw new RequestError('BAD_REQUEST', 'Choose Approve or Reject.');
  const review = await openReview(ctx.services, token);
  requireOwnLink(ctx, review);
  const lang = reviewLanguage(ctx, review);
  const words = DICTIONARY[lang];
  const comment = form.get('comment') ?? '';
  const acknowledged = new Set(form.getAll('ack'));
  // The review page's own form says so (form=review-page): posted as found by a link scanner, it lacks
  // the ticks and decides nothing. A client of the HTTP contract (decision, comment) decides as it says.
  const isPageForm = form.get('form') === 'review-page';
  const warnings = review.version.findings.filter((f) => f.severity === 'warn').length;
  try {
    await decideReview(ctx.services, {
      token,
      decision,
      comment,
      hasConfirmed: isPageForm ? form.get('confirm') === 'yes' : true,
      acknowledgedWarnings: isPageForm ? acknowledged.size : warnings,
    });
  } catch (error) {
    // The boxes were not ticked: the same page again, with what the reviewer wrote and ticked.
    if (error instanceof GuardError && error.code === 'CONFIRMATION_REQUIRED') {
      return reviewPage(ctx, token, review, { problem: words['review.needConfirm'], comment, confirmed: form.get('confirm') === 'yes', acknowledged });
    }
    throw error;
  }
  const text = decision === 'approve' ? words['review.done.approve'] : words['review.done.reject'];
  return page(200, renderPage('message', { lang, title: words['review.title'], heading: words['review.title'], text, tone: 'ok', member: ctx.member, link: { href: `/campaigns/${encodeURIComponent(review.campaign.id)}`, text: words['review.openCampaign'] } }));
});
