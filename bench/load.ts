// npm run load: the local stack under load. (1) 50 connections for 30 s of campaign status reads and
// review page views, with latency percentiles; (2) a large campaign sent at a configured rate, with the
// measured rate and a count of duplicates. Options: --recipients N (100000) --rate R (messages/s) --seconds S (30).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { readCampaignFolder } from '../src/adapters/local/campaign-folder.ts';
import { startLocalStack } from '../src/local-stack.ts';
import { Browser, campaignForm, mailTo } from '../test/local/stack-client.ts';
import { countingSes } from './counting-ses.ts';
import { syntheticRecipientsCsv } from './synthetic-campaign.ts';

const { values } = parseArgs({ options: { recipients: { type: 'string', default: '100000' }, rate: { type: 'string', default: '150' }, seconds: { type: 'string', default: '30' } } });
const recipients = Number(values.recipients);
const rate = Number(values.rate);
const ORGANISER = 'claire.organisatrice@numerique-territoires.fr';
const REVIEWER = 'paul.relecteur@numerique-territoires.fr';

const dataDir = mkdtempSync(join(tmpdir(), 'fg-load-'));
const ses = await countingSes();
// The stack's own inbox (aws-ses-v2-local) is used only to read the sign-in and review links: the
// participants' messages go to the counting endpoint.
const stack = await startLocalStack({
  port: 0,
  sesPort: 0,
  dynamoPort: 0,
  dataDir,
  env: { MAX_SEND_RATE_PER_SECOND: String(rate), WORKER_CONCURRENCY: '2', BATCH_SIZE: '500', CANARY_SIZE: '10', CANARY_WINDOW_SECONDS: '2', WORKER_BUDGET_MS: '3600000' },
});
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} · ${cpus().length} cores · ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version}`);

try {
  const organiser = new Browser(stack.url);
  await organiser.signIn(ORGANISER, stack.sesUrl);
  const demo = await readCampaignFolder('examples/demo-campaign');
  const first = (await (await organiser.fetch('/api/campaigns', { method: 'POST', body: campaignForm(demo, { csrf: await organiser.csrf('/campaigns/new') }) })).json()) as { id: string };
  const review = await mailTo(stack.sesUrl, REVIEWER, /À relire/);
  const reviewPath = new URL(/https?:\/\/localhost:\d+\/review\/[\w.-]+/.exec(review.body.text ?? '')![0]).pathname;

  console.log(`\n1. 50 connections for ${values.seconds} s: GET /api/campaigns/{id} (signed in) and GET /review/{token}`);
  const result = await autocannon({
    url: stack.url,
    connections: 50,
    duration: Number(values.seconds),
    requests: [
      { method: 'GET', path: `/api/campaigns/${first.id}`, headers: { cookie: organiser.cookie } },
      { method: 'GET', path: reviewPath },
    ],
  });
  const non2xx = result.non2xx;
  console.log(`   ${result.requests.total.toLocaleString('en')} requests · ${Math.round(result.requests.average)} req/s · latency p50 ${result.latency.p50} ms · p90 ${result.latency.p90} ms · p99 ${result.latency.p99} ms · max ${result.latency.max} ms · errors ${result.errors} · timeouts ${result.timeouts} · non-2xx ${non2xx}`);

  console.log(`\n2. A campaign of ${recipients.toLocaleString('en')} recipients sent at ${rate} messages/s`);
  const files = new Map(demo);
  files.set('recipients.csv', syntheticRecipientsCsv(recipients));
  const upload = (await (await organiser.fetch('/api/uploads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { key: string; url: string };
  await fetch(upload.url, { method: 'PUT', body: files.get('recipients.csv') as string });
  const text = (name: string) => Buffer.from(files.get(name)!).toString('utf8');
  const submittedAt = performance.now();
  const big = (await (
    await organiser.fetch('/api/campaigns', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: text('event.json'), draft: text('draft.json'), template: text('followup.mjml'), text: text('followup.txt'), recipientsUpload: upload.key, config: text('guard.config.json'), catalog: [...files.keys()].filter((n) => n.startsWith('catalog/')).map(text) }),
    })
  ).json()) as { id: string; status: string };
  console.log(`   submitted and checked in ${((performance.now() - submittedAt) / 1000).toFixed(1)} s: ${big.status}`);
  const request = await mailTo(stack.sesUrl, REVIEWER, /À relire/);
  const bigReview = new URL(/https?:\/\/localhost:\d+\/review\/[\w.-]+/.exec(request.body.text ?? '')![0]).pathname;
  // From now on the participants' messages go to the counting SES endpoint.
  process.env.SES_ENDPOINT = ses.url;
  const { resetServicesMailer } = await import('./swap-mailer.ts');
  await resetServicesMailer(ses.url);
  const approvedAt = performance.now();
  await new Browser(stack.url).fetch(bigReview, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.url }, body: 'decision=approve&confirm=yes' });
  await stack.idle();
  const doneAt = performance.now();
  // Participants only: the system's own emails (sending started, end report) go to the same endpoint.
  const delivered = ses.deliveries.filter((d) => /@collectivite-\d+\.fr/.test(d.to));
  const unique = new Set(delivered.map((d) => d.to.toLowerCase())).size;
  const window = delivered.slice(1000);
  const measured = (window.length - 1) / ((window.at(-1)!.at - window[0]!.at) / 1000);
  const view = (await (await organiser.fetch(`/api/campaigns/${big.id}`)).json()) as { status: string; counts: Record<string, number> };
  console.log(`   ${delivered.length.toLocaleString('en')} messages to ${unique.toLocaleString('en')} addresses (duplicates: ${delivered.length - unique}) in ${((doneAt - approvedAt) / 1000).toFixed(1)} s after approval`);
  console.log(`   measured rate after the canary: ${measured.toFixed(1)} messages/s for ${rate} configured (${(((measured - rate) / rate) * 100).toFixed(1)} %)`);
  console.log(`   campaign ${view.status}: ${JSON.stringify(view.counts)}`);
} finally {
  await stack.stop();
  await ses.close();
  rmSync(dataDir, { recursive: true, force: true });
}
