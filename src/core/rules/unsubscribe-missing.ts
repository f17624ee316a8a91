import { say, type MessageRule, type Observation } from './rule.ts';

/** unsubscribe.missing: a body (HTML, or the plain-text body when the draft has one) has no unsubscribe link. */
export const unsubscribeMissing: MessageRule = {
  id: 'unsubscribe.missing',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ shape }, ctx) {
    const language = ctx.self.event.language;
    const expected = say(language, 'un lien de désinscription ({{unsubscribeUrl}})', 'an unsubscribe link ({{unsubscribeUrl}})');
    const found: Observation[] = [];
    if (!shape.unsubscribe.html) {
      found.push({
        message: say(
          language,
          'le corps HTML n’a pas de lien de désinscription ; ajoutez <a href="{{unsubscribeUrl}}">',
          'the HTML body has no unsubscribe link; add <a href="{{unsubscribeUrl}}">',
        ),
        expected,
        found: say(language, 'aucun lien de désinscription dans le corps HTML', 'no unsubscribe link in the HTML body'),
      });
    }
    if (shape.unsubscribe.text === false) {
      found.push({
        message: say(
          language,
          'la version texte n’a pas de lien de désinscription ; ajoutez {{unsubscribeUrl}}',
          'the plain-text body has no unsubscribe link; add {{unsubscribeUrl}}',
        ),
        expected,
        found: say(language, 'aucun lien de désinscription dans la version texte', 'no unsubscribe link in the plain-text body'),
      });
    }
    return found;
  },
};
