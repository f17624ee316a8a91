import { fold } from '../text/fold.ts';
import type { Part } from './message-text.ts';

/** A salutation line and the name it addresses (may hold slot markers until resolved). */
export interface GreetingFact {
  part: Part;
  line: string;
  name: string;
}

const OPENING =
  /^(?:bonjour|bonsoir|salut|coucou|cher|ch[èe]re|chers|ch[èe]res|hello|hi|hey|dear|greetings|good\s+(?:morning|afternoon|evening))(?=[\s,!.:;]|$)[\s,]*/iu;
const CIVILITY = new Set([
  'madame', 'monsieur', 'mademoiselle', 'mme', 'mmes', 'm', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'docteur', 'docteure',
  'professeur', 'professeure', 'pr', 'prof', 'maitre', 'me', 'sir', 'madam', 'messieurs', 'mesdames', 'et', 'and', 'cher', 'chere',
]);
const GENERIC =
  /^(?:tou(?:s|tes?)|a|à|all|everyone|everybody|there|team|folks|friends?|ami(?:e|es|s)?|colleagues?|coll[eè]gues?|participants?|participantes?|inscrit(?:e|es|s)?|partenaires?|membres?|members?|attendees?|subscribers?|abonn[ée](?:e|es|s)?|lecteurs?|lectrices?|readers?|clients?|customers?|utilisateurs?|users?|visiteurs?|all of you|vous|you|équipe|equipe|agents?|élus?|elus?|adhérents?|adherents?|collectivités?|partners?)$/iu;

const tokenCache = new Map<string, string[]>();
const TOKEN_CACHE_SIZE = 50_000;

/** The comparable words of a person's name: folded, split on spaces, commas and dots, emoji dropped. */
export function nameTokens(name: string): string[] {
  let tokens = tokenCache.get(name);
  if (tokens) return tokens;
  tokens = fold(name)
    .replace(/[()·.!?;:"«»]/g, ' ')
    .split(/[\s,]+/)
    .filter((t) => /[\p{L}\d]/u.test(t));
  // First names repeat across a list: a bounded cache spares most of the folding.
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
  tokenCache.set(name, tokens);
  return tokens;
}

/** Words that form the name of a greeting line, civilities removed; empty for « Bonjour à tous ». */
export function greetingNameWords(name: string): string[] {
  const tokens = nameTokens(name);
  if (tokens.some((t) => GENERIC.test(t))) return [];
  return tokens.filter((t) => !CIVILITY.has(t));
}

/**
 * Salutation lines (« Bonjour Marie, », "Dear Dr Smith,") with the name they address. A line whose
 * name starts in lower case (« Bonjour et bienvenue ») or addresses a group (« Bonjour à tous ») has no name.
 */
export function extractGreetings(part: Part, text: string): GreetingFact[] {
  const facts: GreetingFact[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    const opening = OPENING.exec(line);
    if (!opening) continue;
    const rest = line.slice(opening[0].length);
    const name = (/^[^,!:;?\n]*/.exec(rest)?.[0] ?? '').replace(/\s*\.$/, '').trim();
    if (name === '' || name.split(/\s+/).length > 6) continue;
    const first = name.charAt(0);
    const isNameStart = /[\p{Lu}[{<%*\uE000-\uE003]/u.test(first) || /^[$]/.test(first);
    if (!isNameStart) continue;
    facts.push({ part, line, name });
  }
  return facts;
}
