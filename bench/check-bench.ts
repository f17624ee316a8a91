// npm run bench: recipients per second of `check` (render + every rule) at 1,000, 10,000 and 100,000
// recipients, each size in a fresh process so that its peak RSS is its own; then the naive path
// (Handlebars then MJML for every recipient) on a 200-recipient sample, with the ratio.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import { parseCampaign } from '../src/core/campaign/parse-campaign.ts';
import { checkCampaign, selectRecipients } from '../src/core/check/check-campaign.ts';
import { compileHandlebars, isProblem } from '../src/core/render/handlebars-program.ts';
import { prepareTemplates } from '../src/core/render/render-plan.ts';
import { syntheticCampaign } from './synthetic-campaign.ts';

const DEMO = fileURLToPath(new URL('../examples/demo-campaign', import.meta.url));
const unsubscribeUrl = (r: { email: string }) => `https://guard.numerique-territoires.fr/unsubscribe/${encodeURIComponent(r.email)}`;
const now = new Date('2026-11-26T12:00:00Z');

async function measureCheck(count: number) {
  const files = await syntheticCampaign(DEMO, count);
  const started = process.hrtime.bigint();
  const campaign = parseCampaign(files);
  const report = await checkCampaign(campaign, { now, unsubscribeUrl });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    count,
    seconds,
    perSecond: count / seconds,
    microsPerRecipient: (seconds * 1e6) / count,
    verdict: report.verdict,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function measureNaive(sample: number) {
  const files = await syntheticCampaign(DEMO, sample);
  const campaign = parseCampaign(files);
  const prepared = await prepareTemplates(campaign);
  const plan = prepared.plan!;
  const source = compileHandlebars(campaign.html.file, campaign.html.source, { noEscape: false });
  if (isProblem(source)) throw new Error(source.message.en);
  const selected = selectRecipients(campaign);
  let started = process.hrtime.bigint();
  for (const { recipient } of selected) {
    const mjml = source.render(plan.context(recipient, unsubscribeUrl(recipient)));
    await mjml2html(mjml, { validationLevel: 'soft' });
  }
  const naive = Number(process.hrtime.bigint() - started) / 1e9 / selected.length;
  started = process.hrtime.bigint();
  for (let round = 0; round < 20; round++) for (const { recipient } of selected) plan.render(recipient, unsubscribeUrl(recipient));
  const fast = Number(process.hrtime.bigint() - started) / 1e9 / (selected.length * 20);
  return { sample: selected.length, naiveMicros: naive * 1e6, fastRenderMicros: fast * 1e6 };
}

const mode = process.argv[2];
if (mode === 'check') {
  process.stdout.write(JSON.stringify(await measureCheck(Number(process.argv[3]))));
} else {
  void Handlebars;
  console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} · ${cpus().length} cores · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}`);
  console.log('check (render + every rule), one process per size, one core:');
  const results = [];
  for (const count of [1_000, 10_000, 100_000]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'check', String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out);
    results.push(r);
    console.log(
      `  ${String(count).padStart(7)} recipients: ${r.seconds.toFixed(2).padStart(6)} s · ${Math.round(r.perSecond).toLocaleString('en').padStart(7)} recipients/s · ${r.microsPerRecipient.toFixed(1)} µs/recipient · peak RSS ${Math.round(r.peakRssMb)} MB · ${r.verdict}`,
    );
  }
  const ratio = results[2].microsPerRecipient / results[0].microsPerRecipient;
  console.log(`  cost per recipient at 100,000 / at 1,000: ${ratio.toFixed(2)}× (the 1,000 run is mostly the once-per-campaign work)`);
  const marginal = (a: { seconds: number; count: number }, b: { seconds: number; count: number }) => ((b.seconds - a.seconds) * 1e6) / (b.count - a.count);
  console.log(`  marginal cost per recipient: ${marginal(results[0], results[1]).toFixed(1)} µs from 1,000 to 10,000, ${marginal(results[1], results[2]).toFixed(1)} µs from 10,000 to 100,000`);
  const naive = await measureNaive(200);
  console.log(`naive path (Handlebars then MJML per recipient), ${naive.sample} recipients:`);
  console.log(`  ${naive.naiveMicros.toFixed(0)} µs/recipient naive · ${naive.fastRenderMicros.toFixed(1)} µs/recipient fast render · ${(naive.naiveMicros / naive.fastRenderMicros).toFixed(0)}× faster`);
  console.log(`  full check at 100,000 (${results[2].microsPerRecipient.toFixed(1)} µs/recipient) is ${(naive.naiveMicros / results[2].microsPerRecipient).toFixed(0)}× cheaper than the naive render alone`);
}
