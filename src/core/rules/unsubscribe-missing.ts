import type { MessageRule } from './rule.ts';

/** unsubscribe.missing: a body (HTML, or the plain-text body when the draft has one) has no unsubscribe link. */
export const unsubscribeMissing: MessageRule = {
  id: 'unsubscribe.missing',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ shape }) {
    const found = [];
    if (!shape.unsubscribe.html) {
      found.push({
        message: 'the HTML body has no unsubscribe link; add <a href="{{unsubscribeUrl}}">',
        expected: 'an unsubscribe link ({{unsubscribeUrl}})',
        found: 'no unsubscribe link in the HTML body',
      });
    }
    if (shape.unsubscribe.text === false) {
      found.push({
        message: 'the plain-text body has no unsubscribe link; add {{unsubscribeUrl}}',
        expected: 'an unsubscribe link ({{unsubscribeUrl}})',
        found: 'no unsubscribe link in the plain-text body',
      });
    }
    return found;
  },
};
