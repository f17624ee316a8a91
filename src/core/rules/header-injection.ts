import type { MessageRule } from './rule.ts';

// Any control character: a line break in a header starts a new header (`\r\nBcc: …`).
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * header.injection (added rule, block): the rendered subject holds a line break or another control
 * character — a recipient value with a newline would otherwise become a header of its own.
 */
export const headerInjection: MessageRule = {
  id: 'header.injection',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: false,
  check({ subject }) {
    if (!CONTROL.test(subject)) return [];
    const shown = subject.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/[\u0000-\u001f\u007f]/g, '\\u…');
    return [
      {
        message: 'the subject holds a line break or a control character (from a recipient value): it could add mail headers',
        expected: 'a subject on one line',
        found: shown.slice(0, 160),
      },
    ];
  },
};
