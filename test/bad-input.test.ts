import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../src/adapters/local/campaign-folder.ts';
import { parseCampaign } from '../src/core/campaign/parse-campaign.ts';
import { LIMITS } from '../src/core/campaign/limits.ts';
import { checkCampaign } from '../src/core/check/check-campaign.ts';
import { CampaignInputError } from '../src/core/errors.ts';
import { sendReportCsv, spreadsheetSafe } from '../src/core/report/send-report-csv.ts';
import { NOW } from './support/campaign-builder.ts';

interface Expected {
  exit: 0 | 1 | 2;
  anyOf?: string[];
  rules?: string[];
  message?: string;
  note: string;
}

const ROOT = 'test/fixtures/bad-input';
const unsubscribeUrl = (r: { email: string }) => `https://guard.numerique-territoires.fr/unsubscribe/${encodeURIComponent(r.email)}`;

async function outcome(files: Map<string, Uint8Array | string>) {
  try {
    return { report: await checkCampaign(parseCampaign(files), { now: NOW, unsubscribeUrl }) };
  } catch (error) {
    return { error };
  }
}

describe('bad input: a clear error or a finding, never a crash', () => {
  for (const name of readdirSync(ROOT)) {
    const expected = JSON.parse(readFileSync(join(ROOT, name, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.note}`, async () => {
      const files = new Map(await readCampaignFolder(join(ROOT, name)));
      files.delete('expected.json');
      const { report, error } = await outcome(files);
      if (expected.exit === 2) {
        expect(error).toBeInstanceOf(CampaignInputError);
        expect((error as Error).message).toMatch(new RegExp(expected.message!));
        expect((error as Error).message).not.toMatch(/\n\s+at /);
        return;
      }
      expect(error).toBeUndefined();
      const rules = report!.findings.map((f) => f.rule);
      if (expected.exit === 0) expect(report!.verdict).toBe('ready');
      else expect(report!.findings.some((f) => f.severity === 'block' && expected.anyOf!.includes(f.rule))).toBe(true);
      for (const rule of expected.rules ?? []) expect(rules).toContain(rule);
    });
  }

  it('refuses a million-row list with a message naming the file and the limit', async () => {
    const files = new Map(await readCampaignFolder('examples/demo-campaign'));
    const rows = ['Prénom;Nom;E-mail;Présent'];
    for (let i = 0; i < 1_000_000; i++) rows.push(`A;B;p${i}@ville-saint-amand.fr;oui`);
    files.set('recipients.csv', rows.join('\n'));
    const { error } = await outcome(files);
    expect(error).toBeInstanceOf(CampaignInputError);
    expect((error as Error).message).toMatch(/^recipients\.csv (has 1,000,000 lines: expected at most 200,000 recipients|is [\d.]+ MB: expected at most)/);
  }, 60_000);

  it('refuses a 20 MB template with a message naming the file and the limit', async () => {
    const files = new Map(await readCampaignFolder('examples/demo-campaign'));
    const template = Buffer.from(files.get('followup.mjml')!).toString('utf8');
    files.set('followup.mjml', template.replace('<mj-body', `<!-- ${'x'.repeat(20 * 1024 * 1024)} --><mj-body`));
    const { error } = await outcome(files);
    expect((error as Error).message).toBe(`followup.mjml is 20 MB: expected at most ${LIMITS.templateBytes / 1024 / 1024} MB`);
  });

  it('exports recipients whose values are spreadsheet formulas as text', () => {
    expect(spreadsheetSafe('=HYPERLINK("https://x.fr","clic")')).toBe('\'=HYPERLINK("https://x.fr","clic")');
    expect(spreadsheetSafe('+33 6 12')).toBe("'+33 6 12");
    expect(spreadsheetSafe('@SUM(1)')).toBe("'@SUM(1)");
    expect(spreadsheetSafe('Hélène')).toBe('Hélène');
    const csv = sendReportCsv([{ position: 0, email: '=cmd@x.fr', status: 'failed', reason: '=HYPERLINK("https://x.fr")' }]);
    expect(csv).toContain(`"'=HYPERLINK(""https://x.fr"")"`);
    expect(csv).toContain("'=cmd@x.fr");
  });
});
