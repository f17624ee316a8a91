import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticCampaign } from '../../bench/synthetic-campaign.ts';
import { startLocalStack, type LocalStack } from '../../src/local-stack.ts';
import { Browser, campaignForm, inbox, mailTo } from './stack-client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'fg-restart-'));

/** A port free now: both runs must have the same public URL (it is in every unsubscribe link, hence in the digests). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}
const env = { CANARY_WINDOW_SECONDS: '0', CANARY_SIZE: '2', BATCH_SIZE: '20', MAX_SEND_RATE_PER_SECOND: '60', WORKER_BUDGET_MS: '2000', FINISH_CHECK_DELAY_SECONDS: '1' };
let stack: LocalStack | undefined;

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the local stack stopped in the middle of a send', () => {
  it('finishes the send after a restart, with nobody sent twice and everybody accounted for', async () => {
    const port = await freePort();
    stack = await startLocalStack({ port, sesPort: 0, dynamoPort: 0, dataDir, env });
    const organiser = new Browser(stack.url);
    await organiser.signIn('claire.organisatrice@numerique-territoires.fr', stack.sesUrl);
    const files = await syntheticCampaign('examples/demo-campaign', 150);
    const { id } = (await (await organiser.fetch('/api/campaigns', { method: 'POST', body: campaignForm(files, { csrf: await organiser.csrf('/campaigns/new') }) })).json()) as { id: string };
    const request = await mailTo(stack.sesUrl, 'paul.relecteur@numerique-territoires.fr', /À relire/);
    const reviewPath = new URL(/https?:\/\/localhost:\d+\/review\/[\w.-]+/.exec(request.body.text ?? '')![0]).pathname;
    await new Browser(stack.url).fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve&confirm=yes' });
    const participants = async (url: string) => (await inbox(url)).filter((m) => /@collectivite-\d+\.fr/.test(m.destination.to[0] ?? '')).map((m) => m.destination.to[0]!);
    for (let i = 0; i < 400 && (await participants(stack.sesUrl)).length < 40; i++) await new Promise((r) => setTimeout(r, 25));

    // The machine stops mid-send: the batches running finish, nothing else starts.
    const before = await participants(stack.sesUrl);
    await stack.stop();
    stack = await startLocalStack({ port, sesPort: 0, dynamoPort: 0, dataDir, env });
    await new Promise((r) => setTimeout(r, 4000));
    await stack.idle();

    // aws-ses-v2-local keeps its inbox in the process: it holds what both runs sent.
    const everyone = await participants(stack.sesUrl);
    expect(before.length).toBeLessThan(150);
    expect(new Set(everyone).size).toBe(everyone.length);
    const again = new Browser(stack.url);
    await again.signIn('claire.organisatrice@numerique-territoires.fr', stack.sesUrl);
    const view = (await (await again.fetch(`/api/campaigns/${id}`)).json()) as { status: string; counts: { selected: number; sent: number; failed: number; suppressed: number; skipped: number } };
    expect(view.status).toBe('sent');
    expect(view.counts.selected).toBe(150);
    expect(view.counts).toMatchObject({ suppressed: 0, skipped: 0 });
    expect(view.counts.sent + view.counts.failed).toBe(150);
    // Whoever the first run had claimed but not recorded is reported, never sent a second time.
    expect(view.counts.sent).toBeGreaterThanOrEqual(everyone.length - view.counts.failed);
    expect(everyone.length).toBeGreaterThanOrEqual(view.counts.sent);
  }, 180_000);
});
