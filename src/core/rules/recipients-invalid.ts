import { say, type CampaignRule } from './rule.ts';

/** recipients.invalid: rows whose address is malformed; they are left out of the send. */
export const recipientsInvalid: CampaignRule = {
  id: 'recipients.invalid',
  defaultSeverity: 'warn',
  scope: 'campaign',
  check(ctx) {
    const { invalid } = ctx.campaign.recipients;
    if (invalid.length === 0) return [];
    const language = ctx.self.event.language;
    const count = invalid.length;
    return [
      {
        message: say(
          language,
          count > 1
            ? `${count} lignes n’ont pas d’adresse électronique valide : elles seront écartées de l’envoi`
            : '1 ligne n’a pas d’adresse électronique valide : elle sera écartée de l’envoi',
          `${count} row${count > 1 ? 's have' : ' has'} no valid email address and will not be sent`,
        ),
        expected: say(language, 'une adresse électronique sur chaque ligne', 'an email address on every row'),
        found: invalid
          .slice(0, 3)
          .map((r) =>
            say(
              language,
              `recipients.csv ligne ${r.line} : « ${r.value} » ${r.reason === 'no address' ? 'est vide' : 'n’est pas une adresse électronique'}`,
              `recipients.csv line ${r.line}: "${r.value}" is ${r.reason === 'no address' ? 'empty' : 'not an email address'}`,
            ),
          )
          .join(say(language, ' ; ', '; ')),
        recipients: count,
        examples: invalid.slice(0, 5).map((r) => say(language, `ligne ${r.line} : ${r.value || '(vide)'}`, `line ${r.line}: ${r.value || '(empty)'}`)),
      },
    ];
  },
};
