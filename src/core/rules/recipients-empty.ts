import { say, type CampaignRule } from './rule.ts';

/** recipients.empty: nobody would receive the message. */
export const recipientsEmpty: CampaignRule = {
  id: 'recipients.empty',
  defaultSeverity: 'block',
  scope: 'campaign',
  check(ctx, { selected }) {
    if (selected.length > 0) return [];
    const language = ctx.self.event.language;
    const { rows } = ctx.campaign.recipients;
    const audience = ctx.campaign.draft.audience;
    const why =
      rows.length === 0
        ? say(language, 'recipients.csv ne contient aucune adresse valide', 'recipients.csv has no valid address')
        : say(
            language,
            `l’audience « ${audience} » ne retient aucun des ${rows.length} destinataires valides`,
            `audience "${audience}" selects none of the ${rows.length} valid recipients`,
          );
    return [
      {
        message: say(language, `aucun destinataire n’est sélectionné : ${why}`, `no recipient is selected: ${why}`),
        expected: say(language, 'au moins un destinataire sélectionné', 'at least one selected recipient'),
        found: why,
        recipients: 0,
        examples: [],
      },
    ];
  },
};
