import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../src/adapters/local/campaign-folder.ts';
import { parseCampaign } from '../src/core/campaign/parse-campaign.ts';
import { checkCampaign } from '../src/core/check/check-campaign.ts';
import { CampaignInputError } from '../src/core/errors.ts';
import { NOW } from './support/campaign-builder.ts';

interface Expected {
  exit: 0 | 1 | 2;
  anyOf: string[];
  note: string;
}

const ROOTS = ['test/fixtures/campaigns', '../shared/examples/campaigns'].filter(existsSync);
const cases = ROOTS.flatMap((root) =>
  readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'expected.json')))
    .map((name) => ({ folder: join(root, name), expected: JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected })),
);

const unsubscribeUrl = (r: { email: string }) => `https://guard.numerique-territoires.fr/unsubscribe/${encodeURIComponent(r.email)}`;

describe('the campaign corpus: many authors, French and English, correct, broken and unreadable', () => {
  it('has cases of every kind', () => {
    expect(cases.filter((c) => c.expected.exit === 0).length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.expected.exit === 1).length).toBeGreaterThanOrEqual(50);
    expect(cases.filter((c) => c.expected.exit === 2).length).toBeGreaterThanOrEqual(10);
  });

  for (const { folder, expected } of cases) {
    it(`${folder}: ${expected.note}`, async () => {
      const files = await readCampaignFolder(folder);
      if (expected.exit === 2) {
        const error = (() => {
          try {
            parseCampaign(files);
          } catch (e) {
            return e;
          }
          return undefined;
        })();
        expect(error).toBeInstanceOf(CampaignInputError);
        expect((error as Error).message).toMatch(/event\.json|draft\.json|recipients\.csv|\.mjml|\.txt|guard\.config\.json|catalog\//);
        return;
      }
      const report = await checkCampaign(parseCampaign(files), { now: NOW, unsubscribeUrl });
      const blocking = report.findings.filter((f) => f.severity === 'block').map((f) => f.rule);
      if (expected.exit === 0) {
        expect(report.verdict).toBe('ready');
        // The correct cases are written to raise no warning either.
        expect(report.findings.map((f) => `${f.rule}: ${f.found}`)).toEqual([]);
      } else {
        expect(report.verdict).toBe('blocked');
        expect(blocking.some((rule) => expected.anyOf.includes(rule))).toBe(true);
        // Apart from their one defect the blocked cases are clean: any other blocking rule is a false positive.
        expect(blocking.filter((rule) => !expected.anyOf.includes(rule))).toEqual([]);
      }
    });
  }
});

describe('the examples', () => {
  it('passes the demo campaign and blocks its stale copy on the replay link', async () => {
    const clean = await checkCampaign(parseCampaign(await readCampaignFolder('examples/demo-campaign')), { now: NOW, unsubscribeUrl });
    const stale = await checkCampaign(parseCampaign(await readCampaignFolder('examples/demo-campaign-stale')), { now: NOW, unsubscribeUrl });
    expect(clean.findings).toEqual([]);
    expect(stale.verdict).toBe('blocked');
    expect(stale.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['stale.reference', 'link.mismatch']));
  });

  it('keeps the demo campaign on the French template of templates/', () => {
    expect(readFileSync('examples/demo-campaign/followup.mjml', 'utf8')).toBe(readFileSync('templates/followup-fr.mjml', 'utf8'));
    expect(readFileSync('examples/demo-campaign/followup.txt', 'utf8')).toBe(readFileSync('templates/followup-fr.txt', 'utf8'));
  });
});
