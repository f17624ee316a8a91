import { say, type MessageRule } from './rule.ts';

/** size.clipped: the HTML is larger than what Gmail shows before clipping (102 KB). */
export const sizeClipped: MessageRule = {
  id: 'size.clipped',
  defaultSeverity: 'warn',
  scope: 'message',
  isPerShape: false,
  check({ htmlBytes }, ctx) {
    const limit = ctx.thresholds.clipBytes;
    if (htmlBytes <= limit) return [];
    const language = ctx.self.event.language;
    const size = Math.round(htmlBytes / 1024);
    const max = Math.round(limit / 1024);
    return [
      {
        message: say(
          language,
          `le HTML pèse ${size} Ko ; Gmail tronque les messages de plus de ${max} Ko`,
          `the HTML is ${size} KB; Gmail clips messages over ${max} KB`,
        ),
        expected: say(language, `au plus ${max} Ko`, `at most ${max} KB`),
        found: say(language, `${size} Ko`, `${size} KB`),
      },
    ];
  },
};
