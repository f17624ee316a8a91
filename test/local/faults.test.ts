import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/adapters/local/campaign-folder.ts';
import { startLocalStack, type LocalStack } from '../../src/local-stack.ts';
import { syntheticCampaign } from '../../bench/synthetic-campaign.ts';
import { Browser, campaignForm, inbox, mailTo } from './stack-client.ts';

const REJECTED = 'p7.7@collectivite-7.fr';

/** An SES endpoint in front of the local one that throttles in bursts and always rejects one address. */
async function unreliableSes(): Promise<{ url: string; target(url: string): void; throttled: number; close(): Promise<void> }> {
  let target = '';
  let calls = 0;
  const state = { throttled: 0 };
  const error = (code: string, message: string) =>
    `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fault-${calls}</RequestId></ErrorResponse>`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const raw = Buffer.from(new URLSearchParams(body.toString('utf8')).get('RawMessage.Data') ?? '', 'base64').toString('utf8');
      calls++;
      if (raw.includes(`To: ${REJECTED}`)) {
        res.writeHead(400, { 'content-type': 'text/xml' }).end(error('MessageRejected', 'Email address is on the suppression list.'));
        return;
      }
      // Bursts of throttling: three refusals after every tenth call.
      if (calls % 13 >= 10) {
        state.throttled++;
        res.writeHead(400, { 'content-type': 'text/xml' }).end(error('Throttling', 'Maximum sending rate exceeded.'));
        return;
      }
      const upstream = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    target: (url) => {
      target = url;
    },
    get throttled() {
      return state.throttled;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

let stack: LocalStack;
let ses: Awaited<ReturnType<typeof unreliableSes>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fg-faults-'));
  ses = await unreliableSes();
  stack = await startLocalStack({ port: 0, sesPort: 0, dynamoPort: 0, dataDir, env: { SES_ENDPOINT: ses.url, CANARY_WINDOW_SECONDS: '0', CANARY_SIZE: '3', BATCH_SIZE: '10', MAX_SEND_RATE_PER_SECOND: '400' } });
  ses.target(stack.sesUrl);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await ses?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the local stack against an unreliable SES', () => {
  it('retries throttling bursts until every message is accepted, and reports the rejected address', async () => {
    const organiser = new Browser(stack.url);
    await organiser.signIn('claire.organisatrice@numerique-territoires.fr', stack.sesUrl);
    const files = await syntheticCampaign('examples/demo-campaign', 60);
    const submitted = (await (await organiser.fetch('/api/campaigns', { method: 'POST', body: campaignForm(files, { csrf: await organiser.csrf('/campaigns/new') }) })).json()) as { id: string; status: string };
    expect(submitted.status).toBe('in-review');
    const request = await mailTo(stack.sesUrl, 'paul.relecteur@numerique-territoires.fr', /À relire/);
    const reviewPath = new URL(/https?:\/\/localhost:\d+\/review\/[\w.-]+/.exec(request.body.text ?? '')![0]).pathname;
    expect((await new Browser(stack.url).fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve&confirm=yes' })).status).toBe(200);
    await stack.idle();

    const view = (await (await organiser.fetch(`/api/campaigns/${submitted.id}`)).json()) as { status: string; counts: Record<string, number>; report: { reasons: { status: string; reason: string; recipients: number }[] } };
    expect(ses.throttled).toBeGreaterThan(3);
    expect(view.report.reasons).toEqual([{ status: 'failed', reason: expect.stringMatching(/suppression list/), recipients: 1 }]);
    expect(view.status).toBe('sent');
    expect(view.counts).toEqual({ selected: 60, sent: 59, failed: 1, suppressed: 0, skipped: 0 });
    const participants = (await inbox(stack.sesUrl)).filter((m) => /@collectivite-\d+\.fr/.test(m.destination.to[0] ?? ''));
    expect(participants).toHaveLength(59);
    expect(new Set(participants.map((m) => m.destination.to[0])).size).toBe(59);
    expect(participants.some((m) => m.destination.to[0] === REJECTED)).toBe(false);
    const report = await (await organiser.fetch(`/campaigns/${submitted.id}/report.csv`)).text();
    expect(report).toMatch(new RegExp(`${REJECTED.replace(/\./g, '\\.')},failed,[^\\r\\n]*suppression list`));
    void readCampaignFolder;
  }, 120_000);
});
