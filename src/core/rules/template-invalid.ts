import { say, type CampaignRule } from './rule.ts';

/** template.invalid: the MJML, the body or the subject template does not compile as written. */
export const templateInvalid: CampaignRule = {
  id: 'template.invalid',
  defaultSeverity: 'block',
  scope: 'campaign',
  check(ctx, { templateProblems }) {
    const language = ctx.self.event.language;
    return templateProblems.map((p) => {
      const where = say(language, `${p.file}${p.line ? ` ligne ${p.line}` : ''} :`, `${p.file}${p.line ? ` line ${p.line}` : ''}:`);
      const problem = `${where} ${p.message[language]}`;
      return {
        message: problem,
        expected: say(language, 'un modèle qui se compile et s’affiche tel qu’il est écrit', 'a template that compiles and renders as written'),
        found: problem,
      };
    });
  },
};
