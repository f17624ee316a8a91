import type { MessageRule } from './rule.ts';

/** field.missing: a value the template prints is absent or empty for this recipient and no {{#if}} guards it. */
export const fieldMissing: MessageRule = {
  id: 'field.missing',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ shape }, ctx) {
    const columns = ['email', 'firstName', 'lastName', 'attended', ...ctx.campaign.recipients.extraColumns];
    return shape.missing.map((path) => ({
      message:
        path.startsWith('recipient.') && !columns.includes(path.slice('recipient.'.length))
          ? `{{${path}}}: recipients.csv has no such column (the template can use recipient.${columns.join(', recipient.')})`
          : `{{${path}}} is printed but has no value for some recipients; fill it in or guard it with {{#if ${path}}}`,
      expected: `a value for {{${path}}} (or an {{#if ${path}}} around it)`,
      found: `{{${path}}} is empty`,
    }));
  },
};
