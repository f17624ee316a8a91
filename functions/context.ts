import { getServices } from '../src/compose.ts';
import { GuardError } from '../src/core/errors.ts';
import { csrfToken, isCsrfToken, type SessionClaim } from '../src/core/workflow/tokens.ts';
import type { Member } from '../src/ports/team-directory.ts';
import { findMember } from '../src/use-cases/team-access.ts';
import type { Services } from '../src/use-cases/services.ts';
import { DICTIONARY, pickLanguage, type Language } from '../src/web/i18n.ts';
import { renderPage } from '../src/web/views.ts';
import { errorResponse, header, page, redirect, RequestError, safeNext, sessionOf, statusOf, type HttpEvent, type HttpResult } from './http.ts';

/** What every handler gets: the services, the session and member when signed in, the page language. */
export interface RequestContext {
  services: Services;
  session?: SessionClaim | undefined;
  member?: Member | undefined;
  lang: Language;
  /** The CSRF token to put in this member's forms. */
  csrf?: string | undefined;
}

async function contextOf(event: HttpEvent): Promise<RequestContext> {
  const services = await getServices();
  const signed = sessionOf(event, services.settings.secret, services.clock.now());
  // A cookie kept (or copied) after its sign-out is refused: the store remembers signed-out sessions.
  const session = signed && !(await services.store.isSessionRevoked(signed.n)) ? signed : undefined;
  const member = session ? await findMember(services, session.e) : undefined;
  return {
    services,
    session: member ? session : undefined,
    member,
    lang: pickLanguage(member?.language, header(event, 'accept-language')),
    csrf: member && session ? csrfToken(services.settings.secret, session) : undefined,
  };
}

/** Requires the form's CSRF token to be this session's. */
export function requireCsrf(ctx: RequestContext, token: string | null | undefined): void {
  if (!ctx.session || !token || !isCsrfToken(ctx.services.settings.secret, ctx.session, token)) {
    throw new RequestError('CSRF', 'This form has expired or comes from elsewhere; reload the page and try again.');
  }
}

/** Where a browser form posted to an API route goes back to after an error: the form's own page. */
function formPageOf(event: HttpEvent): { href: string; key: 'error.backToForm' } | undefined {
  const path = event.rawPath ?? '';
  const version = /^\/api\/campaigns\/([^/]+)\/versions$/.exec(path);
  if (version) return { href: `/campaigns/${version[1]}`, key: 'error.backToForm' };
  if (path === '/api/campaigns') return { href: '/campaigns/new', key: 'error.backToForm' };
  return undefined;
}

/**
 * Wraps a JSON API handler: one error mapping, 4xx messages shown, 5xx hidden. A browser form posted
 * to it (no JavaScript, or the correction form) gets an error page in the reader's language instead.
 */
export function apiHandler(fn: (event: HttpEvent, ctx: RequestContext) => Promise<HttpResult>) {
  return async (event: HttpEvent): Promise<HttpResult> => {
    let ctx: RequestContext | undefined;
    try {
      ctx = await contextOf(event);
      return await fn(event, ctx);
    } catch (error) {
      if (!wantsHtml(event)) return errorResponse(error);
      const lang = ctx?.lang ?? pickLanguage(undefined, header(event, 'accept-language'));
      const back = formPageOf(event);
      return errorPage(error, { lang, member: ctx?.member }, back ? { href: back.href, text: DICTIONARY[lang][back.key] } : undefined);
    }
  };
}

