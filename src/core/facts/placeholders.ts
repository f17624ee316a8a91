import { fold } from '../text/fold.ts';
import type { Part } from './message-text.ts';

/** Merge syntax or filler left in a rendered message. */
export interface PlaceholderFact {
  part: Part;
  text: string;
}

const FIELD_WORDS =
  '(?:pr[ée]nom|prenom|nom(?: de famille| du webinaire| de l[\'’]événement| de l[\'’]evenement| complet)?|name|full ?name|first[ _-]?name|last[ _-]?name|firstname|lastname|fname|lname|civilit[ée]|e-?mail|adresse(?: e-?mail)?|soci[ée]t[ée]|organi[sz]ation|organisme|company|entreprise|collectivit[ée]|structure|ville|city|commune|titre(?: du webinaire)?|title|date(?: du webinaire)?|heure|time|lien(?: [\\wéè]+)*|link(?: [\\w]+)*|url(?: [\\w]+)*|fonction|poste|job[ _-]?title|role|r[ôo]le|destinataire|recipient|intervenant(?:e|s)?|speaker|insérer[^\\]]*|inserer[^\\]]*|insert[^\\]]*|à compléter|a completer|to be completed|to complete|tbd|tbc|xx+)';

const PATTERNS: RegExp[] = [
  /\{\{[^{}]*\}?\}\}|\{\{|\}\}/g, // leftover Handlebars / Mustache
  /\*\|[A-Z0-9_:]+\|\*/gi, // Mailchimp *|FNAME|*
  /%%[^%\s][^%\n]{0,40}%%/g, // %%FirstName%%
  /%[A-Z][A-Z0-9_]{2,30}%/g, // %FIRSTNAME% (not a percent-encoded byte such as %C3%)
  /\$\{[^}\n]{0,60}\}/g, // ${firstName}
  /##[A-Za-zÀ-ÿ_][\wÀ-ÿ.-]{1,30}##/g, // ##PRENOM## (mailing tools' merge fields)
  /\[\[\s*[A-Za-zÀ-ÿ_][\wÀ-ÿ. -]{0,30}\]\]/g, // [[FirstName]]
  /(?<![\w{$])\{\s*[A-Za-zÀ-ÿ_][\wÀ-ÿ.-]{0,40}\s*\}(?!\})/g, // {firstName}, {prénom}
  new RegExp(`\\[\\s*${FIELD_WORDS}\\s*\\]`, 'giu'), // [Prénom], [FIRST NAME], [LIEN REPLAY]
  new RegExp(`<<\\s*${FIELD_WORDS}\\s*>>|«\\s*${FIELD_WORDS}\\s*»|<\\s*${FIELD_WORDS}\\s*>`, 'giu'), // Word merge fields «Prénom», <Prénom>
  /(?<![\p{L}\d])[Xx]{3,}(?![\p{L}\d])/gu, // XXX
  /(?<![A-Za-zÀ-ÿ\d])XX[/:h.]XX(?:[/.]XX(?:XX)?)?(?![A-Za-zÀ-ÿ\d])/g, // XX/XX/XXXX, XXhXX
  /\b(?:TODO|FIXME|TBD|TBC)\b/g,
  /\b[àa] compl[ée]ter\b|\bà définir\b|\ba definir\b|\bto be (?:completed|confirmed|defined)\b/gi,
  // « Intervenants : [à préciser] »: an instruction left in brackets (not « la date reste à préciser »).
  /\[\s*(?:[àa] (?:pr[ée]ciser|confirmer|venir|d[ée]finir|compl[ée]ter)|to be (?:confirmed|announced|defined|completed)|tba|tbc|tbd)\s*\]/giu,
  /\blorem ipsum\b|\bdolor sit amet\b/gi,
];

// Upper-case bracketed instructions to the author: « [TEXTE D'APERÇU] », « [NOM DE L'INTERVENANT] »,
// « [DATE À CONFIRMER] » — not a subject tag such as « [REPLAY] » or « [WEBINAIRE ZFE] ».
const SHOUTED = /\[\s*([^\][\n]{2,60}?)\s*\]/g;
const FILLER_WORD = /\b(?:texte|text|nom|name|date|lien|link|url|description|titre|title|prenom|insere?r|insert|completer|confirmer|confirm|adresse|address|image|apercu|preview|resume|placeholder|ici|here|a definir|tbd|xx+|legende|caption|photo|logo|intervenant|speaker|chiffre|montant|numero|number)\b/;

// Merge-field words that combine into one filler: « [Prénom NOM] », "[First name / Last name]".
const FIELD_TOKEN = new Set(['prenom', 'nom', 'name', 'first', 'last', 'firstname', 'lastname', 'fname', 'lname', 'civilite', 'email', 'mail', 'e', 'adresse', 'societe', 'organisation', 'organization', 'organisme', 'structure', 'ville', 'city', 'fonction', 'poste', 'job', 'title', 'titre', 'role', 'company', 'entreprise', 'collectivite', 'service', 'etablissement', 'commune', 'participant', 'participante', 'intervenant', 'intervenante', 'contact', 'referent', 'referente', 'date', 'heure', 'lieu', 'lien']);
// « [Nom de la structure] », "[Name of the organisation]": small words between field words.
const JOINER = new Set(['et', 'and', 'ou', 'or', '&', 'de', 'du', 'des', 'la', 'le', 'l', 'd', 'of', 'the', 'your', 'votre']);

function isFieldCombination(content: string): boolean {
  const tokens = fold(content).split(/[\s,/+|_'-]+/).filter((t) => t !== '');
  const words = tokens.filter((t) => !JOINER.has(t));
  return words.length >= 2 && words.every((t) => FIELD_TOKEN.has(t)) && words.some((t) => t !== 'e' && t !== 'mail');
}

function shoutedFillers(part: Part, text: string, into: PlaceholderFact[]): void {
  for (const match of text.matchAll(SHOUTED)) {
    const content = match[1]!;
    if (isFieldCombination(content)) {
      into.push({ part, text: match[0] });
      continue;
    }
    if (/[\uE000-\uE003]/.test(content) || content !== content.toUpperCase() || !/\p{Lu}/u.test(content)) continue;
    const folded = fold(content).replace(/['_-]/g, ' ');
    if (FILLER_WORD.test(folded)) into.push({ part, text: match[0] });
  }
}

/** Merge syntax and filler in a text: `{{ }}`, `*|FNAME|*`, `%%…%%`, `[Prénom]`, `{firstName}`, `${…}`, XXX, TODO, lorem ipsum. */
export function extractPlaceholders(part: Part, text: string): PlaceholderFact[] {
  const facts: PlaceholderFact[] = [];
  shoutedFillers(part, text, facts);
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      // A slot or missing marker is the renderer's own, not filler.
      if (/[\uE000-\uE003]/.test(match[0])) continue;
      if (!facts.some((f) => f.text === match[0])) facts.push({ part, text: match[0] });
    }
  }
  return facts;
}
