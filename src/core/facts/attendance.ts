import { fold } from '../text/fold.ts';
import type { Part } from './message-text.ts';

/** A sentence that tells the reader they attended, or that they missed the event. */
export interface AttendanceClaim {
  part: Part;
  claim: 'attended' | 'missed';
  phrase: string;
}

// Wording lists on folded text (no accents, lower case, straight apostrophes).
const ATTENDED: RegExp[] = [
  /\b(?:merci|(?:nous|je) (?:vous|te) remerci\w*|remerciements)(?: beaucoup| encore| a vous| a tous| a toutes et a tous| infiniment| sincerement| chaleureusement| vivement)? (?:de nous avoir|d'avoir|d'y avoir|pour avoir|de vous etre|de vous y etre|d'etre) (?:participe|assiste|suivi|ete (?:present|presente|presents|presentes|la|nombreu|des notres|parmi nous|parmi les (?:\d[\d\s]* )?(?:participant|personnes presentes|presents)|au rendez-vous|si nombreu)|rejoint|pris part|pris le temps de (?:participer|suivre|nous rejoindre)|connecte|venu|venue|venus|etre venu|assiste)/,
  /\b(?:merci|(?:nous|je) (?:vous|te) remerci\w*|remerciements)(?: beaucoup| encore| a vous| a tous| infiniment| chaleureusement| vivement)? (?:pour|de) (?:votre|ta|vos) (?:participation|presence|venue)/,
  /\b(?:ravi|ravie|ravis|ravies|heureux|heureuse|heureuses|contents?|contentes?) de vous avoir (?:vu|vue|vus|compte|comptee|comptes|accueilli|accueillie|accueillis|retrouve|eu)/,
  // « Ravie d'avoir échangé avec vous mardi », « C'était un plaisir de vous retrouver jeudi matin ».
  /\b(?:ravi|ravie|ravis|ravies|heureux|heureuse|heureuses) d'avoir (?:echange|discute|partage ce moment|passe ce moment) avec vous\b/,
  /\bc'etait un (?:(?:vrai|grand|reel) )?plaisir de vous (?:retrouver|voir|accueillir|avoir parmi nous|compter parmi nous)\b/,
  /\bvous avez ete (?:nombreu\w*|tres nombreu\w*|plus de \d+) a (?:suivre|participer|assister|nous rejoindre|vous connecter|poser)/,
  /\b(?:lors de|pendant|durant) votre participation/,
  /\b(?:nous esperons|j'espere|en esperant|nous sommes heureux) que (?:le webinaire|la session|la rencontre|la visio|les echanges|cette session|ce webinaire|la presentation|l'atelier|ce moment) vous (?:a|ont|aura|auront|ait|aient) (?:plu|interesse|ete utile|ete utiles)/,
  /\b(?:le webinaire|la session|la rencontre|les echanges|cette session|ce webinaire) vous (?:a|ont) (?:plu|interesse)/,
  /(?<!n')\bvous avez (?:apprecie|aime) (?:le webinaire|la session|la rencontre|les echanges|cette session|ce webinaire|la presentation|nos intervenants)/,
  /\bcomme vous l'avez (?:vu|entendu|constate) (?:lors|pendant|au cours|durant)/,
  /(?<!n')\bvous avez (?:assiste|participe|suivi|pris part) (?:a|au|aux) (?:notre|ce|la|le|l'|webinaire|session|atelier|conference|rencontre|visio)/,
  /\b(?:we |i )?(?:really |truly |greatly )?appreciated? (?:you |your )(?:joining|attending|participating|coming|taking part|participation|attendance|presence)/,
  /\bthanks?(?: you)?(?: so much| very much| again| all)? for (?:attending|joining|participating|being (?:with us|there|part of|one of)|coming|taking part|tuning in|your (?:participation|attendance|presence|time (?:at|during|in) (?:the|our))|showing up|making (?:it|time))/,
  /\b(?:great|nice|good|wonderful|lovely|a pleasure) (?:to see|seeing|to have|having|meeting) (?:you|so many of you)/,
  // "Thanks for spending your lunchtime with us", "thank you for giving us your morning".
  /\bthanks?(?: you)?(?: so much| very much| again| all)? for (?:spending|sharing|giving us) (?:your |the |an? |some |part of your )?(?:[\w-]+ ){0,2}?(?:time|hour|lunch|lunchtime|lunch break|morning|afternoon|evening)(?: with us| together)?\b/,
  /\bthanks?(?: you)?(?: so much| very much| again| all)? for (?:your|all your|the) (?:questions|comments|contributions) (?:in|during|throughout) (?:the )?(?:chat|q&a|session|webinar|discussion)/,
  /\bmerci (?:(?:de nous avoir|d'avoir) consacre (?:une heure|une heure et demie|deux heures|ce moment|cette (?:heure|matinee|apres-midi)|votre (?:matinee|apres-midi|pause|pause dejeuner|temps de midi))|d'avoir passe (?:ce|cette|un|une) (?:moment|heure|matinee|apres-midi|soiree|temps) avec nous|pour vos (?:questions|contributions|echanges) (?:dans|pendant|durant|lors) (?:le chat|la session|le webinaire|les echanges))/,
  /\b(?:we |i )?(?:hope|trust|are glad|am glad|are happy) (?:that )?you (?:enjoyed|liked|found|appreciated|got a lot out of) (?:the|our|this|it|today)/,
  /\byou (?:enjoyed|liked) (?:the|our|this) (?:session|webinar|talk|presentation|event|discussion)/,
  /\b(?:glad|happy|pleased|delighted|thrilled) (?:that )?you (?:could |were able to )?(?:join|attend|made it|came|took part|participated)/,
  /\bas you (?:saw|heard|learned|learnt) (?:during|in|at)/,
  /(?<!n't |not |never )\byou (?:attended|joined us|participated in|took part in)\b/,
];

const MISSED: RegExp[] = [
  /\b(?:vous )?n'avez (?:(?:malheureusement|helas|finalement|donc|alors|sans doute|visiblement|manifestement) )?pas (?:pu|eu la possibilite de|eu l'occasion de|reussi a) (?:assister|participer|vous connecter|suivre|etre (?:present|presente|des notres|parmi nous|la|avec nous)|vous joindre|nous rejoindre|venir|y assister|y participer|le suivre|la suivre|nous suivre|vous y connecter|rejoindre|etre au rendez-vous)/,
  /\b(?:vous )?n'avez (?:(?:malheureusement|helas|finalement|donc|alors|sans doute|visiblement|manifestement) )?pas (?:assiste|participe|suivi|pu venir)/,
  /\bvous n'etiez pas (?:present|presente|parmi nous|des notres|la|connecte)/,
  /\b(?:nous ne vous avons pas vu|on ne vous a pas vu|vous nous avez manque|malgre votre absence|en votre absence|vous etiez absent|vous avez ete absent|regrettons votre absence|dommage que vous n'ayez pas)/,
  // « Vous avez manqué notre webinaire », not « vous avez manqué le début » (a part of it).
  /\bvous (?:l'avez|avez) (?:manque|rate)(?:\s*(?:[.!?]|$)| (?:notre|nos|ce|cette|le|la|l'|les) ?(?:webinaire|session|rencontre|evenement|visio|visioconference|conference|atelier|rendez-vous|direct|live|diffusion|seance|matinale|table ronde))/,
  /\b(?:desole|desolee|desoles)s? (?:de ne pas vous avoir vu|que vous n'ayez pas)/,
  /\b(?:sorry|shame|pity) (?:that )?(?:we missed you|you (?:missed|couldn't|could not|weren't able|were unable))/,
  /\bwe missed you\b/,
  /\b(?:sorry|shame|pity)(?: that)? we (?:didn't|did not|couldn't|could not) (?:get to )?see you\b/,
  /\byou (?:couldn't|could not|were unable to|weren't able to|were not able to|didn't get to|did not get to|didn't manage to|did not manage to) (?:make it|attend|join|be there|be with us|come|participate|tune in|connect)/,
  /\byou (?:didn't attend|did not attend|didn't join|did not join|weren't there|were not there|were absent)\b/,
  /\byou missed (?:it\b|us\b|(?:the|our|this) (?:webinar|session|event|talk|live|meeting|seminar|workshop|conference))/,
];

// A claim inside a condition or a concession is addressed to everyone: « si vous n'avez pas pu… »,
// "in case you missed it", « que vous ayez pu assister ou non ».
const CONDITIONAL = /(?:\bsi\b|\bs'il\b|\bif\b|\bin case\b|\bwhether\b|\bque vous ayez\b|\bpour (?:ceux|celles|les personnes)\b|\bfor (?:those|anyone|everyone)\b|\bau cas ou\b|\bou non\b|\bor not\b|\bqu'\w+ ayez\b|\bvous qui\b|\bmaybe\b|\bperhaps\b|\bpeut-etre\b|\bje sais que\b|\bunless\b|\bsauf si\b)[^.!?\n]*$/;

const SURVEY_OBJECT = /^\s*(?:a|au|aux|à|in|to)\s+(?:(?:ce|cette|notre|nos|the|our|this|l')\s*)?(?:questionnaire|enquete|sondage|survey|poll|feedback|formulaire|form|consultation)/;

/**
 * Sentences telling the reader they attended or missed the event. Conditional wording (« si vous
 * n'avez pas pu », "if you missed it", « que vous ayez pu assister ou non ») is for everyone and is no claim.
 */
export function extractAttendance(part: Part, text: string): AttendanceClaim[] {
  const claims: AttendanceClaim[] = [];
  const folded = fold(text);
  for (const sentence of folded.split(/(?<=[.!?…])\s+|\n/)) {
    for (const [claim, patterns] of [
      ['attended', ATTENDED],
      ['missed', MISSED],
    ] as const) {
      for (const pattern of patterns) {
        const match = pattern.exec(sentence);
        if (!match) continue;
        const before = sentence.slice(0, match.index);
        const after = sentence.slice(match.index + match[0].length);
        if (CONDITIONAL.test(before) || /\bou non\b|\bor not\b/.test(after)) continue;
        // « Merci pour votre participation à notre questionnaire », "thanks for taking part in the survey".
        if (claim === 'attended' && SURVEY_OBJECT.test(after.slice(0, 50))) continue;
        claims.push({ part, claim, phrase: match[0] });
        break;
      }
    }
  }
  return claims;
}
