import { say, type MessageRule } from './rule.ts';

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
  check({ subject }, ctx) {
    if (!CONTROL.test(subject)) return [];
    const language = ctx.self.event.language;
    const shown = subject.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/[\u0000-\u001f\u007f]/g, '\\u…');
    return [
      {
        message: say(
          language,
          'l’objet contient un saut de ligne ou un caractère de contrôle (venu d’une valeur du destinataire) : il pourrait ajouter des en-têtes au message',
          'the subject holds a line break or a control character (from a recipient value): it could add mail headers',
        ),
        expected: say(language, 'un objet sur une seule ligne', 'a subject on one line'),
        found: shown.slice(0, 160),
      },
    ];
  },
};
