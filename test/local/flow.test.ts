import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCampaignFolder } from '../../src/adapters/local/campaign-folder.ts';
import { unsubscribeUrl } from '../../src/use-cases/links.ts';
import type { Settings } from '../../src/use-cases/services.ts';
import { startLocalStack, type LocalStack } from '../../src/local-stack.ts';
import { syntheticCampaign } from '../../bench/synthetic-campaign.ts';
import { Browser, campaignForm, inbox, mailTo, rawMimeRecorder } from './stack-client.ts';

const ORGANISER = 'claire.organisatrice@numerique-territoires.fr';
const REVIEWER = 'paul.relecteur@numerique-territoires.fr';
const PARTICIPANT_FROM = /Mission Num/;

let stack: LocalStack;
let recorder: Awaited<ReturnType<typeof rawMimeRecorder>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fg-stack-'));
  recorder = await rawMimeRecorder();
  stack = await startLocalStack({
    port: 0,
    sesPort: 0,
    dynamoPort: 0,
    dataDir,
    env: { SES_ENDPOINT: recorder.url, CANARY_WINDOW_SECONDS: '1', CANARY_SIZE: '3', BATCH_SIZE: '10', MAX_SEND_RATE_PER_SECOND: '400' },
  });
  recorder.target(stack.sesUrl);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await recorder?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function participantMails() {
  return (await inbox(stack.sesUrl)).filter((m) => PARTICIPANT_FROM.test(m.from));
}

