import { beforeAll, describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/adapters/local/campaign-folder.ts';
import type { CampaignFiles } from '../../src/core/campaign/parse-campaign.ts';
import { InMemoryBlobStore } from '../../src/adapters/local/fakes.ts';
import { AccessError, MailerError } from '../../src/core/errors.ts';
import { signToken } from '../../src/core/workflow/tokens.ts';
import { haltSend, resumeSend } from '../../src/use-cases/control-send.ts';
import { getCampaign } from '../../src/use-cases/get-campaign.ts';
import { decideReview, openReview } from '../../src/use-cases/review.ts';
import { sendBatch } from '../../src/use-cases/send-batch.ts';
import { submitDraft } from '../../src/use-cases/submit-draft.ts';
import { unsubscribe } from '../../src/use-cases/unsubscribe.ts';
import { BOTH, drainQueue, fakeServices, linkIn, ORGANISER, REVIEWER, SETTINGS } from '../support/services.ts';

let clean: CampaignFiles;
let stale: CampaignFiles;
beforeAll(async () => {
  clean = await readCampaignFolder('examples/demo-campaign');
  stale = await readCampaignFolder('examples/demo-campaign-stale');
});

const REVIEW_LINK = /https:\/\/guard\.numerique-territoires\.fr\/review\/[\w.-]+/;
const tokenOf = (link: string) => link.split('/review/')[1]!;

async function submittedClean() {
  const world = fakeServices();
  const submitted = await submitDraft(world.services, { actor: ORGANISER.email, files: clean });
  const link = linkIn(world.mailer, REVIEWER.email, REVIEW_LINK);
  return { ...world, submitted, token: tokenOf(link) };
}

describe('submitting a draft', () => {
  it('blocks the stale draft and reports the findings to the submitter and the team chat', async () => {
    const { services, mailer, notifier } = fakeServices();
    const result = await submitDraft(services, { actor: ORGANISER.email, files: stale });
    expect(result.status).toBe('blocked');
    expect(result.findings.map((f) => f.rule)).toContain('stale.reference');
    const report = mailer.to(ORGANISER.email);
    expect(report).toHaveLength(1);
    expect(report[0]!.text).toContain('blocked-report');
    expect(report[0]!.text).toContain('stale.reference');
    expect(notifier.posts[0]).toMatch(/blocked by 2 finding/);
    expect(mailer.to(REVIEWER.email)).toHaveLength(0);
  });

  it('asks every reviewer but the submitter to review a clean draft', async () => {
    const { services, mailer } = fakeServices();
    const result = await submitDraft(services, { actor: BOTH.email, files: clean });
    expect(result).toMatchObject({ id: expect.stringMatching(/^campaign-/), version: 1, status: 'in-review', findings: [] });
    expect(mailer.to(REVIEWER.email)).toHaveLength(1);
    expect(mailer.to(BOTH.email)).toHaveLength(0);
  });

  it('blocks a draft whose check ran out of time, and asks no reviewer to approve it', async () => {
    const { services, mailer, clock } = fakeServices({ settings: { checkBudgetMs: 2_000 } });
    // Each read of the clock is one second later: the check runs out of time after a few recipients.
    const now = clock.now.bind(clock);
    services.clock = { now: () => (clock.advance(1_000), now()), sleep: (ms) => clock.sleep(ms) };
    const result = await submitDraft(services, { actor: ORGANISER.email, files: clean });
    expect(result.status).toBe('blocked');
    expect(result.findings.map((f) => f.rule)).toContain('check.incomplete');
    expect(mailer.to(REVIEWER.email)).toHaveLength(0);
  });

  it('warns, without blocking, when this list already got a follow-up of the same event from another campaign', async () => {
    const world = await submittedClean();
    await decideReview(world.services, { token: world.token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    await drainQueue(world.services, world.queue, world.clock);
    const again = await submitDraft(world.services, { actor: ORGANISER.email, files: clean });
    expect(again.status).toBe('in-review');
    const [warning] = again.findings.filter((f) => f.rule === 'campaign.resent');
    expect(warning).toMatchObject({ severity: 'warn', recipients: 40, found: `${world.submitted.id} : 40 déjà envoyé(s)` });
    // The first campaign's own corrections are not "another campaign"; a blocked draft never sent anything.
    const blocked = await submitDraft(world.services, { actor: ORGANISER.email, files: stale });
    const third = await submitDraft(world.services, { actor: ORGANISER.email, files: clean, campaignId: blocked.id });
    expect(third.findings.filter((f) => f.rule === 'campaign.resent').map((f) => f.found)).toEqual([`${world.submitted.id} : 40 déjà envoyé(s)`]);
  });

  it('refuses a member without the organiser role', async () => {
    const { services } = fakeServices();
    await expect(submitDraft(services, { actor: REVIEWER.email, files: clean })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submitDraft(services, { actor: undefined, files: clean })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('reviewing', () => {
  it('refuses the submitter approving their own draft, even with a correctly signed link', async () => {
    const { services, submitted, store } = await submittedClean();
    const version = (await store.getVersion(submitted.id, 1))!;
    const own = signToken(SETTINGS.secret, 'review', { c: submitted.id, v: 1, h: version.contentHash, r: ORGANISER.email, x: 4_000_000_000 });
    await expect(decideReview(services, { token: own, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const both = await fakeServices();
    const mine = await submitDraft(both.services, { actor: BOTH.email, files: clean });
    const h = (await both.store.getVersion(mine.id, 1))!.contentHash;
    const self = signToken(SETTINGS.secret, 'review', { c: mine.id, v: 1, h, r: BOTH.email, x: 4_000_000_000 });
    await expect(decideReview(both.services, { token: self, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 })).rejects.toMatchObject({ code: 'SELF_APPROVAL' });
  });

  it('changes nothing when the link is only opened', async () => {
    const { services, submitted, token, store } = await submittedClean();
    const review = await openReview(services, token);
    expect(review.reviewer.email).toBe(REVIEWER.email);
    expect((await store.getCampaign(submitted.id))!.status).toBe('in-review');
  });

  it('refuses an altered, an expired, an outdated and an already used link', async () => {
    const { services, submitted, token, clock } = await submittedClean();
    const altered = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`;
    await expect(openReview(services, altered)).rejects.toMatchObject({ code: 'LINK_INVALID' });

    clock.advance(SETTINGS.reviewTtlSeconds * 1000 + 1000);
    await expect(openReview(services, token)).rejects.toMatchObject({ code: 'LINK_EXPIRED' });
    clock.advance(-(SETTINGS.reviewTtlSeconds * 1000 + 1000));

    const second = await submitDraft(services, { actor: ORGANISER.email, campaignId: submitted.id, files: clean });
    expect(second.version).toBe(2);
    await expect(decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 })).rejects.toMatchObject({ code: 'LINK_OUTDATED' });

    const world = await submittedClean();
    await decideReview(world.services, { token: world.token, decision: 'reject', comment: 'Le replay n’est pas encore en ligne.', hasConfirmed: true, acknowledgedWarnings: 0 });
    await expect(decideReview(world.services, { token: world.token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 })).rejects.toBeInstanceOf(AccessError);
    expect((await world.store.getCampaign(world.submitted.id))!.status).toBe('rejected');
    // The organiser is told, with the reviewer's comment; nothing is sent to the recipients.
    const told = world.mailer.to(ORGANISER.email).filter((m) => m.text.startsWith('review-rejected'));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('Le replay n’est pas encore en ligne.');
    expect(world.mailer.sent.filter((m) => !m.to.endsWith('numerique-territoires.fr'))).toEqual([]);
  });

  it('decides nothing when the form comes back as found, unconfirmed (a link scanner submitting it)', async () => {
    const { services, submitted, token, store } = await submittedClean();
    await expect(decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: false, acknowledgedWarnings: 0 })).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect((await store.getCampaign(submitted.id))!.status).toBe('in-review');
    expect(await store.getDecision(submitted.id, 1)).toBeUndefined();
  });

  it('records who decided, when, and on which content', async () => {
    const { services, submitted, token, store } = await submittedClean();
    await decideReview(services, { token, decision: 'approve', comment: 'OK pour envoi', hasConfirmed: true, acknowledgedWarnings: 0 });
    const decision = (await store.getDecision(submitted.id, 1))!;
    const version = (await store.getVersion(submitted.id, 1))!;
    expect(decision).toMatchObject({ reviewer: REVIEWER.email, decision: 'approve', comment: 'OK pour envoi', contentHash: version.contentHash, at: '2026-11-26T09:00:00.000Z' });
    const view = await getCampaign(services, ORGANISER.email, submitted.id);
    expect(view.history.map((h) => h.what).join('\n')).toMatch(/approved version 1 \(content [0-9a-f]{12}\): OK pour envoi/);
  });
});

describe('sending', () => {
  it('sends every selected recipient exactly once, the canary first, with one-click unsubscribe headers', async () => {
    const { services, token, submitted, queue, clock, mailer, store } = await submittedClean();
    await decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    expect(queue.jobs).toEqual([{ job: { campaignId: submitted.id, version: 1, from: 0, to: 3, phase: 'canary' }, delaySeconds: 0 }]);
    expect(mailer.to(ORGANISER.email).at(-1)!.text).toContain('sending-started');
    expect(mailer.to(REVIEWER.email).at(-1)!.text).toContain('sending-started');

    await drainQueue(services, queue, clock);

    const campaign = (await store.getCampaign(submitted.id))!;
    expect(campaign.status).toBe('sent');
    expect(campaign.counts).toEqual({ selected: 40, sent: 40, failed: 0, suppressed: 0, skipped: 0 });
    const participants = mailer.sent.filter((m) => m.from.startsWith('Mission Numérique'));
    expect(participants).toHaveLength(40);
    expect(new Set(participants.map((m) => m.to)).size).toBe(40);
    expect(participants[0]!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(participants[0]!.headers!['List-Unsubscribe']).toMatch(/^<https:\/\/guard\.numerique-territoires\.fr\/unsubscribe\/[\w.-]+>$/);
    expect(participants[0]!.html).toContain(participants[0]!.headers!['List-Unsubscribe']!.slice(1, -1));
    expect(mailer.to(ORGANISER.email).at(-1)!.text).toMatch(/end-report[\s\S]*"sent": 40/);
  });

  it('waits the canary window before the rest, and never goes over the configured rate', async () => {
    const { services, token, queue, clock } = await submittedClean();
    await decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    const canary = queue.take()!;
    const started = clock.now().getTime();
    await sendBatch(services, canary.job);
    // 3 messages at 10/s shared by 2 workers: one every 200 ms for this worker.
    expect(clock.now().getTime() - started).toBe(400);
    expect(queue.jobs.every((j) => j.delaySeconds === SETTINGS.canaryWindowSeconds)).toBe(true);
    expect(queue.jobs.map((j) => [j.job.from, j.job.to])).toEqual([[3, 13], [13, 23], [23, 33], [33, 40]]);
  });

  it('stops at once when halted and resumes without sending anyone twice', async () => {
    const { services, token, submitted, queue, clock, mailer, store } = await submittedClean();
    await decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    await sendBatch(services, queue.take()!.job);
    let sentBeforeHalt = 0;
    const original = services.mailer.send.bind(services.mailer);
    services.mailer.send = async (mail) => {
      const id = await original(mail);
      if (++sentBeforeHalt === 4) await haltSend(services, ORGANISER.email, submitted.id);
      return id;
    };
    await sendBatch(services, queue.take()!.job);
    expect((await store.getCampaign(submitted.id))!.status).toBe('halted');
    expect(sentBeforeHalt).toBe(4);
    services.mailer.send = original;
    // Batches already queued do nothing while halted.
    await drainQueue(services, queue, clock);
    const halfway = mailer.sent.filter((m) => m.from.startsWith('Mission')).length;
    expect(halfway).toBe(7);

    await resumeSend(services, REVIEWER.email, submitted.id);
    await drainQueue(services, queue, clock);
    const participants = mailer.sent.filter((m) => m.from.startsWith('Mission'));
    expect(participants).toHaveLength(40);
    expect(new Set(participants.map((m) => m.to)).size).toBe(40);
    expect((await store.getCampaign(submitted.id))!.status).toBe('sent');
  });

  it('retries throttling until SES accepts, and reports a rejected address with its reason', async () => {
    const { services, token, submitted, queue, clock, mailer, store } = await submittedClean();
    await decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    for (let i = 0; i < 5; i++) mailer.failNext(() => new MailerError('THROTTLED', 'Maximum sending rate exceeded.'));
    mailer.failAlways((mail) => (mail.to.startsWith('loic.') ? new MailerError('REJECTED', 'Address blacklisted.') : undefined));
    await drainQueue(services, queue, clock);
    const campaign = (await store.getCampaign(submitted.id))!;
    expect(campaign.counts).toEqual({ selected: 40, sent: 39, failed: 1, suppressed: 0, skipped: 0 });
    const rows = await store.getSendRows(submitted.id, 1, 0, 40);
    expect(rows.filter((r) => r.status === 'failed').map((r) => [r.email, r.reason])).toEqual([['loic.bertrand@agglo-trois-vallees.fr', 'Address blacklisted.']]);
    expect(rows.every((r) => r.status === 'sent' || r.status === 'failed')).toBe(true);
    expect(new Set(mailer.sent.filter((m) => m.from.startsWith('Mission')).map((m) => m.to)).size).toBe(campaign.counts.sent);
  });

  it('skips unsubscribed addresses and counts them as suppressed', async () => {
    const { services, token, submitted, queue, clock, mailer, store } = await submittedClean();
    const unsubscribeLink = /https:\/\/guard\.numerique-territoires\.fr\/unsubscribe\/[\w.-]+/;
    await decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    await sendBatch(services, queue.take()!.job);
    const target = mailer.sent.filter((m) => m.from.startsWith('Mission'))[2]!;
    const link = unsubscribeLink.exec(target.html)![0];
    await unsubscribe(services, link.split('/unsubscribe/')[1]!);
    // Another participant unsubscribes before their batch.
    const rows = await store.getSendRows(submitted.id, 1, 0, 40);
    const pending = rows.find((r) => r.status === 'pending')!;
    await store.addSuppression(pending.email, 'test', clock.now().toISOString());
    await drainQueue(services, queue, clock);
    const campaign = (await store.getCampaign(submitted.id))!;
    expect(campaign.counts).toEqual({ selected: 40, sent: 39, failed: 0, suppressed: 1, skipped: 0 });
    expect(mailer.to(pending.email)).toHaveLength(0);
  });

  it('sends nothing twice when the same batch is delivered twice', async () => {
    const { services, token, queue, clock, mailer } = await submittedClean();
    await decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    const canary = queue.take()!;
    await Promise.all([sendBatch(services, canary.job), sendBatch(services, canary.job)]);
    await drainQueue(services, queue, clock);
    const participants = mailer.sent.filter((m) => m.from.startsWith('Mission'));
    expect(participants).toHaveLength(40);
    expect(new Set(participants.map((m) => m.to)).size).toBe(40);
  });

  it('reports as failed, and never resends, a recipient whose worker died between claim and result', async () => {
    const { services, token, submitted, queue, clock, mailer, store } = await submittedClean();
    await decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    const job = queue.take()!.job;
    const rows = await store.getSendRows(submitted.id, 1, 0, 3);
    await store.moveSendRow(submitted.id, 1, rows[1]!.position, 'pending', { status: 'claimed', at: clock.now().toISOString() });
    await sendBatch(services, job);
    await drainQueue(services, queue, clock);
    expect(mailer.to(rows[1]!.email)).toHaveLength(0);
    const after = await store.getSendRows(submitted.id, 1, 0, 3);
    expect(after[1]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/interrupted/) });
    expect((await store.getCampaign(submitted.id))!.counts).toEqual({ selected: 40, sent: 39, failed: 1, suppressed: 0, skipped: 0 });
  });

  it('refuses to send a message that is not the one that was checked', async () => {
    const { services, token, submitted, queue, clock, mailer, store, blobs } = await submittedClean();
    await decideReview(services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
    // Someone edits the stored template after approval.
    const key = `campaigns/${submitted.id}/v1/files/followup.mjml`;
    const template = Buffer.from((await blobs.get(key))!).toString('utf8');
    await blobs.put(key, template.replace('Voir le replay', 'Voir le nouveau replay'));
    // The send runs in another worker process, which reads the stored files afresh.
    const worker = { ...services, blobs: new InMemoryBlobStore(blobs.blobs) };
    await drainQueue(worker, queue, clock);
    const campaign = (await store.getCampaign(submitted.id))!;
    expect(campaign.counts.sent).toBe(0);
    expect(campaign.counts.skipped).toBe(40);
    expect(campaign.status).toBe('failed');
    expect(mailer.sent.filter((m) => m.from.startsWith('Mission'))).toHaveLength(0);
  });
});
