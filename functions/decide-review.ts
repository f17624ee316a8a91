import { AccessError } from '../src/core/errors.ts';
import { decideReview, openReview } from '../src/use-cases/review.ts';
import { DICTIONARY } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { pageHandler } from './context.ts';
import { formBody, page, RequestError, requireSameOrigin } from './http.ts';

/** POST /review/{token} — the only way to decide: decision=approve|reject, comment, the confirmations. */
export const handler = pageHandler(async (event, ctx) => {
  requireSameOrigin(event, ctx.services.settings.publicUrl);
  const token = event.pathParameters?.token ?? '';
  const form = formBody(event);
  const decision = form.get('decision');
  if (decision !== 'approve' && decision !== 'reject') throw new RequestError('BAD_REQUEST', 'Choose Approve or Reject.');
  const review = await openReview(ctx.services, token);
  const lang = review.reviewer.language ?? ctx.lang;
  // A signed-in member may only use their own link: the submitter holding a reviewer's link is still
  // the submitter, and a link forwarded to a colleague is not theirs to use.
  if (ctx.member) {
    const me = ctx.member.email.toLowerCase();
    if (me === review.version.submittedBy.toLowerCase()) throw new AccessError('SELF_APPROVAL', 'You submitted this draft: a second person must review it.');
    if (me !== review.claim.r.toLowerCase()) throw new AccessError('FORBIDDEN', `This review link is ${review.claim.r}'s; you are signed in as ${ctx.member.email}.`);
  }
  await decideReview(ctx.services, {
    token,
    decision,
    comment: form.get('comment') ?? '',
    hasConfirmed: form.get('confirm') === 'yes',
    acknowledgedWarnings: new Set(form.getAll('ack')).size,
  });
  const words = DICTIONARY[lang];
  const text = decision === 'approve' ? words['review.done.approve'] : words['review.done.reject'];
  return page(200, renderPage('message', { lang, title: words['review.title'], heading: words['review.title'], text, tone: 'ok', member: ctx.member }));
});