describe('the local stack, tried as a new user would', () => {
  it('runs the whole flow: blocked draft reported, self-approval refused, reviewer approves, each recipient gets one message', async () => {
    const organiser = new Browser(stack.url);
    await organiser.signIn(ORGANISER, stack.sesUrl);

    // The stale example is blocked and reported by email.
    const stale = await organiser.fetch('/api/campaigns', { method: 'POST', body: campaignForm(await readCampaignFolder('examples/demo-campaign-stale'), { csrf: await organiser.csrf('/campaigns/new') }) });
    expect(stale.status).toBe(201);
    const blocked = (await stale.json()) as { status: string; findings: { rule: string }[] };
    expect(blocked.status).toBe('blocked');
    expect(blocked.findings.map((f) => f.rule)).toContain('stale.reference');
    const report = await mailTo(stack.sesUrl, ORGANISER, /Bloqué/);
    expect(report.body.text).toContain('stale.reference');

    // The clean one goes to review: the reviewers (not the submitter) get a link.
    const files = await readCampaignFolder('examples/demo-campaign');
    const text = (name: string) => Buffer.from(files.get(name)!).toString('utf8');
    const clean = await organiser.fetch('/api/campaigns', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        event: JSON.parse(text('event.json')),
        draft: JSON.parse(text('draft.json')),
        template: text('followup.mjml'),
        text: text('followup.txt'),
        recipientsCsv: text('recipients.csv'),
        catalog: [...files.keys()].filter((n) => n.startsWith('catalog/')).map((n) => JSON.parse(text(n))),
        config: JSON.parse(text('guard.config.json')),
      }),
    });
    expect(clean.status).toBe(201);
    const inReview = (await clean.json()) as { id: string; status: string };
    expect(inReview.status).toBe('in-review');
    const request = await mailTo(stack.sesUrl, REVIEWER, /À relire/);
    const reviewPath = new URL(/https?:\/\/localhost:\d+\/review\/[\w.-]+/.exec(request.body.text ?? '')![0]).pathname;
    expect((await inbox(stack.sesUrl)).some((m) => m.destination.to.includes(ORGANISER) && /À relire/.test(m.subject))).toBe(false);

    // The organiser, signed in, tries to approve with the reviewer's link: refused.
    const selfApproval = await organiser.fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve&confirm=yes' });
    expect(selfApproval.status).toBe(403);
    expect(await selfApproval.text()).toMatch(/une autre personne doit l’approuver/);

    // The reviewer opens the link: the page shows the review and changes nothing.
    const reviewer = new Browser(stack.url);
    const page = await reviewer.fetch(reviewPath);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Approuver et lancer l’envoi');
    expect(html).toMatch(/<iframe class="preview"[^>]*sandbox/);
    const status = async () => ((await (await organiser.fetch(`/api/campaigns/${inReview.id}`)).json()) as { status: string; counts: Record<string, number> });
    expect((await status()).status).toBe('in-review');

    // The page's form posted as found (a link scanner) decides nothing; the reviewer's confirmed approval does.
    const scanner = await reviewer.fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'form=review-page&decision=approve&comment=' });
    expect(scanner.status).toBe(400);
    expect((await status()).status).toBe('in-review');
    const approved = await reviewer.fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'form=review-page&decision=approve&comment=OK&confirm=yes' });
    expect(approved.status).toBe(200);
    const again = await reviewer.fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve&confirm=yes' });
    expect(again.status).toBe(409);

    await stack.idle();
    const final = await status();
    expect(final.status).toBe('sent');
    expect(final.counts).toEqual({ selected: 40, sent: 40, failed: 0, suppressed: 0, skipped: 0 });
    const mails = await participantMails();
    expect(mails).toHaveLength(40);
    expect(new Set(mails.map((m) => m.destination.to[0])).size).toBe(40);
    await mailTo(stack.sesUrl, ORGANISER, /Envoi terminé/);
    await mailTo(stack.sesUrl, REVIEWER, /Envoi terminé/);

    // Signing out ends the session: this browser forgets it, and a copy of the cookie kept elsewhere is refused.
    const copied = organiser.cookie;
    const signOut = await organiser.fetch('/sign-out', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${encodeURIComponent(await organiser.csrf('/'))}` });
    expect(signOut.status).toBe(303);
    expect((await organiser.fetch(`/api/campaigns/${inReview.id}`)).status).toBe(401);
    const thief = new Browser(stack.url);
    thief.cookie = copied;
    expect((await thief.fetch(`/api/campaigns/${inReview.id}`)).status).toBe(401);

    // The raw MIME handed to SES carries the RFC 8058 one-click unsubscribe headers.
    const participantRaw = recorder.raws.filter((raw) => /^From: .*Mission Num/m.test(raw.replace(/=\?UTF-8\?Q\?Mission_Num/gi, 'Mission Num')) || /Mission/.test(raw.split('\r\n\r\n')[0] ?? ''));
    expect(participantRaw.length).toBeGreaterThanOrEqual(40);
    for (const raw of participantRaw.slice(0, 5)) {
      const head = raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
      expect(head).toMatch(/^List-Unsubscribe: <http:\/\/localhost:\d+\/unsubscribe\/[\w.-]+>$/m);
      expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    }
  }, 120_000);

  it('halts a larger send at once and resumes it without sending anyone twice', async () => {
    const organiser = new Browser(stack.url);
    await organiser.signIn(ORGANISER, stack.sesUrl);
    const before = (await participantMails()).length;
    const files = await syntheticCampaign('examples/demo-campaign', 300);
    const submitted = (await (await organiser.fetch('/api/campaigns', { method: 'POST', body: campaignForm(files, { csrf: await organiser.csrf('/campaigns/new') }) })).json()) as { id: string; status: string };
    expect(submitted.status).toBe('in-review');
    const request = await mailTo(stack.sesUrl, REVIEWER, /À relire/);
    const reviewPath = new URL(/https?:\/\/localhost:\d+\/review\/[\w.-]+/.exec(request.body.text ?? '')![0]).pathname;
    const reviewer = new Browser(stack.url);
    expect((await reviewer.fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=approve&confirm=yes' })).status).toBe(200);

    // Halt once the main batches have started.
    for (let i = 0; i < 400 && (await participantMails()).length - before < 30; i++) await new Promise((r) => setTimeout(r, 25));
    const halt = await organiser.fetch(`/api/campaigns/${submitted.id}/halt`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(halt.status).toBe(200);
    await stack.idle();
    const atHalt = (await participantMails()).length - before;
    expect(atHalt).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 300));
    expect((await participantMails()).length - before).toBe(atHalt);

    const resume = await organiser.fetch(`/api/campaigns/${submitted.id}/resume`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(resume.status).toBe(200);
    await stack.idle();
    const mails = (await participantMails()).slice(before);
    expect(mails).toHaveLength(300);
    expect(new Set(mails.map((m) => m.destination.to[0])).size).toBe(300);
    const view = (await (await organiser.fetch(`/api/campaigns/${submitted.id}`)).json()) as { status: string; counts: Record<string, number>; history: { what: string }[] };
    expect(view.status).toBe('sent');
    expect(view.counts).toEqual({ selected: 300, sent: 300, failed: 0, suppressed: 0, skipped: 0 });
    expect(view.history.map((h) => h.what)).toEqual(expect.arrayContaining(['halted the send', 'resumed the send']));
  }, 180_000);

  it('takes a large list through an upload, and skips an address unsubscribed by one click', async () => {
    // A participant unsubscribes with their mail client's one-click button (the link of an earlier mail).
    const address = 'maelle.guillot@departement-val-morin.fr';
    const secret = readFileSync(join(dataDir, 'secret'), 'utf8').trim();
    const link = unsubscribeUrl({ publicUrl: stack.url, secret } as Settings, address, 'an-earlier-campaign');
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(address);
    const oneClick = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);

    const organiser = new Browser(stack.url);
    await organiser.signIn(ORGANISER, stack.sesUrl);
    const upload = (await (await organiser.fetch('/api/uploads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { key: string; url: string };
    const files = await readCampaignFolder('examples/demo-campaign');
    expect((await fetch(upload.url, { method: 'PUT', body: Buffer.from(files.get('recipients.csv')!) })).status).toBe(200);
    const text = (name: string) => Buffer.from(files.get(name)!).toString('utf8');
    const before = (await participantMails()).length;
    const submitted = (await (
      await organiser.fetch('/api/campaigns', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ event: text('event.json'), draft: text('draft.json'), template: text('followup.mjml'), text: text('followup.txt'), recipientsUpload: upload.key, config: text('guard.config.json') }),
      })
    ).json()) as { id: string; status: string };
    expect(submitted.status).toBe('in-review');
    const request = await mailTo(stack.sesUrl, REVIEWER, /À relire/);
    const reviewPath = new URL(/https?:\/\/localhost:\d+\/review\/[\w.-]+/.exec(request.body.text ?? '')![0]).pathname;
    // The first test sent this event's follow-up to the same list: a warning the reviewer must acknowledge.
    const form = 'form=review-page&decision=approve&confirm=yes';
    expect((await new Browser(stack.url).fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).status).toBe(400);
    expect((await new Browser(stack.url).fetch(reviewPath, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${form}&ack=0` })).status).toBe(200);
    await stack.idle();
    const view = (await (await organiser.fetch(`/api/campaigns/${submitted.id}`)).json()) as { status: string; counts: Record<string, number> };
    expect(view.counts).toEqual({ selected: 40, sent: 39, failed: 0, suppressed: 1, skipped: 0 });
    const mails = (await participantMails()).slice(before);
    expect(mails).toHaveLength(39);
    expect(mails.some((m) => m.destination.to.includes(address))).toBe(false);
  }, 120_000);
});
