import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryCampaignStore } from '../../src/adapters/local/in-memory-campaign-store.ts';
import { MailerError } from '../../src/core/errors.ts';
import type { OutgoingMail } from '../../src/ports/mailer.ts';
import type { SendRow } from '../../src/ports/campaign-store.ts';
import { haltSend, resumeSend } from '../../src/use-cases/control-send.ts';
import { decideReview } from '../../src/use-cases/review.ts';
import { sendBatch } from '../../src/use-cases/send-batch.ts';
import { submitDraft } from '../../src/use-cases/submit-draft.ts';
import { campaignFiles, recipientsCsv } from '../support/campaign-builder.ts';
import { fakeServices, linkIn, ORGANISER, REVIEWER } from '../support/services.ts';

/** What goes wrong at one send attempt. */
type Fault =
  | 'none'
  | 'throttled' // SES: maximum sending rate exceeded
  | 'rejected' // SES refuses this address
  | 'transient' // SES answers 5xx
  | 'unknown' // the connection dies: did SES get it?
  | 'die-after-send' // SES accepted the message, the worker dies before recording it
  | 'halt'; // someone halts the send while this batch is in flight

class Killed extends Error {}

/** A store whose next matching write is refused (a fault of DynamoDB, or the worker dying around it). */
class FaultyStore extends InMemoryCampaignStore {
  private faults: { from: SendRow['status']; to: SendRow['status']; applyFirst: boolean }[] = [];
  /** Positions whose first claim is written and then the worker dies (before calling SES). */
  readonly dieAfterClaim = new Set<number>();

  refuseNextMove(from: SendRow['status'], to: SendRow['status'], applyFirst: boolean): void {
    this.faults.push({ from, to, applyFirst });
  }

  override async moveSendRow(campaignId: string, version: number, position: number, from: SendRow['status'], to: Partial<SendRow> & Pick<SendRow, 'status'>): Promise<boolean> {
    if (from === 'pending' && to.status === 'claimed' && this.dieAfterClaim.delete(position)) {
      await super.moveSendRow(campaignId, version, position, from, to);
      throw new Killed('the worker died between the claim and SES');
    }
    const fault = this.faults.findIndex((f) => f.from === from && f.to === to.status);
    if (fault >= 0) {
      const { applyFirst } = this.faults.splice(fault, 1)[0]!;
      if (applyFirst) await super.moveSendRow(campaignId, version, position, from, to);
      throw new Killed('the worker died');
    }
    return super.moveSendRow(campaignId, version, position, from, to);
  }
}

const PEOPLE = Array.from({ length: 12 }, (_, i) => ({
  email: `participant.${i}@commune-${i % 4}.fr`,
  firstName: ['Anne', 'Bruno', 'Chloé', 'David'][i % 4]!,
  lastName: `Martin${i}`,
  attended: i % 3 !== 0,
}));

