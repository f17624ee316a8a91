import { say, type MessageRule } from './rule.ts';

/** placeholder.leftover: the rendered message still holds merge syntax or filler text. */
export const placeholderLeftover: MessageRule = {
  id: 'placeholder.leftover',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ placeholders }, ctx) {
    const language = ctx.self.event.language;
    const seen = new Set<string>();
    return placeholders.flatMap((p) => {
      if (seen.has(p.text)) return [];
      seen.add(p.text);
      return [
        {
          message: say(
            language,
            `${p.part === 'html' ? 'le corps HTML' : p.part === 'text' ? 'la version texte' : 'l’objet'} contient encore le texte provisoire « ${p.text} »`,
            `the ${p.part === 'html' ? 'body' : p.part === 'text' ? 'plain-text body' : 'subject'} still contains the filler "${p.text}"`,
          ),
          expected: say(language, 'un texte personnalisé ou définitif', 'personalised or final text'),
          found: p.text,
        },
      ];
    });
  },
};
