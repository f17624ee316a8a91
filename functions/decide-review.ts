import { GuardError } from '../src/core/errors.ts';
import { decideReview, openReview } from '../src/use-cases/review.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { pageHandler } from './context.ts';
import { formBody, RequestError, requireSameOrigin } from './http.ts';
import { requireOwnLink, reviewLanguage, reviewMessagePage, reviewPage } from './show-review.ts';

/** POST /review/{token} — the only way to decide: decision=approve|reject, comment, the confirmations. */
export const handler = pageHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const token = event.pathParameters?.token ?? '';
  const form = formBody(event);
  const decision = form.get('decision');
  if (decision !== 'approve' && decision !== 'reject') throw new RequestError('BAD_REQUEST', 'Choose Approve or Reject.');
  const review = await openReview(ctx.services, token);
  requireOwnLink(ctx, review);
  const words = DICTIONARY[reviewLanguage(ctx, review)];
  const comment = form.get('comment') ?? '';
  const acknowledged = new Set(form.getAll('ack'));
  // The review page's own form says so (form=review-page): posted as found by a link scanner, it lacks
  // the ticks and decides nothing. A client of the HTTP contract (decision, comment) decides as it says.
  const isPageForm = form.get('form') === 'review-page';
  try {
    await decideReview(ctx.services, {
      token,
      decision,
      comment,
      hasConfirmed: isPageForm ? form.get('confirm') === 'yes' : true,
      acknowledgedWarnings: isPageForm ? acknowledged.size : Number.POSITIVE_INFINITY,
    });
  } catch (error) {
    // The boxes were not ticked: the same page again, with what the reviewer wrote and ticked.
    if (error instanceof GuardError && error.code === 'CONFIRMATION_REQUIRED') {
      return reviewPage(ctx, token, review, { problem: words['review.needConfirm'], comment, confirmed: form.get('confirm') === 'yes', acknowledged });
    }
    throw error;
  }
  return reviewMessagePage(ctx, review, 200, (w) => (decision === 'approve' ? w['review.done.approve'] : w['review.done.reject']));
});
