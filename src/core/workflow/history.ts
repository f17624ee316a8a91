import type { Language } from '../campaign/types.ts';

/**
 * What happened to a campaign, as recorded in its history. The store keeps the event itself (so that
 * pages word it in the reader's language and find, say, when the send started) and its English
 * sentence, which the HTTP contract's `history[].what` carries.
 */
export type HistoryEvent =
  | { kind: 'submitted'; version: number; blockingFindings: number }
  | { kind: 'decided'; decision: 'approved' | 'rejected'; version: number; contentHash: string; comment?: string | undefined }
  | { kind: 'sending-started'; recipients: number; firstSlice: number; teamAddresses: number; windowSeconds: number }
  | { kind: 'halted' }
  | { kind: 'resumed' }
  | { kind: 'finished'; sent: number; failed: number; suppressed: number; skipped: number }
  | { kind: 'send-refused' }
  | { kind: 'no-reviewer' }
  | { kind: 'mail-failed'; mail: string; to: string; reason: string }
  | { kind: 'chat-failed'; reason: string };

export type HistoryKind = HistoryEvent['kind'];

type Words = { [K in HistoryKind]: (event: Extract<HistoryEvent, { kind: K }>) => string };

const ENGLISH: Words = {
  submitted: (e) => (e.blockingFindings > 0 ? `submitted version ${e.version}: blocked by ${e.blockingFindings} finding(s)` : `submitted version ${e.version}: clean, in review`),
  decided: (e) => `${e.decision} version ${e.version} (content ${e.contentHash.slice(0, 12)})${e.comment ? `: ${e.comment}` : ''}`,
  'sending-started': (e) => `sending started: ${e.recipients} recipients; first ${e.firstSlice} (${e.teamAddresses} team address(es)), the rest after ${e.windowSeconds} s`,
  halted: () => 'halted the send',
  resumed: () => 'resumed the send',
  finished: (e) => `send finished: ${e.sent} sent, ${e.failed} failed, ${e.suppressed} suppressed, ${e.skipped} skipped`,
  'send-refused': () => 'refused to send: no recorded approval of this content',
  'no-reviewer': () => 'no reviewer other than the submitter: nobody can approve this version',
  'mail-failed': (e) => `could not email the ${e.mail} to ${e.to}: ${e.reason}`,
  'chat-failed': (e) => `could not post to the team chat: ${e.reason}`,
};

const FRENCH: Words = {
  submitted: (e) => (e.blockingFindings > 0 ? `version ${e.version} soumise : bloquée par ${e.blockingFindings} constat(s)` : `version ${e.version} soumise : rien de bloquant, en relecture`),
  decided: (e) => `version ${e.version} ${e.decision === 'approved' ? 'approuvée' : 'refusée'} (contenu ${e.contentHash.slice(0, 12)})${e.comment ? ` : ${e.comment}` : ''}`,
  'sending-started': (e) => `envoi commencé : ${e.recipients} destinataires ; d’abord ${e.firstSlice} (dont ${e.teamAddresses} adresse(s) de l’équipe), le reste après ${e.windowSeconds} s`,
  halted: () => 'envoi arrêté',
  resumed: () => 'envoi repris',
  finished: (e) => `envoi terminé : ${e.sent} envoyé(s), ${e.failed} en échec, ${e.suppressed} désinscrit(s), ${e.skipped} ignoré(s)`,
  'send-refused': () => 'envoi refusé : aucune approbation enregistrée pour ce contenu',
  'no-reviewer': () => 'aucun relecteur autre que l’auteur·rice : personne ne peut approuver cette version',
  'mail-failed': (e) => `le courriel « ${e.mail} » n’a pas pu être envoyé à ${e.to} : ${e.reason}`,
  'chat-failed': (e) => `impossible de publier sur la messagerie de l’équipe : ${e.reason}`,
};

/** The sentence of a history event in `language`. */
export function describeHistory(event: HistoryEvent, language: Language): string {
  const words = language === 'fr' ? FRENCH : ENGLISH;
  return (words[event.kind] as (e: HistoryEvent) => string)(event);
}

/** Free text in a history entry (a comment, an error) is cut to this length. */
export const HISTORY_TEXT_LIMIT = 200;

/** The history entry of `event`: its English sentence for the contract, and the event for the pages. */
export function historyEntry(at: string, who: string, event: HistoryEvent): { at: string; who: string; what: string; event: HistoryEvent } {
  const cut = (text: string) => text.slice(0, HISTORY_TEXT_LIMIT);
  const kept: HistoryEvent =
    event.kind === 'decided' && event.comment ? { ...event, comment: cut(event.comment) }
    : event.kind === 'mail-failed' || event.kind === 'chat-failed' ? { ...event, reason: cut(event.reason) }
    : event;
  return { at, who, what: describeHistory(kept, 'en'), event: kept };
}
