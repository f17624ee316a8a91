import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/core/errors.ts';
import type { CampaignRecord, CampaignStore, DecisionRecord, SendCounts, SendRow, VersionRecord } from '../../src/ports/campaign-store.ts';
import { historyEntry } from '../../src/core/workflow/history.ts';

const ZERO_COUNTS: SendCounts = { selected: 0, sent: 0, failed: 0, suppressed: 0, skipped: 0 };

/** A campaign id no other test uses, so that the suite may share one table. */
const uniqueId = (label: string): string => `${label}-${randomUUID().slice(0, 8)}`;

function aCampaign(overrides: Partial<CampaignRecord> = {}): CampaignRecord {
  return {
    id: uniqueId('campaign'),
    eventId: 'audit-rgaa-2026-10',
    title: "Suivi : réussir l'audit RGAA",
    status: 'in-review',
    version: 1,
    createdBy: 'organiser@numerique-territoires.fr',
    createdAt: '2026-10-16T08:00:00.000Z',
    updatedAt: '2026-10-16T08:00:00.000Z',
    counts: { ...ZERO_COUNTS },
    ...overrides,
  };
}

function aVersion(campaignId: string, version: number, overrides: Partial<VersionRecord> = {}): VersionRecord {
  return {
    campaignId,
    version,
    contentHash: `sha256-${version}`.padEnd(64, '0'),
    submittedBy: 'organiser@numerique-territoires.fr',
    submittedAt: '2026-10-16T08:00:00.000Z',
    verdict: 'blocked',
    findings: [
      {
        rule: 'stale.reference',
        severity: 'block',
        message: 'The message names an earlier event',
        expected: "Réussir l'audit RGAA",
        found: 'Télétravail des agents',
        recipients: 2,
        examples: ['ann@example.org', 'bob@example.org'],
      },
    ],
    recipients: { total: 3, selected: 2, excluded: 1 },
    segments: { attended: 1, missed: 1 },
    ...overrides,
  };
}

function aDecision(campaignId: string, version: number, overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    campaignId,
    version,
    reviewer: 'reviewer@numerique-territoires.fr',
    decision: 'approve',
    comment: '',
    at: '2026-10-16T09:00:00.000Z',
    contentHash: `sha256-${version}`.padEnd(64, '0'),
    ...overrides,
  };
}

function someRows(count: number, from = 0): SendRow[] {
  return Array.from({ length: count }, (_, i) => ({
    position: from + i,
    email: `recipient${from + i}@example.org`,
    digest: `${String(from + i).padStart(8, '0')}`.padEnd(64, 'f'),
    status: 'pending' as const,
  }));
}

