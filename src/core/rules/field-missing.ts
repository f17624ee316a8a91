import { say, type MessageRule } from './rule.ts';

/** field.missing: a value the template prints is absent or empty for this recipient and no {{#if}} guards it. */
export const fieldMissing: MessageRule = {
  id: 'field.missing',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ shape }, ctx) {
    const language = ctx.self.event.language;
    const columns = ['email', 'firstName', 'lastName', 'attended', ...ctx.campaign.recipients.extraColumns];
    const usable = `recipient.${columns.join(', recipient.')}`;
    return shape.missing.map((path) => ({
      message:
        path.startsWith('recipient.') && !columns.includes(path.slice('recipient.'.length))
          ? say(
              language,
              `{{${path}}} : recipients.csv n’a pas cette colonne (le modèle peut utiliser ${usable})`,
              `{{${path}}}: recipients.csv has no such column (the template can use ${usable})`,
            )
          : say(
              language,
              `{{${path}}} est affiché mais vide pour certains destinataires : remplissez-le ou entourez-le de {{#if ${path}}}`,
              `{{${path}}} is printed but has no value for some recipients; fill it in or guard it with {{#if ${path}}}`,
            ),
      expected: say(language, `une valeur pour {{${path}}} (ou un {{#if ${path}}} autour)`, `a value for {{${path}}} (or an {{#if ${path}}} around it)`),
      found: say(language, `{{${path}}} est vide`, `{{${path}}} is empty`),
    }));
  },
};
