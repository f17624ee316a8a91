import type { Language } from './i18n.ts';

// The history is an audit log: the API keeps its entries as written (English). The French pages show
// them through this table of the sentences the use cases write; anything else is shown as it is.
const FRENCH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^submitted version (\d+): blocked by (\d+) finding\(s\)$/, (m) => `version ${m[1]} soumise : bloquée par ${m[2]} constat(s)`],
  [/^submitted version (\d+): clean, in review$/, (m) => `version ${m[1]} soumise : rien de bloquant, en relecture`],
  [/^(approved|rejected) version (\d+) \(content (\w+)\)(?:: ([\s\S]*))?$/, (m) => `version ${m[2]} ${m[1] === 'approved' ? 'approuvée' : 'refusée'} (contenu ${m[3]})${m[4] ? ` : ${m[4]}` : ''}`],
  [/^sending started: (\d+) recipients; first (\d+) \((\d+) team address\(es\)\), the rest after (\d+) s$/, (m) => `envoi commencé : ${m[1]} destinataires ; d’abord ${m[2]} (dont ${m[3]} adresse(s) de l’équipe), le reste après ${m[4]} s`],
  [/^halted the send$/, () => 'envoi arrêté'],
  [/^resumed the send$/, () => 'envoi repris'],
  [/^send finished: (\d+) sent, (\d+) failed, (\d+) suppressed, (\d+) skipped$/, (m) => `envoi terminé : ${m[1]} envoyé(s), ${m[2]} en échec, ${m[3]} désinscrit(s), ${m[4]} ignoré(s)`],
  [/^refused to send: no recorded approval of this content$/, () => 'envoi refusé : aucune approbation enregistrée pour ce contenu'],
  [/^no reviewer other than the submitter: nobody can approve this version$/, () => 'aucun relecteur autre que l’auteur·rice : personne ne peut approuver cette version'],
  [/^could not email the ([\w-]+) to (\S+): ([\s\S]*)$/, (m) => `le courriel « ${m[1]} » n’a pas pu être envoyé à ${m[2]} : ${m[3]}`],
  [/^could not post to the team chat: ([\s\S]*)$/, (m) => `impossible de publier sur la messagerie de l’équipe : ${m[1]}`],
];

/** A history entry in the reader's language. */
export function historyText(what: string, lang: Language): string {
  if (lang !== 'fr') return what;
  for (const [pattern, write] of FRENCH) {
    const match = pattern.exec(what);
    if (match) return write(match);
  }
  return what;
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