async function conflictOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Runs the documented behaviour of CampaignStore against one implementation; `makeStore` is called before each test. */
export function describeCampaignStoreContract(name: string, makeStore: () => Promise<CampaignStore>): void {
  describe(`${name} (CampaignStore contract)`, () => {
    let store: CampaignStore;
    beforeEach(async () => {
      store = await makeStore();
    });

    describe('campaigns', () => {
      it('reads back a created campaign exactly as written', async () => {
        // Prepare
        const campaign = aCampaign({ approvedBy: 'reviewer@numerique-territoires.fr', counts: { selected: 3, sent: 1, failed: 0, suppressed: 1, skipped: 0 } });
        // Act
        await store.createCampaign(campaign);
        // Assess
        expect(await store.getCampaign(campaign.id)).toEqual(campaign);
      });

      it('returns undefined for a campaign that was never created', async () => {
        expect(await store.getCampaign(uniqueId('unknown'))).toBeUndefined();
      });

      it('refuses a second campaign with the same id with a ConflictError and keeps the first', async () => {
        // Prepare
        const first = aCampaign();
        await store.createCampaign(first);
        // Act
        const error = await conflictOf(store.createCampaign({ ...first, title: 'Another title', createdAt: '2026-10-17T08:00:00.000Z' }));
        // Assess
        expect(error).toBeInstanceOf(ConflictError);
        expect(await store.getCampaign(first.id)).toEqual(first);
      });

      it('returns a copy: changing a returned record does not change the store', async () => {
        // Prepare
        const campaign = aCampaign();
        await store.createCampaign(campaign);
        const read = (await store.getCampaign(campaign.id))!;
        // Act
        read.title = 'changed';
        read.counts.sent = 99;
        // Assess
        expect(await store.getCampaign(campaign.id)).toEqual(campaign);
      });

      it('lists campaigns newest first, whatever the order they were created in', async () => {
        // Prepare
        const older = aCampaign({ createdAt: '2026-10-01T08:00:00.000Z' });
        const newest = aCampaign({ createdAt: '2026-10-20T08:00:00.000Z' });
        const middle = aCampaign({ createdAt: '2026-10-10T08:00:00.000Z' });
        for (const campaign of [older, newest, middle]) await store.createCampaign(campaign);
        // Act
        const listed = await store.listCampaigns();
        // Assess
        const ours = listed.filter((c) => [older.id, newest.id, middle.id].includes(c.id));
        expect(ours).toEqual([newest, middle, older]);
      });

      it('lists a campaign once, as first created, after a refused duplicate', async () => {
        // Prepare
        const campaign = aCampaign({ createdAt: '2026-10-05T08:00:00.000Z' });
        await store.createCampaign(campaign);
        await conflictOf(store.createCampaign({ ...campaign, createdAt: '2026-10-06T08:00:00.000Z' }));
        // Act
        const listed = await store.listCampaigns();
        // Assess
        expect(listed.filter((c) => c.id === campaign.id)).toEqual([campaign]);
      });

      it('lists campaigns with their latest changes', async () => {
        // Prepare
        const campaign = aCampaign();
        await store.createCampaign(campaign);
        await store.updateCampaign(campaign.id, { fromStatuses: ['in-review'] }, { status: 'approved', approvedBy: 'reviewer@numerique-territoires.fr' });
        // Act
        const listed = await store.listCampaigns();
        // Assess
        expect(listed.find((c) => c.id === campaign.id)).toEqual({ ...campaign, status: 'approved', approvedBy: 'reviewer@numerique-territoires.fr' });
      });
    });

    describe('updateCampaign', () => {
      it('applies the changes when the status and version match, and returns the updated record', async () => {
        // Prepare
        const campaign = aCampaign({ status: 'in-review', version: 2 });
        await store.createCampaign(campaign);
        const changes = { status: 'approved' as const, approvedBy: 'reviewer@numerique-territoires.fr', updatedAt: '2026-10-16T09:00:00.000Z' };
        // Act
        const updated = await store.updateCampaign(campaign.id, { fromStatuses: ['in-review'], version: 2 }, changes);
        // Assess
        expect(updated).toEqual({ ...campaign, ...changes });
        expect(await store.getCampaign(campaign.id)).toEqual(updated);
      });

      it('accepts any of several starting statuses', async () => {
        // Prepare
        const campaign = aCampaign({ status: 'rejected' });
        await store.createCampaign(campaign);
        // Act
        const updated = await store.updateCampaign(campaign.id, { fromStatuses: ['blocked', 'in-review', 'rejected'] }, { status: 'in-review', version: 2, title: 'Second try', eventId: 'audit-rgaa-2026-11' });
        // Assess
        expect(updated).toMatchObject({ status: 'in-review', version: 2, title: 'Second try', eventId: 'audit-rgaa-2026-11' });
      });

      it('removes approvedBy when the change sets it to undefined', async () => {
        // Prepare
        const campaign = aCampaign({ status: 'approved', approvedBy: 'reviewer@numerique-territoires.fr' });
        await store.createCampaign(campaign);
        // Act
        const updated = await store.updateCampaign(campaign.id, { fromStatuses: ['approved'] }, { status: 'in-review', version: 2, approvedBy: undefined });
        // Assess
        expect(updated.approvedBy).toBeUndefined();
        expect((await store.getCampaign(campaign.id))?.approvedBy).toBeUndefined();
      });

      it('refuses with a ConflictError and changes nothing when the status is not one of fromStatuses', async () => {
        // Prepare
        const campaign = aCampaign({ status: 'sending' });
        await store.createCampaign(campaign);
        // Act
        const error = await conflictOf(store.updateCampaign(campaign.id, { fromStatuses: ['approved', 'in-review'] }, { status: 'sending' }));
        // Assess
        expect(error).toBeInstanceOf(ConflictError);
        expect(await store.getCampaign(campaign.id)).toEqual(campaign);
      });

      it('refuses with a ConflictError and changes nothing when the version is not the given one', async () => {
        // Prepare
        const campaign = aCampaign({ status: 'in-review', version: 3 });
        await store.createCampaign(campaign);
        // Act
        const error = await conflictOf(store.updateCampaign(campaign.id, { fromStatuses: ['in-review'], version: 2 }, { status: 'approved' }));
        // Assess
        expect(error).toBeInstanceOf(ConflictError);
        expect(await store.getCampaign(campaign.id)).toEqual(campaign);
      });

      it('refuses with a ConflictError to update a campaign that does not exist, and creates nothing', async () => {
        // Prepare
        const id = uniqueId('unknown');
        // Act
        const error = await conflictOf(store.updateCampaign(id, { fromStatuses: ['in-review'] }, { status: 'approved' }));
        // Assess
        expect(error).toBeInstanceOf(ConflictError);
        expect(await store.getCampaign(id)).toBeUndefined();
      });

      it('checks the condition even when there is nothing to change', async () => {
        // Prepare
        const campaign = aCampaign({ status: 'halted' });
        await store.createCampaign(campaign);
        // Act
        const refused = await conflictOf(store.updateCampaign(campaign.id, { fromStatuses: ['sending'] }, {}));
        const accepted = await store.updateCampaign(campaign.id, { fromStatuses: ['halted'] }, {});
        // Assess
        expect(refused).toBeInstanceOf(ConflictError);
        expect(accepted).toEqual(campaign);
      });

      it('lets exactly one of two concurrent transitions from the same status win', async () => {
        // Prepare
        const campaign = aCampaign({ status: 'in-review' });
        await store.createCampaign(campaign);
        // Act
        const outcomes = await Promise.allSettled([
          store.updateCampaign(campaign.id, { fromStatuses: ['in-review'], version: 1 }, { status: 'approved' }),
          store.updateCampaign(campaign.id, { fromStatuses: ['in-review'], version: 1 }, { status: 'rejected' }),
        ]);
        // Assess
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
        expect((await store.getCampaign(campaign.id))?.status).toBe((won[0] as PromiseFulfilledResult<CampaignRecord>).value.status);
      });
    });

    describe('counters', () => {
      it('adds deltas to the named counters and leaves the others', async () => {
        // Prepare
        const campaign = aCampaign({ counts: { selected: 10, sent: 2, failed: 0, suppressed: 1, skipped: 0 } });
        await store.createCampaign(campaign);
        // Act
        await store.addCounts(campaign.id, { sent: 3, failed: 1 });
        // Assess
        expect((await store.getCampaign(campaign.id))?.counts).toEqual({ selected: 10, sent: 5, failed: 1, suppressed: 1, skipped: 0 });
      });

      it('adds up every increment of many parallel calls', async () => {
        // Prepare
        const campaign = aCampaign();
        await store.createCampaign(campaign);
        // Act
        await Promise.all([
          ...Array.from({ length: 40 }, () => store.addCounts(campaign.id, { sent: 1 })),
          ...Array.from({ length: 10 }, () => store.addCounts(campaign.id, { failed: 2, skipped: 1 })),
        ]);
        // Assess
        expect((await store.getCampaign(campaign.id))?.counts).toEqual({ selected: 0, sent: 40, failed: 20, suppressed: 0, skipped: 10 });
      });

      it('creates no campaign when adding to the counters of an unknown one', async () => {
        // Prepare
        const id = uniqueId('unknown');
        // Act
        await store.addCounts(id, { sent: 1 });
        // Assess
        expect(await store.getCampaign(id)).toBeUndefined();
      });

      it('replaces all counters on setCounts', async () => {
        // Prepare
        const campaign = aCampaign({ counts: { selected: 10, sent: 2, failed: 0, suppressed: 1, skipped: 0 } });
        await store.createCampaign(campaign);
        const reconciled = { selected: 10, sent: 7, failed: 1, suppressed: 1, skipped: 1 };
        // Act
        await store.setCounts(campaign.id, reconciled);
        // Assess
        expect((await store.getCampaign(campaign.id))?.counts).toEqual(reconciled);
      });
    });

    describe('versions', () => {
      it('reads back a stored version with its findings', async () => {
        // Prepare
        const version = aVersion(uniqueId('campaign'), 1);
        // Act
        await store.putVersion(version);
        // Assess
        expect(await store.getVersion(version.campaignId, 1)).toEqual(version);
      });

      it('returns undefined for a version that was never stored', async () => {
        // Prepare
        const version = aVersion(uniqueId('campaign'), 1);
        await store.putVersion(version);
        // Act
        const missing = await store.getVersion(version.campaignId, 2);
        // Assess
        expect(missing).toBeUndefined();
      });

      it('refuses to store a version twice with a ConflictError and keeps the first', async () => {
        // Prepare
        const first = aVersion(uniqueId('campaign'), 1, { verdict: 'blocked' });
        await store.putVersion(first);
        // Act
        const error = await conflictOf(store.putVersion({ ...first, verdict: 'ready', findings: [] }));
        // Assess
        expect(error).toBeInstanceOf(ConflictError);
        expect(await store.getVersion(first.campaignId, 1)).toEqual(first);
      });

      it('keeps the versions of one campaign apart from each other and from other campaigns', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const other = uniqueId('campaign');
        const v1 = aVersion(id, 1);
        const v2 = aVersion(id, 2, { verdict: 'ready', findings: [] });
        const otherV1 = aVersion(other, 1, { submittedBy: 'someone@example.org' });
        // Act
        for (const version of [v1, v2, otherV1]) await store.putVersion(version);
        // Assess
        expect(await store.getVersion(id, 1)).toEqual(v1);
        expect(await store.getVersion(id, 2)).toEqual(v2);
        expect(await store.getVersion(other, 1)).toEqual(otherV1);
      });
    });

    describe('history', () => {
      it('returns the entries of a campaign in the order they happened', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const entries = [
          { at: '2026-10-16T08:00:00.000Z', who: 'organiser@numerique-territoires.fr', what: 'submitted version 1' },
          { at: '2026-10-16T09:00:00.000Z', who: 'reviewer@numerique-territoires.fr', what: 'approved version 1' },
          { at: '2026-10-16T10:00:00.000Z', who: 'organiser@numerique-territoires.fr', what: 'started sending' },
        ];
        // Act
        for (const entry of entries) await store.addHistory(id, entry);
        // Assess
        expect(await store.history(id)).toEqual(entries);
      });

      it('keeps what happened with each entry, so that pages can word it in their reader’s language', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const entries = [
          historyEntry('2026-10-16T08:00:00.000Z', 'organiser@numerique-territoires.fr', { kind: 'submitted', version: 1, blockingFindings: 0 }),
          historyEntry('2026-10-16T09:00:00.000Z', 'reviewer@numerique-territoires.fr', { kind: 'decided', decision: 'approved', version: 1, contentHash: 'a'.repeat(64) }),
          historyEntry('2026-10-16T09:00:01.000Z', 'followup-guard', { kind: 'sending-started', recipients: 40, firstSlice: 6, teamAddresses: 1, windowSeconds: 600 }),
        ];
        // Act
        for (const entry of entries) await store.addHistory(id, entry);
        // Assess
        const history = await store.history(id);
        expect(history).toEqual(entries);
        expect(history[1]!.what).toBe(`approved version 1 (content ${'a'.repeat(12)})`);
      });

      it('keeps entries that share a time in the order they were added', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const entries = ['first', 'second', 'third', 'fourth'].map((what) => ({ at: '2026-10-16T08:00:00.000Z', who: 'worker', what }));
        // Act
        for (const entry of entries) await store.addHistory(id, entry);
        // Assess
        expect(await store.history(id)).toEqual(entries);
      });

      it('returns no entry for a campaign without history, and keeps campaigns apart', async () => {
        // Prepare
        const id = uniqueId('campaign');
        await store.addHistory(uniqueId('campaign'), { at: '2026-10-16T08:00:00.000Z', who: 'someone', what: 'something' });
        // Act
        const history = await store.history(id);
        // Assess
        expect(history).toEqual([]);
      });
    });

    describe('decisions', () => {
      it('reads back a recorded decision, an empty comment included', async () => {
        // Prepare
        const decision = aDecision(uniqueId('campaign'), 1, { comment: '' });
        // Act
        await store.recordDecision(decision);
        // Assess
        expect(await store.getDecision(decision.campaignId, 1)).toEqual(decision);
      });

      it('returns undefined for a version without a decision', async () => {
        // Prepare
        const decision = aDecision(uniqueId('campaign'), 1);
        await store.recordDecision(decision);
        // Act
        const missing = await store.getDecision(decision.campaignId, 2);
        // Assess
        expect(missing).toBeUndefined();
      });

      it('refuses a second decision on the same version with a ConflictError and keeps the first', async () => {
        // Prepare
        const first = aDecision(uniqueId('campaign'), 1, { decision: 'approve' });
        await store.recordDecision(first);
        // Act
        const error = await conflictOf(store.recordDecision({ ...first, reviewer: 'other@numerique-territoires.fr', decision: 'reject', comment: 'too late' }));
        // Assess
        expect(error).toBeInstanceOf(ConflictError);
        expect(await store.getDecision(first.campaignId, 1)).toEqual(first);
      });

      it('accepts exactly one of two concurrent decisions on the same version', async () => {
        // Prepare
        const id = uniqueId('campaign');
        // Act
        const outcomes = await Promise.allSettled([
          store.recordDecision(aDecision(id, 1, { reviewer: 'a@numerique-territoires.fr', decision: 'approve' })),
          store.recordDecision(aDecision(id, 1, { reviewer: 'b@numerique-territoires.fr', decision: 'reject' })),
        ]);
        // Assess
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')?.reason).toBeInstanceOf(ConflictError);
      });

      it('records a decision on a new version after the previous version was decided', async () => {
        // Prepare
        const id = uniqueId('campaign');
        await store.recordDecision(aDecision(id, 1, { decision: 'reject' }));
        // Act
        await store.recordDecision(aDecision(id, 2, { decision: 'approve' }));
        // Assess
        expect((await store.getDecision(id, 1))?.decision).toBe('reject');
        expect((await store.getDecision(id, 2))?.decision).toBe('approve');
      });
    });

    describe('send rows', () => {
      it('reads back the rows of a version in position order', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const rows = someRows(5);
        // Act
        await store.putSendRows(id, 1, [...rows].reverse());
        // Assess
        expect(await store.getSendRows(id, 1, 0, 5)).toEqual(rows);
      });

      it('returns the rows with from ≤ position < to', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const rows = someRows(10);
        await store.putSendRows(id, 1, rows);
        // Act
        const range = await store.getSendRows(id, 1, 3, 7);
        // Assess
        expect(range.map((r) => r.position)).toEqual([3, 4, 5, 6]);
        expect(range).toEqual(rows.slice(3, 7));
      });

      it('returns only the rows that exist when the range goes past the end, and none for an empty range', async () => {
        // Prepare
        const id = uniqueId('campaign');
        await store.putSendRows(id, 1, someRows(4));
        // Act
        const tail = await store.getSendRows(id, 1, 2, 100);
        const empty = await store.getSendRows(id, 1, 3, 3);
        const beyond = await store.getSendRows(id, 1, 10, 20);
        // Assess
        expect(tail.map((r) => r.position)).toEqual([2, 3]);
        expect(empty).toEqual([]);
        expect(beyond).toEqual([]);
      });

      it('reads 3,000 rows whole and in ranges', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const rows = someRows(3_000);
        await store.putSendRows(id, 1, rows);
        // Act
        const all = await store.getSendRows(id, 1, 0, 3_000);
        const middle = await store.getSendRows(id, 1, 1_000, 2_500);
        // Assess
        expect(all).toEqual(rows);
        expect(middle).toEqual(rows.slice(1_000, 2_500));
      });

      it('keeps the rows of each version and campaign apart', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const other = uniqueId('campaign');
        await store.putSendRows(id, 1, someRows(3));
        await store.putSendRows(id, 2, someRows(2, 0).map((r) => ({ ...r, email: `v2-${r.email}` })));
        await store.putSendRows(other, 1, someRows(1).map((r) => ({ ...r, email: 'other@example.org' })));
        // Act
        const v1 = await store.getSendRows(id, 1, 0, 10);
        const v2 = await store.getSendRows(id, 2, 0, 10);
        const unknown = await store.getSendRows(uniqueId('campaign'), 1, 0, 10);
        // Assess
        expect(v1.map((r) => r.email)).toEqual(['recipient0@example.org', 'recipient1@example.org', 'recipient2@example.org']);
        expect(v2.map((r) => r.email)).toEqual(['v2-recipient0@example.org', 'v2-recipient1@example.org']);
        expect(unknown).toEqual([]);
      });

      it('overwrites the rows of an interrupted dispatch when they are written again', async () => {
        // Prepare
        const id = uniqueId('campaign');
        await store.putSendRows(id, 1, someRows(3));
        await store.moveSendRow(id, 1, 1, 'pending', { status: 'claimed', at: '2026-10-16T10:00:00.000Z' });
        const rewritten = someRows(3).map((r) => ({ ...r, digest: 'd'.repeat(64) }));
        // Act
        await store.putSendRows(id, 1, rewritten);
        // Assess
        expect(await store.getSendRows(id, 1, 0, 3)).toEqual(rewritten);
      });

      it('moves a row from the expected status, with the given details', async () => {
        // Prepare
        const id = uniqueId('campaign');
        const rows = someRows(2);
        await store.putSendRows(id, 1, rows);
        // Act
        const claimed = await store.moveSendRow(id, 1, 1, 'pending', { status: 'claimed', at: '2026-10-16T10:00:00.000Z', attempts: 1 });
        const sent = await store.moveSendRow(id, 1, 1, 'claimed', { status: 'sent', messageId: 'ses-0001', at: '2026-10-16T10:00:01.000Z' });
        // Assess
        expect(claimed).toBe(true);
        expect(sent).toBe(true);
        expect(await store.getSendRows(id, 1, 0, 2)).toEqual([rows[0], { ...rows[1], status: 'sent', messageId: 'ses-0001', at: '2026-10-16T10:00:01.000Z', attempts: 1 }]);
      });

      it('returns false and changes nothing when the row is not in the expected status', async () => {
        // Prepare
        const id = uniqueId('campaign');
        await store.putSendRows(id, 1, someRows(1));
        await store.moveSendRow(id, 1, 0, 'pending', { status: 'sent', messageId: 'ses-0001', at: '2026-10-16T10:00:00.000Z' });
        const before = await store.getSendRows(id, 1, 0, 1);
        // Act
        const moved = await store.moveSendRow(id, 1, 0, 'pending', { status: 'failed', reason: 'bounced' });
        // Assess
        expect(moved).toBe(false);
        expect(await store.getSendRows(id, 1, 0, 1)).toEqual(before);
      });

      it('returns false and creates no row when the position does not exist', async () => {
        // Prepare
        const id = uniqueId('campaign');
        await store.putSendRows(id, 1, someRows(2));
        // Act
        const moved = await store.moveSendRow(id, 1, 5, 'pending', { status: 'claimed' });
        // Assess
        expect(moved).toBe(false);
        expect(await store.getSendRows(id, 1, 0, 10)).toHaveLength(2);
      });

      it('lets exactly one of two concurrent claims of the same row win', async () => {
        // Prepare
        const id = uniqueId('campaign');
        await store.putSendRows(id, 1, someRows(1));
        // Act
        const outcomes = await Promise.all([
          store.moveSendRow(id, 1, 0, 'pending', { status: 'claimed', at: '2026-10-16T10:00:00.000Z', attempts: 1 }),
          store.moveSendRow(id, 1, 0, 'pending', { status: 'claimed', at: '2026-10-16T10:00:00.001Z', attempts: 1 }),
        ]);
        // Assess
        expect(outcomes.filter(Boolean)).toHaveLength(1);
        expect((await store.getSendRows(id, 1, 0, 1))[0]?.status).toBe('claimed');
      });

      it('claims every row exactly once when many claims race over the same rows', async () => {
        // Prepare
        const id = uniqueId('campaign');
        await store.putSendRows(id, 1, someRows(20));
        // Act
        const outcomes = await Promise.all(
          Array.from({ length: 3 }, () => Array.from({ length: 20 }, (_, position) => store.moveSendRow(id, 1, position, 'pending', { status: 'claimed' }))).flat(),
        );
        // Assess
        expect(outcomes.filter(Boolean)).toHaveLength(20);
        expect((await store.getSendRows(id, 1, 0, 20)).every((r) => r.status === 'claimed')).toBe(true);
      });
    });

    describe('suppression list', () => {
      it('answers in lower case, whatever the case of the stored and the asked addresses', async () => {
        // Prepare
        const tag = uniqueId('s');
        await store.addSuppression(`Ann.${tag}@Example.ORG`, 'unsubscribe', '2026-10-16T10:00:00.000Z');
        // Act
        const found = await store.suppressed([`ANN.${tag}@example.org`, `bob.${tag}@example.org`]);
        // Assess
        expect(found).toEqual(new Set([`ann.${tag}@example.org`]));
      });

      it('returns an empty set when asked about no address', async () => {
        expect(await store.suppressed([])).toEqual(new Set());
      });

      it('accepts the same address asked twice and suppressed twice', async () => {
        // Prepare
        const address = `${uniqueId('twice')}@example.org`;
        await store.addSuppression(address, 'unsubscribe', '2026-10-16T10:00:00.000Z');
        await store.addSuppression(address.toUpperCase(), 'complaint', '2026-10-17T10:00:00.000Z');
        // Act
        const found = await store.suppressed([address, address.toUpperCase(), address]);
        // Assess
        expect(found).toEqual(new Set([address]));
      });

      it('finds the suppressed addresses among several hundred asked at once', async () => {
        // Prepare
        const tag = uniqueId('many');
        const addresses = Array.from({ length: 250 }, (_, i) => `r${i}.${tag}@example.org`);
        const suppressed = addresses.filter((_, i) => i % 7 === 0);
        for (const address of suppressed) await store.addSuppression(address, 'bounce', '2026-10-16T10:00:00.000Z');
        // Act
        const found = await store.suppressed(addresses);
        // Assess
        expect(found).toEqual(new Set(suppressed));
      });
    });

    describe('signed-out sessions', () => {
      it('remembers a signed-out session and only that one', async () => {
        // Prepare
        const signedOut = uniqueId('nonce');
        const other = uniqueId('nonce');
        // Act
        await store.revokeSession(signedOut, '2026-10-16T18:00:00.000Z');
        // Assess
        expect(await store.isSessionRevoked(signedOut)).toBe(true);
        expect(await store.isSessionRevoked(other)).toBe(false);
      });
    });

    describe('sign-in requests', () => {
      it('counts the links asked for one address in one window, each concurrent request with its own number', async () => {
        // Prepare
        const email = `${uniqueId('member')}@numerique-territoires.fr`;
        const window = ['2026-11-26T09:00:00.000Z', '2026-11-26T09:15:00.000Z'] as const;
        // Act
        const counts = await Promise.all([1, 2, 3, 4].map(() => store.countSignInRequest(email, ...window)));
        const upper = await store.countSignInRequest(email.toUpperCase(), ...window);
        const next = await store.countSignInRequest(email, '2026-11-26T09:15:00.000Z', '2026-11-26T09:30:00.000Z');
        const other = await store.countSignInRequest(`other-${email}`, ...window);
        // Assess
        expect([...counts].sort()).toEqual([1, 2, 3, 4]);
        expect(upper).toBe(5);
        expect(next).toBe(1);
        expect(other).toBe(1);
      });
    });

    describe('sign-in tokens', () => {
      const NOW = '2026-10-16T10:00:00.000Z';
      const LATER = '2026-10-16T10:15:00.000Z';

      it('gives the email of a valid token once, then refuses it as used', async () => {
        // Prepare
        const hash = uniqueId('hash');
        await store.putSignInToken(hash, 'organiser@numerique-territoires.fr', LATER);
        // Act
        const first = await store.consumeSignInToken(hash, NOW);
        const second = await store.consumeSignInToken(hash, NOW);
        // Assess
        expect(first).toEqual({ email: 'organiser@numerique-territoires.fr' });
        expect(second).toEqual({ refused: 'used' });
      });

      it('refuses an expired token, also at the exact expiry time, and leaves it unused', async () => {
        // Prepare
        const hash = uniqueId('hash');
        await store.putSignInToken(hash, 'organiser@numerique-territoires.fr', NOW);
        // Act
        const atExpiry = await store.consumeSignInToken(hash, NOW);
        const after = await store.consumeSignInToken(hash, LATER);
        // Assess
        expect(atExpiry).toEqual({ refused: 'expired' });
        expect(after).toEqual({ refused: 'expired' });
      });

      it('tells whether a token is usable without using it', async () => {
        // Prepare
        const hash = uniqueId('hash');
        await store.putSignInToken(hash, 'organiser@numerique-territoires.fr', LATER);
        // Act
        const before = await store.peekSignInToken(hash, NOW);
        const atExpiry = await store.peekSignInToken(hash, LATER);
        await store.consumeSignInToken(hash, NOW);
        // Assess
        expect([before, atExpiry, await store.peekSignInToken(hash, NOW), await store.peekSignInToken(uniqueId('hash'), NOW)]).toEqual(['usable', 'expired', 'used', 'unknown']);
      });

      it('refuses an unknown token', async () => {
        expect(await store.consumeSignInToken(uniqueId('hash'), NOW)).toEqual({ refused: 'unknown' });
      });

      it('gives the email to exactly one of two concurrent uses', async () => {
        // Prepare
        const hash = uniqueId('hash');
        await store.putSignInToken(hash, 'reviewer@numerique-territoires.fr', LATER);
        // Act
        const outcomes = await Promise.all([store.consumeSignInToken(hash, NOW), store.consumeSignInToken(hash, NOW)]);
        // Assess
        expect(outcomes).toContainEqual({ email: 'reviewer@numerique-territoires.fr' });
        expect(outcomes).toContainEqual({ refused: 'used' });
      });
    });
  });
}
