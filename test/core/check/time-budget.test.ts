import { describe, expect, it } from 'vitest';
import { parseCampaign } from '../../../src/core/campaign/parse-campaign.ts';
import { checkCampaign } from '../../../src/core/check/check-campaign.ts';
import { aCampaign, campaignFiles, NOW, type RecipientRow } from '../../support/campaign-builder.ts';

const unsubscribeUrl = () => 'https://guard.numerique-territoires.fr/unsubscribe/x';

function manyRecipients(count: number): RecipientRow[] {
  return Array.from({ length: count }, (_, i) => ({ email: `agent${i}@ville-saint-amand.fr`, firstName: `Agent${i}`, lastName: 'Durand', attended: true }));
}

/** An `isOutOfTime` that answers false `times` times, then true. */
function outOfTimeAfter(times: number): () => boolean {
  let asked = 0;
  return () => asked++ >= times;
}

describe('the check time budget (fail closed)', () => {
  it('blocks every recipient it had no time to check, with check.incomplete', async () => {
    const campaign = aCampaign({ recipients: manyRecipients(100) });
    const report = await checkCampaign(campaign, { now: NOW, unsubscribeUrl, isOutOfTime: outOfTimeAfter(2) });
    expect(report.verdict).toBe('blocked');
    const [finding] = report.findings.filter((f) => f.rule === 'check.incomplete');
    expect(finding).toMatchObject({ severity: 'block', recipients: 68, found: '68 destinataires sur 100 non vérifiés' });
    expect(finding!.examples[0]).toBe('agent32@ville-saint-amand.fr');
    expect(report.findings.map((f) => f.rule)).toEqual(['check.incomplete']);
  });

  it('never sees a message it did not check: the unchecked recipients get no onMessage', async () => {
    const seen: string[] = [];
    await checkCampaign(aCampaign({ recipients: manyRecipients(40) }), {
      now: NOW,
      unsubscribeUrl,
      isOutOfTime: outOfTimeAfter(1),
      onMessage: (r) => seen.push(r.email),
    });
    expect(seen).toHaveLength(16);
  });

  it('checks everyone and stays ready while there is time', async () => {
    const report = await checkCampaign(aCampaign({ recipients: manyRecipients(100) }), { now: NOW, unsubscribeUrl, isOutOfTime: () => false });
    expect(report).toMatchObject({ verdict: 'ready', findings: [] });
  });

  it('refuses a guard.config.json that tries to turn it off', () => {
    const files = campaignFiles({ config: { rules: { 'check.incomplete': 'off' } } });
    expect(() => parseCampaign(files)).toThrow(/guard\.config\.json.*check\.incomplete.*cannot be set: followup-guard raises it itself/s);
  });
});
