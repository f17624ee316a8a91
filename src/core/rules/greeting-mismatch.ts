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

/** The values printed in a greeting's name that come from the recipient's own-name columns. */
function ownNameValues(name: string, ownNameSlots: ReadonlySet<string>, slotNames: readonly string[], slotValues: readonly string[]): string[] {
  const values: string[] = [];
  for (const match of name.matchAll(SLOT_PATTERN)) {
    const index = slotIndex(match[1]!);
    if (ownNameSlots.has(slotNames[index] ?? '')) values.push(slotValues[index] ?? '');
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
      const called = ownTokens(...ownNameValues(g.masked ?? '', ctx.ownNameSlots, slotNames, slotValues));
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
