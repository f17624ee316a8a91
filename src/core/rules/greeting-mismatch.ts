import { greetingNameWords, nameTokens } from '../facts/greetings.ts';
import { fillSlots, SLOT_PATTERN, slotIndex } from '../render/markers.ts';
import { say, type MessageRule } from './rule.ts';

function ownTokens(...names: string[]): Set<string> {
  const tokens = new Set<string>();
  for (const token of names.flatMap(nameTokens)) {
    tokens.add(token);
    for (const piece of token.split(/[-']/)) if (piece) tokens.add(piece);
  }
  return tokens;
}

// A column that holds the name the recipient goes by (« Prénom d'usage », "Preferred name", "Nickname",
// « Civilité »…), which may differ from their first and last names; not someone else's ("Headteacher",
// « Référent », "Manager name"). A full-name column must hold the first and last names: a shifted one
// names someone else.
const OWN_NAME_COLUMN = /prefer|nick|surnom|usage|usuel|known|pseudo|appel|salutation|civilit|honorific|titre|title/i;
const OTHER_PERSON_COLUMN = /head|manager|r[eé]f[eé]rent|contact|responsable|direct|tut(?:eur|or)|parent|conjoint|spouse|partner|boss|supervis|teacher|enseignant|speaker|intervenant|organi|company|soci[eé]t[eé]|structure|commune|city|ville|school|[eé]cole|service|team|[eé]quipe|event|webinar|assistant|colleague|coll[eè]gue|mentor|coach/i;

/** The values printed in a greeting's name that come from the recipient's own-name columns. */
function ownNameValues(name: string, slotNames: readonly string[], slotValues: readonly string[]): string[] {
  const values: string[] = [];
  for (const match of name.matchAll(SLOT_PATTERN)) {
    const index = slotIndex(match[1]!);
    const column = (slotNames[index] ?? '').replace(/^recipient\./, '');
    if (OWN_NAME_COLUMN.test(column) && !OTHER_PERSON_COLUMN.test(column)) values.push(slotValues[index] ?? '');
  }
  return values;
}

/** greeting.mismatch: the salutation names someone other than the recipient. */
export const greetingMismatch: MessageRule = {
  id: 'greeting.mismatch',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: false,
  check({ greetings, recipient, slotValues, slotNames }, ctx) {
    if (greetings.length === 0) return [];
    const language = ctx.self.event.language;
    const own = ownTokens(recipient.firstName, recipient.lastName);
    return greetings.flatMap((g) => {
      const words = greetingNameWords(g.name);
      if (words.length === 0 || words.every((w) => own.has(w))) return [];
      // « Bonjour {{recipient.prenomUsage}} » (Maïté for Marie-Thérèse): the name the recipient goes by.
      const called = ownTokens(...ownNameValues(g.masked ?? '', slotNames, slotValues));
      if (words.every((w) => own.has(w) || called.has(w))) return [];
      const who = [recipient.firstName, recipient.lastName].filter(Boolean).join(' ') || recipient.email;
      const line = fillSlots(g.line, slotValues);
      return [
        {
          message: say(
            language,
            `la formule d’appel « ${line} » ne nomme pas le destinataire (${who})`,
            `the greeting « ${line} » does not name the recipient (${who})`,
          ),
          expected: say(language, 'le nom du destinataire', "the recipient's name"),
          found: line,
        },
      ];
    });
  },
};
