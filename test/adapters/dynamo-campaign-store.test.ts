import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConditionalCheckFailedException, DescribeTableCommand, DynamoDBClient, DynamoDBServiceException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoCampaignStore, ensureTable, tableDefinition } from '../../src/adapters/aws/dynamo-campaign-store.ts';
import { ConflictError, GuardError } from '../../src/core/errors.ts';
import type { CampaignRecord, SendRow } from '../../src/ports/campaign-store.ts';
import { describeCampaignStoreContract } from './campaign-store-contract.ts';

// The SDK warns once per process that Node 20 support ends; it says nothing about these tests.
const previousWarningSetting = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

type Dynalite = (options?: { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => Server;
const dynalite = createRequire(import.meta.url)('dynalite') as Dynalite;

async function startDynalite(options: { path?: string } = {}): Promise<{ server: Server; client: DynamoDBClient }> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...options });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return { server, client };
}

async function stopDynalite({ server, client }: { server: Server; client: DynamoDBClient }): Promise<void> {
  client.destroy();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

function aCampaign(id: string): CampaignRecord {
  return {
    id,
    eventId: 'audit-rgaa-2026-10',
    title: "Suivi : réussir l'audit RGAA",
    status: 'approved',
    version: 1,
    createdBy: 'organiser@numerique-territoires.fr',
    createdAt: '2026-10-16T08:00:00.000Z',
    updatedAt: '2026-10-16T09:00:00.000Z',
    approvedBy: 'reviewer@numerique-territoires.fr',
    counts: { selected: 3, sent: 0, failed: 0, suppressed: 0, skipped: 0 },
  };
}

const rows = (count: number, reason?: string): SendRow[] =>
  Array.from({ length: count }, (_, position) => ({ position, email: `r${position}@example.org`, digest: 'f'.repeat(64), status: 'pending' as const, ...(reason ? { reason } : {}) }));

let local: { server: Server; client: DynamoDBClient };
const TABLE = `followup-guard-${process.pid}-${Date.now()}`;

beforeAll(async () => {
  local = await startDynalite();
  await ensureTable(local.client, TABLE);
});

afterAll(async () => {
  await stopDynalite(local);
  if (previousWarningSetting === undefined) delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  else process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = previousWarningSetting;
});

describeCampaignStoreContract('DynamoCampaignStore on dynalite', async () => new DynamoCampaignStore({ tableName: TABLE, client: local.client }));

describe('DynamoCampaignStore on dynalite, beyond the contract', () => {
  it('reads rows across several 1 MB query pages', async () => {
    // Prepare
    const document = DynamoDBDocumentClient.from(local.client);
    const store = new DynamoCampaignStore({ tableName: TABLE, client: document });
    const written = rows(2_000, 'x'.repeat(700));
    await store.putSendRows('paged-campaign', 1, written);
    const send = vi.spyOn(document, 'send');
    // Act
    const read = await store.getSendRows('paged-campaign', 1, 0, 2_000);
    // Assess
    expect(read).toEqual(written);
    expect(send.mock.calls.filter(([command]) => command instanceof QueryCommand).length).toBeGreaterThan(1);
  });

  it('creates the table once: a second ensureTable leaves it and its items in place', async () => {
    // Prepare
    const store = new DynamoCampaignStore({ tableName: TABLE, client: local.client });
    await store.createCampaign(aCampaign('kept-by-ensure-table'));
    // Act
    await ensureTable(local.client, TABLE);
    // Assess
    expect(await store.getCampaign('kept-by-ensure-table')).toEqual(aCampaign('kept-by-ensure-table'));
    const { Table } = await local.client.send(new DescribeTableCommand({ TableName: TABLE }));
    expect(Table?.KeySchema).toEqual(tableDefinition(TABLE).KeySchema);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('reports a missing table as a GuardError that keeps the SDK error as its cause', async () => {
    // Prepare
    const store = new DynamoCampaignStore({ tableName: 'no-such-table', client: local.client });
    // Act
    const error = await store.getCampaign('anything').catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(GuardError);
    expect(error).not.toBeInstanceOf(DynamoDBServiceException);
    expect((error as GuardError).code).toBe('STORE_FAILED');
    expect(((error as GuardError).cause as Error).name).toBe('ResourceNotFoundException');
  });

  it('keeps its items on disk across a restart of the server', async () => {
    // Prepare
    const path = await mkdtemp(join(tmpdir(), 'followup-guard-dynalite-'));
    try {
      const first = await startDynalite({ path });
      await ensureTable(first.client, 'persisted');
      const writer = new DynamoCampaignStore({ tableName: 'persisted', client: first.client });
      await writer.createCampaign(aCampaign('persisted-campaign'));
      await writer.putSendRows('persisted-campaign', 1, rows(3));
      await writer.moveSendRow('persisted-campaign', 1, 0, 'pending', { status: 'sent', messageId: 'ses-1' });
      await stopDynalite(first);
      // Act
      const second = await startDynalite({ path });
      try {
        await ensureTable(second.client, 'persisted');
        const reader = new DynamoCampaignStore({ tableName: 'persisted', client: second.client });
        // Assess
        expect(await reader.getCampaign('persisted-campaign')).toEqual(aCampaign('persisted-campaign'));
        expect((await reader.getSendRows('persisted-campaign', 1, 0, 3)).map((r) => r.status)).toEqual(['sent', 'pending', 'pending']);
        expect(await reader.listCampaigns()).toEqual([aCampaign('persisted-campaign')]);
      } finally {
        await stopDynalite(second);
      }
    } finally {
      await rm(path, { recursive: true, force: true });
    }
  });
});

describe('DynamoCampaignStore facing answers only AWS gives (mocked client)', () => {
  const document = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
  const aws = mockClient(document);
  const store = new DynamoCampaignStore({ tableName: 'mocked', client: document, retryBaseDelayMs: 0 });

  afterEach(() => {
    aws.reset();
  });

  it('writes the send rows in batches of 25 and retries the items DynamoDB left unprocessed', async () => {
    // Prepare
    let isFirstCall = true;
    aws.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => {
      const requests = input.RequestItems.mocked!;
      if (isFirstCall) {
        isFirstCall = false;
        return { UnprocessedItems: { mocked: requests.slice(0, 2) } };
      }
      return { UnprocessedItems: {} };
    });
    // Act
    await store.putSendRows('c', 1, rows(30));
    // Assess
    const sizes = aws.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems!.mocked!.length);
    expect(sizes.slice().sort((a, b) => a - b)).toEqual([2, 5, 25]);
  });

  it('gives up with STORE_THROTTLED when items stay unprocessed', async () => {
    // Prepare
    aws.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({ UnprocessedItems: input.RequestItems }));
    // Act
    const error = await store.putSendRows('c', 1, rows(3)).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(GuardError);
    expect((error as GuardError).code).toBe('STORE_THROTTLED');
    expect(aws.commandCalls(BatchWriteCommand).length).toBeGreaterThan(1);
  });

  it('asks for suppressed addresses in batches of 100 and retries the keys DynamoDB left unprocessed', async () => {
    // Prepare
    let isFirstCall = true;
    aws.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { pk: string; sk: string }[] }> }) => {
      const keys = input.RequestItems.mocked!.Keys;
      const found = keys.filter((key) => key.sk.startsWith('blocked'));
      if (isFirstCall) {
        isFirstCall = false;
        return { Responses: { mocked: [] }, UnprocessedKeys: { mocked: { Keys: keys } } };
      }
      return { Responses: { mocked: found }, UnprocessedKeys: {} };
    });
    const addresses = Array.from({ length: 150 }, (_, i) => (i % 50 === 0 ? `Blocked${i}@example.org` : `ok${i}@example.org`));
    // Act
    const found = await store.suppressed(addresses);
    // Assess
    expect(found).toEqual(new Set(['blocked0@example.org', 'blocked50@example.org', 'blocked100@example.org']));
    expect(aws.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems!.mocked!.Keys!.length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
  });

  it('turns a failed condition into a ConflictError that keeps the SDK error as its cause', async () => {
    // Prepare
    const refusal = new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    aws.on(PutCommand).resolves({}).on(PutCommand, { ConditionExpression: 'attribute_not_exists(pk)' }).rejects(refusal);
    // Act
    const error = await store.createCampaign(aCampaign('c')).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).cause).toBe(refusal);
  });

  it('turns throttling into a GuardError with code STORE_THROTTLED, never an SDK error', async () => {
    // Prepare
    aws.on(UpdateCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    // Act
    const error = await store.moveSendRow('c', 1, 0, 'pending', { status: 'claimed' }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(GuardError);
    expect(error).not.toBeInstanceOf(DynamoDBServiceException);
    expect((error as GuardError).code).toBe('STORE_THROTTLED');
  });
});
