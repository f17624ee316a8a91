import { describe, expect, it } from 'vitest';
import { check, findingsOf, THREE_RECIPIENTS } from '../../support/campaign-builder.ts';

describe('header.injection (added rule)', () => {
  it('blocks a subject into which a recipient value brings a line break and a header', async () => {
    // Prepare
    const recipients = [{ ...THREE_RECIPIENTS[0]!, firstName: 'Hélène\r\nBcc: tout-le-monde@exemple-fuite.fr' }, ...THREE_RECIPIENTS.slice(1)];
    // Act
    const report = await check({ recipients, draft: { subject: 'Replay pour {{recipient.firstName}} – {{event.title}}' } });
    // Assess
    const [finding] = findingsOf(report, 'header.injection');
    expect(finding).toMatchObject({ severity: 'block', recipients: 1, examples: ['helene.dumas@ville-saint-amand.fr'] });
    expect(finding!.found).toContain('Hélène\\r\\nBcc: tout-le-monde@exemple-fuite.fr');
  });

  it('lets a first name with a hyphen, an apostrophe or accents into the subject', async () => {
    const recipients = [{ ...THREE_RECIPIENTS[0]!, firstName: "Marie-Hélène d'Aubigné" }, ...THREE_RECIPIENTS.slice(1)];
    const report = await check({ recipients, draft: { subject: 'Replay pour {{recipient.firstName}} – {{event.title}}' } });
    expect(findingsOf(report, 'header.injection')).toEqual([]);
  });
});
