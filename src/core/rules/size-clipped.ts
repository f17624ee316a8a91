import type { MessageRule } from './rule.ts';

/** size.clipped: the HTML is larger than what Gmail shows before clipping (102 KB). */
export const sizeClipped: MessageRule = {
  id: 'size.clipped',
  defaultSeverity: 'warn',
  scope: 'message',
  isPerShape: false,
  check({ htmlBytes }, ctx) {
    const limit = ctx.thresholds.clipBytes;
    if (htmlBytes <= limit) return [];
    return [
      {
        message: `the HTML is ${Math.round(htmlBytes / 1024)} KB; Gmail clips messages over ${Math.round(limit / 1024)} KB`,
        expected: `at most ${Math.round(limit / 1024)} KB`,
        found: `${Math.round(htmlBytes / 1024)} KB`,
      },
    ];
  },
};
