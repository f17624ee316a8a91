import type { UnsubscribeLinkView } from '../src/use-cases/unsubscribe.ts';
import { DICTIONARY, type Language } from '../src/web/i18n.ts';

/**
 * The data of the unsubscribe page. Participants read it, not the team: it is headed with the
 * organiser they know (event.organizer.name), not with followup-guard.
 */
export function unsubscribePage(lang: Language, token: string, link: UnsubscribeLinkView) {
  return {
    lang,
    title: DICTIONARY[lang]['unsubscribe.title'],
    isPublic: true,
    organizer: link.organizerName,
    token,
    email: link.email,
    campaignTitle: link.campaignTitle,
    done: link.isDone,
  };
}
