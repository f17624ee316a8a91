import { say, type MessageRule } from './rule.ts';

/** The French wording of `unsafeReason`'s reasons (an unknown reason is shown as it is). */
function reasonInFrench(reason: string): string {
  const protocol = /^a (\S+:) link$/.exec(reason)?.[1];
  if (protocol) return `un lien ${protocol}`;
  const words: Record<string, string> = {
    'a link that goes nowhere': 'un lien vide, qui ne mène nulle part',
    'a relative or malformed link, which goes nowhere in an email': 'un lien relatif ou mal formé, qui ne mène nulle part dans un e-mail',
    'plain http (not https)': 'une adresse en http simple (pas https)',
    'a private or loopback address': 'une adresse privée ou locale',
    'a bare IP address': 'une adresse IP sans nom de site',
    'a local host': 'un site local',
    'an example domain': 'un domaine d’exemple',
    'a staging or test host': 'un site de recette ou de test',
  };
  return words[reason] ?? reason;
}

/** link.unsafe: a link or image to localhost, a private address, example.com, a staging host, or plain http. */
export const linkUnsafe: MessageRule = {
  id: 'link.unsafe',
  defaultSeverity: 'block',
  scope: 'message',
  isPerShape: true,
  check({ links }, ctx) {
    const language = ctx.self.event.language;
    return links.flatMap((link) => {
      if (link.isUnsubscribeUrl) return [];
      const reason = link.unsafe;
      if (!reason) return [];
      const text = link.text ? ` (« ${link.text.slice(0, 60)} »)` : '';
      return [
        {
          message: say(
            language,
            `${link.kind === 'img' ? 'une image' : 'un lien'}${text} ne peut pas partir tel quel : ${reasonInFrench(reason)}`,
            `${link.kind === 'img' ? 'an image' : 'a link'}${text} points to ${reason}`,
          ),
          expected: say(language, 'un lien https vers un site public de production', 'an https link on a public production host'),
          found: link.href,
        },
      ];
    });
  },
};