const ERROR_TEXT: Record<Language, Record<string, string>> = {
  fr: {
    LINK_EXPIRED: 'Ce lien a expiré. Pour vous connecter, demandez-en un nouveau depuis l’accueil ; pour une relecture, l’organisateur·rice doit soumettre une nouvelle version.',
    LINK_USED: 'Ce lien a déjà servi.',
    LINK_OUTDATED: 'Ce lien concerne une version qui a été remplacée : une nouvelle version annule les approbations précédentes.',
    LINK_INVALID: 'Ce lien n’est pas valide : il a été modifié ou coupé.',
    SELF_APPROVAL: 'Vous avez soumis ce brouillon : une autre personne doit l’approuver.',
    UNAUTHENTICATED: 'Connectez-vous d’abord.',
    FORBIDDEN: 'Votre rôle ne permet pas cette action.',
    NOT_FOUND: 'Cette page n’existe pas.',
    CSRF: 'Ce formulaire a expiré ou vient d’ailleurs : rechargez la page.',
    INVALID_TRANSITION: 'L’état de la campagne ne permet pas cette action.',
    CAMPAIGN_INPUT_INVALID: 'Un fichier de la campagne ne peut pas être lu.',
    CONFIRMATION_REQUIRED: 'Cochez la case de vérification (et chaque avertissement) avant de décider : rien n’a été décidé.',
    BAD_REQUEST: 'La demande est incomplète ou mal formée.',
    PAYLOAD_TOO_LARGE: 'Les fichiers sont trop volumineux.',
    CONFLICT: 'Quelqu’un a modifié cette campagne en même temps : rechargez la page.',
  },
  en: {
    LINK_EXPIRED: 'This link has expired. To sign in, ask for a new one from the home page; for a review, the organiser must submit a new version.',
    LINK_USED: 'This link has already been used.',
    LINK_OUTDATED: 'This link is for a version that has been replaced: a new version voids earlier approvals.',
    LINK_INVALID: 'This link is not valid: it was altered or cut.',
    SELF_APPROVAL: 'You submitted this draft: someone else must approve it.',
    UNAUTHENTICATED: 'Sign in first.',
    FORBIDDEN: 'Your role does not allow this.',
    NOT_FOUND: 'This page does not exist.',
    CSRF: 'This form has expired or comes from elsewhere: reload the page.',
    INVALID_TRANSITION: 'The campaign’s status does not allow this.',
    CAMPAIGN_INPUT_INVALID: 'A file of the campaign cannot be read.',
    CONFIRMATION_REQUIRED: 'Tick the confirmation (and each warning) before deciding: nothing was decided.',
    BAD_REQUEST: 'The request is incomplete or malformed.',
    PAYLOAD_TOO_LARGE: 'The files are too large.',
    CONFLICT: 'Someone changed this campaign at the same time: reload the page.',
  },
};

/** Errors whose message carries what the reader must fix (a file and line, a field, who may act). */
const DETAILED = new Set(['CAMPAIGN_INPUT_INVALID', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'FORBIDDEN', 'INVALID_TRANSITION', 'NOT_FOUND', 'CONFLICT']);

/**
 * The page shown for an error: the reason in the reader's language; for 4xx errors that name what to
 * fix, the detail under it; nothing internal for 5xx.
 */
export function errorPage(error: unknown, ctx: Pick<RequestContext, 'lang' | 'member'>, link?: { href: string; text: string }): HttpResult {
  const status = statusOf(error);
  if (status >= 500) console.error('followup-guard: internal error', error);
  const code = error instanceof GuardError ? error.code : 'INTERNAL';
  const sentence = ERROR_TEXT[ctx.lang][code];
  const message = (error as Error).message;
  const text = status >= 500 ? (ctx.lang === 'fr' ? 'Une erreur est survenue de notre côté ; rien n’a été envoyé.' : 'Something went wrong on our side; nothing was sent.') : (sentence ?? message);
  const detail = status < 500 && sentence && DETAILED.has(code) && message !== sentence ? message : undefined;
  const heading = DICTIONARY[ctx.lang]['error.title'];
  return page(status, renderPage('message', { lang: ctx.lang, title: heading, heading, text, detail, tone: 'error', member: ctx.member, link }));
}

/** Wraps a page handler: errors become a page in the reader's language. */
export function pageHandler(fn: (event: HttpEvent, ctx: RequestContext) => Promise<HttpResult>) {
  return async (event: HttpEvent): Promise<HttpResult> => {
    let ctx: RequestContext | undefined;
    try {
      ctx = await contextOf(event);
      return await fn(event, ctx);
    } catch (error) {
      // A page that needs a session, opened from an email while signed out: sign in, then come back.
      if (error instanceof GuardError && error.code === 'UNAUTHENTICATED' && event.requestContext?.http?.method === 'GET') {
        const path = `${event.rawPath ?? '/'}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
        const next = safeNext(path);
        return redirect(next && next !== '/' ? `/?next=${encodeURIComponent(next)}` : '/');
      }
      return errorPage(error, ctx ?? { lang: pickLanguage(undefined, header(event, 'accept-language')) });
    }
  };
}

/** True when the client prefers an HTML page to JSON (a browser form post). */
export function wantsHtml(event: HttpEvent): boolean {
  const type = header(event, 'content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || (type.startsWith('multipart/form-data') && (header(event, 'accept') ?? '').includes('text/html'));
}
