import { describeHistory } from '../core/workflow/history.ts';
import type { HistoryEntry } from '../ports/campaign-store.ts';
import type { Language } from './i18n.ts';

/** A history entry in the reader's language (an entry recorded without its event keeps its English sentence). */
export function historyText(entry: HistoryEntry, lang: Language): string {
  return entry.event ? describeHistory(entry.event, lang) : entry.what;
}

const FRENCH_REASONS: Record<string, string> = {
  unsubscribed: 'désinscrit·e',
  'not checked at submission': 'non vérifié à la soumission',
  'interrupted during the send (the message may have left): not retried, so that nobody gets it twice': 'interrompu pendant l’envoi (le message est peut-être parti) : pas de nouvel essai, pour que personne ne le reçoive deux fois',
  'the message differs from the one that was checked': 'le message diffère de celui qui a été vérifié',
  'the send could not reach this recipient after repeated attempts': 'l’envoi n’a pas pu atteindre ce destinataire malgré plusieurs essais',
};

const FRENCH_STATUSES: Record<string, string> = { sent: 'envoyé', failed: 'en échec', suppressed: 'désinscrit', skipped: 'écarté' };

/** Why a recipient was not sent, in the reader's language (a reason from SES stays as SES wrote it). */
export function reasonText(reason: string, lang: Language): string {
  return lang === 'fr' ? (FRENCH_REASONS[reason] ?? reason) : reason;
}

/** A send row's status in the reader's language. */
export function rowStatusText(status: string, lang: Language): string {
  return lang === 'fr' ? (FRENCH_STATUSES[status] ?? status) : status;
}
