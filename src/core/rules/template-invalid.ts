import type { CampaignRule } from './rule.ts';

/** template.invalid: the MJML, the body or the subject template does not compile as written. */
export const templateInvalid: CampaignRule = {
  id: 'template.invalid',
  defaultSeverity: 'block',
  scope: 'campaign',
  check(_ctx, { templateProblems }) {
    return templateProblems.map((p) => {
      const where = `${p.file}${p.line ? ` line ${p.line}` : ''}`;
      return {
        message: `${where}: ${p.message}`,
        expected: 'a template that compiles and renders as written',
        found: `${where}: ${p.message}`,
      };
    });
  },
};