async function approvedCampaign(settings: Partial<typeof import('../support/services.ts').SETTINGS> = {}) {
  const world = fakeServices({ settings: { canarySize: 2, batchSize: 4, ...settings } });
  const store = new FaultyStore();
  world.services.store = store;
  const submitted = await submitDraft(world.services, { actor: ORGANISER.email, files: campaignFiles({ recipients: recipientsCsv(PEOPLE) }) });
  const token = linkIn(world.mailer, REVIEWER.email, /https:\/\/[^\s"]+\/review\/[\w.-]+/).split('/review/')[1]!;
  await decideReview(world.services, { token, decision: 'approve', comment: '', hasConfirmed: true, acknowledgedWarnings: 0 });
  return { ...world, store, id: submitted.id };
}

/** Runs the queue like SQS: a batch that throws or is incomplete comes back; duplicates may be delivered. */
async function runQueue(world: Awaited<ReturnType<typeof approvedCampaign>>, duplicates: boolean[]): Promise<void> {
  let deliveries = 0;
  const copies = new WeakSet<object>();
  for (let next = world.queue.take(); next; next = world.queue.take()) {
    if (++deliveries > 500) throw new Error('the send never ends');
    world.clock.advance(next.delaySeconds * 1000);
    // SQS delivers at least once: some messages arrive twice.
    if (!copies.has(next.job) && duplicates[deliveries % duplicates.length]) {
      const copy = { ...next.job };
      copies.add(copy);
      world.queue.jobs.push({ job: copy, delaySeconds: 0 });
    }
    try {
      const outcome = await sendBatch(world.services, next.job);
      if (!outcome.isComplete) world.queue.jobs.push({ job: next.job, delaySeconds: 30 });
    } catch (error) {
      if (!(error instanceof Killed)) throw error;
      world.queue.jobs.push({ job: next.job, delaySeconds: 960 });
    }
  }
}

describe('the send under faults', () => {
  it('sends each recipient at most once and accounts for every one of them, whatever fails when', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Fault>('none', 'none', 'none', 'throttled', 'throttled', 'rejected', 'transient', 'unknown', 'die-after-send', 'halt'), { minLength: 12, maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.subarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], { maxLength: 3 }),
        async (faults, duplicates, diesAfterClaim) => {
          // Prepare
          const world = await approvedCampaign();
          for (const position of diesAfterClaim) world.store.dieAfterClaim.add(position);
          let attempt = 0;
          const halted: number[] = [];
          const sendReally = world.mailer.send.bind(world.mailer);
          world.services.mailer = {
            send: async (mail: OutgoingMail) => {
              const fault = faults[attempt++] ?? 'none';
              if (fault === 'throttled') throw new MailerError('THROTTLED', 'Maximum sending rate exceeded.');
              if (fault === 'rejected') throw new MailerError('REJECTED', 'Address blacklisted.');
              if (fault === 'transient') throw new MailerError('TRANSIENT', 'Service unavailable.');
              if (fault === 'unknown') throw new MailerError('UNKNOWN_OUTCOME', 'socket hang up');
              if (fault === 'halt') {
                halted.push(attempt);
                await haltSend(world.services, ORGANISER.email, world.id);
              }
              const id = await sendReally(mail);
              if (fault === 'die-after-send') world.store.refuseNextMove('claimed', 'sent', false);
              return id;
            },
          };

          // Act: run until nothing is left, resuming after every halt.
          await runQueue(world, duplicates);
          for (let i = 0; i < 10 && (await world.store.getCampaign(world.id))!.status === 'halted'; i++) {
            await resumeSend(world.services, REVIEWER.email, world.id);
            await runQueue(world, duplicates);
          }

          // Assess
          const campaign = (await world.store.getCampaign(world.id))!;
          const rows = await world.store.getSendRows(world.id, 1, 0, 100);
          const delivered = (email: string) => world.mailer.sent.filter((m) => m.to === email).length;
          expect(rows).toHaveLength(12);
          for (const row of rows) {
            expect(delivered(row.email)).toBeLessThanOrEqual(1);
            expect(['sent', 'failed', 'suppressed', 'skipped']).toContain(row.status);
            if (row.status === 'sent') expect(delivered(row.email)).toBe(1);
            if (row.status === 'failed') expect(row.reason).toBeTruthy();
            if (row.status === 'failed' && !/interrupted/.test(row.reason!)) expect(delivered(row.email)).toBe(0);
          }
          const count = (status: SendRow['status']) => rows.filter((r) => r.status === status).length;
          expect(campaign.counts).toEqual({ selected: 12, sent: count('sent'), failed: count('failed'), suppressed: count('suppressed'), skipped: count('skipped') });
          expect(campaign.counts.sent + campaign.counts.failed + campaign.counts.suppressed + campaign.counts.skipped).toBe(12);
          expect(['sent', 'failed']).toContain(campaign.status);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('stops within the batch in flight when halted, and a resume after a crash sends only what is left', async () => {
    const world = await approvedCampaign();
    await runQueue({ ...world, queue: { ...world.queue, take: () => undefined } as never }, [false]);
    const canary = world.queue.take()!;
    await sendBatch(world.services, canary.job);
    const firstBatch = world.queue.take()!;
    let calls = 0;
    const original = world.mailer.send.bind(world.mailer);
    world.services.mailer = {
      send: async (mail) => {
        if (++calls === 2) await haltSend(world.services, ORGANISER.email, world.id);
        return original(mail);
      },
    };
    await sendBatch(world.services, firstBatch.job);
    expect(calls).toBe(2);
    // The worker crashes while holding a claim (before SES), then someone resumes.
    const rows = await world.store.getSendRows(world.id, 1, 0, 12);
    const next = rows.find((r) => r.status === 'pending')!;
    await world.store.moveSendRow(world.id, 1, next.position, 'pending', { status: 'claimed' });
    world.services.mailer = world.mailer;
    await resumeSend(world.services, ORGANISER.email, world.id);
    await runQueue(world, [false]);
    const after = await world.store.getSendRows(world.id, 1, 0, 12);
    expect(after.filter((r) => r.status === 'sent')).toHaveLength(11);
    expect(after.find((r) => r.position === next.position)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/interrupted/) });
    expect(new Set(world.mailer.sent.filter((m) => m.to.startsWith('participant')).map((m) => m.to)).size).toBe(11);
    expect(world.mailer.sent.filter((m) => m.to.startsWith('participant'))).toHaveLength(11);
  });

  it('leaves a recipient pending, not lost, when the store refuses the claim, and sends it on redelivery', async () => {
    const world = await approvedCampaign();
    world.store.refuseNextMove('pending', 'claimed', false);
    await runQueue(world, [false]);
    const rows = await world.store.getSendRows(world.id, 1, 0, 12);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(world.mailer.sent.filter((m) => m.to.startsWith('participant'))).toHaveLength(12);
  });
});
