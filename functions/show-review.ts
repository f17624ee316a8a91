import { AccessError } from '../src/core/errors.ts';
import { openReview, type OpenReview } from '../src/use-cases/review.ts';
import { reviewMaterial } from '../src/use-cases/review-material.ts';
import { DICTIONARY, type Language } from '../src/web/i18n.ts';
import { renderPage, showInstant } from '../src/web/views.ts';
import { pageHandler, type RequestContext } from './context.ts';
import { page, type HttpResult } from './http.ts';

/**
 * A signed-in member may only use their own link: the submitter holding a reviewer's link is still the
 * submitter, and a link forwarded to a colleague is not theirs to use. Signed out, the link is the proof.
 */
export function requireOwnLink(ctx: RequestContext, review: OpenReview): void {
  if (!ctx.member) return;
  const me = ctx.member.email.toLowerCase();
  if (me === review.version.submittedBy.toLowerCase()) throw new AccessError('SELF_APPROVAL', 'You submitted this draft: a second person must review it.');
  if (me !== review.claim.r.toLowerCase()) throw new AccessError('FORBIDDEN', `This review link is ${review.claim.r}'s; you are signed in as ${ctx.member.email}.`);
}

/** The page language of a review: the reviewer's own, else the reader's. */
export function reviewLanguage(ctx: RequestContext, review: OpenReview): Language {
  return review.reviewer.language ?? ctx.lang;
}

/** The review page, possibly with a problem to show and the reviewer's form input to keep. */
export async function reviewPage(
  ctx: RequestContext,
  token: string,
  review: OpenReview,
  kept: { problem?: string; comment?: string; confirmed?: boolean; acknowledged?: Set<string> } = {},
): Promise<HttpResult> {
  const lang = reviewLanguage(ctx, review);
  const words = DICTIONARY[lang];
  const material = await reviewMaterial(ctx.services, review.campaign.id, review.version.version);
  const previews = material.previews.map((p) => ({ ...p, label: p.label === 'attended' ? words['review.attended'] : words['review.missed'] }));
  const warnings = review.version.findings
    .filter((f) => f.severity === 'warn')
    .map((f, index) => ({ ...f, isAcknowledged: kept.acknowledged?.has(String(index)) ?? false }));
  return page(kept.problem ? 400 : 200, renderPage('review', {
    lang,
    title: `${words['review.title']} — ${review.campaign.title}`,
    token,
    campaign: review.campaign,
    version: review.version,
    warnings,
    diff: material.diff,
    previews,
    member: ctx.member,
    problem: kept.problem,
    comment: kept.comment ?? '',
    isConfirmed: kept.confirmed ?? false,
  }));
}

/** A review's message page (decided, thank you): the text and the way to the campaign. */
export function reviewMessagePage(ctx: RequestContext, review: OpenReview, status: number, text: (words: (typeof DICTIONARY)[Language], lang: Language) => string): HttpResult {
  const lang = reviewLanguage(ctx, review);
  const words = DICTIONARY[lang];
  const link = { href: `/campaigns/${encodeURIComponent(review.campaign.id)}`, text: words['review.openCampaign'] };
  return page(status, renderPage('message', { lang, title: words['review.title'], heading: words['review.title'], text: text(words, lang), tone: 'ok', member: ctx.member, link }));
}

/** The page for a version already decided: who decided what, when. */
function decidedPage(ctx: RequestContext, review: OpenReview): HttpResult {
  const decision = review.decision!;
  return reviewMessagePage(ctx, review, 409, (words, lang) => `${words['review.decided']} ${words[decision.decision === 'approve' ? 'review.decidedBy.approve' : 'review.decidedBy.reject']} ${decision.reviewer} ${words['review.on']} ${showInstant(decision.at, lang)}.`);
}

/**
 * GET /review/{token} — the review page: counts per segment, the fact diff, previews of real messages,
 * warnings to acknowledge, Approve / Reject. Opening it changes nothing.
 */
export const handler = pageHandler(async (event, ctx) => {
  const token = event.pathParameters?.token ?? '';
  const review = await openReview(ctx.services, token);
  requireOwnLink(ctx, review);
  if (review.decision) return decidedPage(ctx, review);
  return reviewPage(ctx, token, review);
});
