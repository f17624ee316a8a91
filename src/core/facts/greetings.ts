import { fold } from '../text/fold.ts';
import type { Part } from './message-text.ts';

/** A salutation line and the name it addresses (may hold slot markers until resolved). */
export interface GreetingFact {
  part: Part;
  line: string;
  name: string;
  /** The name with the slot markers of the recipient values it printed, once `name` is filled in. */
  masked?: string | undefined;
}

const OPENING =
  /^(?:bonjour|bonsoir|salut|coucou|cher|ch[èe]re|chers|ch[èe]res|hello|hi|hiya|hey|howdy|g['’]day|kia\s+ora|dear|greetings|good\s+(?:morning|afternoon|evening))(?=[\s,!.:;]|$)[\s,]*/iu;
const CIVILITY = new Set([
  'madame', 'monsieur', 'mademoiselle', 'mme', 'mmes', 'm', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'docteur', 'docteure',
  'professeur', 'professeure', 'pr', 'prof', 'maitre', 'me', 'sir', 'madam', 'messieurs', 'mesdames', 'et', 'and', 'cher', 'chere',
  'ou', 'or',
  // Honorifics written before a surname: councillors (« Cr », "Cllr"), clergy, the military, the bench.
  'cr', 'cllr', 'councillor', 'hon', 'honourable', 'honorable', 'rev', 'revd', 'reverend', 'fr', 'father', 'sr', 'sister',
  'lord', 'lady', 'dame', 'rabbi', 'imam', 'pastor', 'capt', 'captain', 'col', 'colonel', 'maj', 'major', 'lt', 'sgt',
  'judge', 'justice', 'mgr', 'monseigneur', 'abbe', 'pere', 'soeur', 'capitaine', 'commandant', 'lieutenant', 'general',
]);
// Lower-case words that belong inside a name (« Marie de La Tour », "Ludwig van Beethoven").
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'di', 'da', 'dos', 'del', 'ben', 'bin', 'el', 'al', 'ter', 'ten', 'y', "d'"]);
const GENERIC =
  /^(?:tou(?:s|tes?)|a|à|all|everyone|everybody|there|team|folks|friends?|ami(?:e|es|s)?|colleagues?|coll[eè]gues?|participants?|participantes?|inscrit(?:e|es|s)?|partenaires?|membres?|members?|attendees?|subscribers?|abonn[ée](?:e|es|s)?|lecteurs?|lectrices?|readers?|clients?|customers?|utilisateurs?|users?|visiteurs?|all of you|vous|you|équipe|equipe|agents?|élus?|elus?|adhérents?|adherents?|collectivités?|partners?|koutou|katoa|t[āa]tou|mates?|y'?all|guys|crew)$/iu;

// A column that holds the name the recipient goes by (« Prénom d'usage », "Preferred name", "Nickname",
// « Civilité »…), which may differ from their first and last names; not someone else's ("Headteacher",
// « Référent », "Manager name"). A full-name column must hold the first and last names: a shifted one
// names someone else.
const OWN_NAME_COLUMN = /prefer|nick|surnom|usage|usuel|known|pseudo|appel|salutation|civilit|honorific|titre|title/i;
const OTHER_PERSON_COLUMN = /head|manager|r[eé]f[eé]rent|contact|responsable|direct|tut(?:eur|or)|parent|conjoint|spouse|partner|boss|supervis|teacher|enseignant|speaker|intervenant|organi|company|soci[eé]t[eé]|structure|commune|city|ville|school|[eé]cole|service|team|[eé]quipe|event|webinar|assistant|colleague|coll[eè]gue|mentor|coach/i;

/** True for a recipient column that holds the name the recipient goes by, which a greeting may use. */
export function isOwnNameColumn(column: string): boolean {
  return OWN_NAME_COLUMN.test(column) && !OTHER_PERSON_COLUMN.test(column);
}

const tokenCache = new Map<string, string[]>();
const TOKEN_CACHE_SIZE = 50_000;

/** The comparable words of a person's name: folded, split on spaces, commas and dots, emoji dropped. */
export function nameTokens(name: string): string[] {
  let tokens = tokenCache.get(name);
  if (tokens) return tokens;
  tokens = fold(name)
    .replace(/[()·.!?;:"«»/]/g, ' ')
    .split(/[\s,]+/)
    .filter((t) => /[\p{L}\d]/u.test(t));
  // First names repeat across a list: a bounded cache spares most of the folding.
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
  tokenCache.set(name, tokens);
  return tokens;
}

// Offices addressed instead of a name: « Madame la Maire », « Monsieur le Président », "Dear Director".
const OFFICE = /^(?:la|le|les|l'|the|maire|president|presidente|vice-president|vice-presidente|directeur|directrice|director|prefet|prefete|ministre|minister|depute|deputee|senateur|senatrice|conseiller|conseillere|delegue|deleguee|adjoint|adjointe|secretaire|general|generale|chef|cheffe|responsable|chargee?|manager|head|mayor|chair|chairman|chairwoman|commissaire|recteur|rectrice|doyen|doyenne|dean|vice|ingenieur|ingenieure)$/;

/** Words that form the name of a greeting line, civilities removed; empty for « Bonjour à tous ». */
export function greetingNameWords(name: string): string[] {
  const tokens = nameTokens(name);
  if (tokens.some((t) => GENERIC.test(t))) return [];
  const words = tokens.filter((t) => !CIVILITY.has(t));
  // An office after the civility (« Madame la Maire », « Monsieur le Directeur des soins ») names a
  // function, not a person.
  if (words.every((w) => OFFICE.test(w))) return [];
  if (/^(?:la|le|l'|the)$/.test(words[0] ?? '') && OFFICE.test(words[1] ?? '')) return [];
  return words;
}

const NAME_START = /^[\p{Lu}[{<%*$\uE000-\uE003]/u;

/**
 * The name at the start of a salutation's clause: capitalised words, markers and placeholders, with
 * particles between them; it stops at the first ordinary word (« Marie et bienvenue » → « Marie »).
 */
function nameRun(clause: string): string {
  const tokens = clause.split(/\s+/).filter(Boolean);
  const taken: string[] = [];
  for (let i = 0; i < tokens.length && taken.length < 6; i++) {
    const token = tokens[i]!;
    if (NAME_START.test(token)) {
      taken.push(token);
      continue;
    }
    const next = tokens[i + 1];
    if (taken.length > 0 && PARTICLES.has(token.toLowerCase()) && next && NAME_START.test(next)) {
      taken.push(token);
      continue;
    }
    break;
  }
  return taken.join(' ');
}

/**
 * « Bonjour<br>Solenn, »: an opening alone on its line (no comma after it), the name on the next line,
 * short and ending like a salutation.
 */
function isNameOnNextLine(line: string, opening: string, next: string): boolean {
  return opening.length === line.length && /^\p{L}+$/u.test(line.split(/\s+/).pop() ?? '') && /^[^,!.:;?]{1,40}[,!]$/.test(next) && next.split(/\s+/).length <= 4;
}

/**
 * Salutation lines (« Bonjour Marie, », "Dear Dr Smith,") with the name they address. A line whose
 * name starts in lower case (« Bonjour et bienvenue ») or addresses a group (« Bonjour à tous ») has no name.
 */
export function extractGreetings(part: Part, text: string): GreetingFact[] {
  const facts: GreetingFact[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    let opening = OPENING.exec(line);
    if (!opening) continue;
    const next = lines[i + 1]?.trim() ?? '';
    if (isNameOnNextLine(line, opening[0], next)) {
      line = `${line} ${next}`;
      opening = OPENING.exec(line)!;
    }
    const rest = line.slice(opening[0].length);
    const written = /^[^,!:;?\n]*/.exec(rest)?.[0] ?? '';
    // "Hello, Harbour Seal! by Maren Tolley": an exclamation that the line goes on in lower case is a
    // title being quoted (a book, a song), not a salutation.
    if (/^[!?]\s*\p{Ll}/u.test(rest.slice(written.length))) continue;
    const clause = written.replace(/\s*\.$/, '').trim();
    const name = nameRun(clause);
    if (name === '') continue;
    facts.push({ part, line, name });
  }
  return facts;
}
