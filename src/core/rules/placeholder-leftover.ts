import type { MessageRule } from './rule.ts';

/** placeholder.leftover: the rendered message still holds merge syntax or filler text. */
export const placeholderLeftover: MessageRule = {
  id: 'placeholder.leftover',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ placeholders }) {
    const seen = new Set<string>();
    return placeholders.flatMap((p) => {
      if (seen.has(p.text)) return [];
      seen.add(p.text);
      return [
        {
          message: `the ${p.part === 'html' ? 'body' : p.part === 'text' ? 'plain-text body' : 'subject'} still contains the filler "${p.text}"`,
          expected: 'personalised or final text',
          found: p.text,
        },
      ];
    });
  },
};
