import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, waitUntilTableExists, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, GuardError } from '../../core/errors.ts';
import type { CampaignStatus } from '../../core/workflow/campaign-status.ts';
import type { HistoryEvent } from '../../core/workflow/history.ts';
import type { CampaignRecord, CampaignStore, DecisionRecord, HistoryEntry, SendCounts, SendRow, SendRowStatus, VersionRecord } from '../../ports/campaign-store.ts';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

const LISTING_PK = 'CAMPAIGNS';
const SUPPRESSION_PK = 'SUPPRESSION';
const MAX_POSITION = 999_999_999;
const BATCH_WRITE_SIZE = 25;
const BATCH_GET_SIZE = 100;
const PARALLEL_BATCHES = 8;
const MAX_BATCH_ATTEMPTS = 10;
const SEND_COUNT_KEYS: readonly (keyof SendCounts)[] = ['selected', 'sent', 'failed', 'suppressed', 'skipped'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const campaignKey = (id: string): Key => ({ pk: `CAMPAIGN#${id}`, sk: 'META' });
const listingKey = (createdAt: string, id: string): Key => ({ pk: LISTING_PK, sk: `${createdAt}#${id}` });
const versionKey = (id: string, version: number): Key => ({ pk: `CAMPAIGN#${id}`, sk: `VERSION#${pad(version, 6)}` });
const decisionKey = (id: string, version: number): Key => ({ pk: `CAMPAIGN#${id}`, sk: `DECISION#${pad(version, 6)}` });
const sendPk = (id: string, version: number): string => `SEND#${id}#${version}`;
const rowSk = (position: number): string => `ROW#${pad(position, 9)}`;
const suppressionKey = (email: string): Key => ({ pk: SUPPRESSION_PK, sk: email.toLowerCase() });
const signInKey = (tokenHash: string): Key => ({ pk: `SIGNIN#${tokenHash}`, sk: 'TOKEN' });
const signInRequestsKey = (email: string, windowStart: string): Key => ({ pk: `SIGNIN-REQUESTS#${email.toLowerCase()}`, sk: windowStart });
const revokedSessionKey = (nonce: string): Key => ({ pk: `SESSION#${nonce}`, sk: 'REVOKED' });

/** Process-monotonic suffix: history entries that share a timestamp keep the order they were added in. */
const historySuffix = (): string => `${process.hrtime.bigint().toString().padStart(20, '0')}#${randomBytes(4).toString('hex')}`;

/** Drops undefined values deeply, so that an injected DocumentClient without `removeUndefinedValues` still accepts the item. */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)])) as T;
  }
  return value;
}

function withoutKeys<T>(item: Item): T {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const errorName = (error: unknown): string | undefined => (error instanceof Error ? error.name : undefined);
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);

/** Turns any SDK failure into a GuardError, keeping the SDK error as `cause`. */
function storeFailure(what: string, error: unknown): GuardError {
  if (error instanceof GuardError) return error;
  const name = errorName(error);
  const code = name && THROTTLING.has(name) ? 'STORE_THROTTLED' : 'STORE_FAILED';
  return new GuardError(code, `The campaign store could not ${what}${name ? ` (${name})` : ''}.`, { cause: error });
}

/** Builds `SET a = :a, … REMOVE b, …` from a record of changes: undefined means remove. */
function changeExpression(changes: Item, prefix: string): { expression: string; names: Record<string, string>; values: Item } {
  const sets: string[] = [];
  const removes: string[] = [];
  const names: Record<string, string> = {};
  const values: Item = {};
  Object.entries(changes).forEach(([field, value], i) => {
    const name = `#${prefix}${i}`;
    names[name] = field;
    if (value === undefined) {
      removes.push(name);
    } else {
      values[`:${prefix}${i}`] = withoutUndefined(value);
      sets.push(`${name} = :${prefix}${i}`);
    }
  });
  const expression = [sets.length > 0 ? `SET ${sets.join(', ')}` : '', removes.length > 0 ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' ');
  return { expression, names, values };
}

/** The CreateTable input of the campaign table: on-demand, string keys `pk` and `sk`, no index. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
  };
}

/** Creates the campaign table when it does not exist and waits until it is active (local stack, tests). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    let status: string | undefined;
    try {
      status = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus;
    } catch (error) {
      if (errorName(error) !== 'ResourceNotFoundException') throw error;
    }
    if (status === 'ACTIVE') return;
    if (status === undefined) {
      try {
        await client.send(new CreateTableCommand(tableDefinition(tableName)));
      } catch (error) {
        // Another process created it between our describe and our create.
        if (errorName(error) !== 'ResourceInUseException') throw error;
      }
    }
    await waitUntilTableExists({ client, minDelay: 1, maxDelay: 5, maxWaitTime: 120 }, { TableName: tableName });
  } catch (error) {
    throw storeFailure(`create the table ${tableName}`, error);
  }
}

/** CampaignStore on one DynamoDB table; every conditional change is a single conditional write, no transaction. */
export class DynamoCampaignStore implements CampaignStore {
  private readonly tableName: string;
  private readonly client: DynamoDBDocumentClient;
  private readonly retryBaseDelayMs: number;

  constructor(options: { tableName: string; client?: DynamoDBDocumentClient | DynamoDBClient; retryBaseDelayMs?: number }) {
    this.tableName = options.tableName;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 50;
    const client = options.client ?? new DynamoDBClient({});
    this.client = client instanceof DynamoDBDocumentClient ? client : DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async createCampaign(campaign: CampaignRecord): Promise<void> {
    // The listing pointer goes first and is idempotent: a pointer without its campaign (a crash in
    // between, or a refused duplicate) is dropped by listCampaigns, which checks createdAt.
    const listing = listingKey(campaign.createdAt, campaign.id);
    await this.run(`list the campaign ${campaign.id}`, () => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...listing, id: campaign.id } })));
    await this.run(
      `create the campaign ${campaign.id}`,
      () =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...withoutUndefined(campaign), ...campaignKey(campaign.id) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      `campaign ${campaign.id} exists`,
    );
  }

  async getCampaign(id: string): Promise<CampaignRecord | undefined> {
    const item = await this.getItem(campaignKey(id), `read the campaign ${id}`);
    return item && withoutKeys<CampaignRecord>(item);
  }

  async listCampaigns(): Promise<CampaignRecord[]> {
    const pointers = await this.queryAll(`list the campaigns`, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': LISTING_PK },
      ScanIndexForward: false,
    });
    const ids = [...new Set(pointers.map((p) => String(p.id)))];
    const metas = await this.batchGet(ids.map(campaignKey), 'read the listed campaigns');
    const byId = new Map(metas.map((item) => [String(item.id), withoutKeys<CampaignRecord>(item)]));
    const listed: CampaignRecord[] = [];
    for (const pointer of pointers) {
      const campaign = byId.get(String(pointer.id));
      if (campaign && listingKey(campaign.createdAt, campaign.id).sk === pointer.sk) listed.push(campaign);
    }
    return listed;
  }

  async updateCampaign(
    id: string,
    condition: { fromStatuses: readonly CampaignStatus[]; version?: number | undefined },
    changes: Partial<Pick<CampaignRecord, 'status' | 'version' | 'approvedBy' | 'updatedAt' | 'title' | 'eventId' | 'organizerName'>>,
  ): Promise<CampaignRecord> {
    const refusal = `campaign ${id} is not ${condition.fromStatuses.join(' or ')}${condition.version !== undefined ? ` at version ${condition.version}` : ''}`;
    const update = changeExpression(changes, 'c');
    if (condition.fromStatuses.length === 0) throw new ConflictError(refusal);
    if (update.expression === '') {
      const current = await this.getCampaign(id);
      if (!current || !condition.fromStatuses.includes(current.status) || (condition.version !== undefined && current.version !== condition.version)) {
        throw new ConflictError(refusal);
      }
      return current;
    }
    const fromValues = Object.fromEntries(condition.fromStatuses.map((status, i) => [`:from${i}`, status]));
    const versionCondition = condition.version !== undefined ? ' AND #expectedVersion = :expectedVersion' : '';
    const result = await this.run(
      `update the campaign ${id}`,
      () =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: campaignKey(id),
            UpdateExpression: update.expression,
            ConditionExpression: `attribute_exists(pk) AND #currentStatus IN (${Object.keys(fromValues).join(', ')})${versionCondition}`,
            ExpressionAttributeNames: {
              ...update.names,
              '#currentStatus': 'status',
              ...(condition.version !== undefined ? { '#expectedVersion': 'version' } : {}),
            },
            ExpressionAttributeValues: {
              ...update.values,
              ...fromValues,
              ...(condition.version !== undefined ? { ':expectedVersion': condition.version } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      refusal,
    );
    return withoutKeys<CampaignRecord>(result.Attributes ?? {});
  }

  async addCounts(id: string, deltas: Partial<SendCounts>): Promise<void> {
    const added = SEND_COUNT_KEYS.filter((key) => typeof deltas[key] === 'number' && Number.isFinite(deltas[key]));
    if (added.length === 0) return;
    const names: Record<string, string> = { '#counts': 'counts' };
    const values: Item = {};
    added.forEach((key, i) => {
      names[`#k${i}`] = key;
      values[`:k${i}`] = deltas[key];
    });
    await this.ignoreRefusal(
      `add to the counters of campaign ${id}`,
      () =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: campaignKey(id),
            UpdateExpression: `ADD ${added.map((_, i) => `#counts.#k${i} :k${i}`).join(', ')}`,
            // Without it, ADD on an unknown campaign would create a stray item holding only counters.
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
    );
  }

  async setCounts(id: string, counts: SendCounts): Promise<void> {
    await this.ignoreRefusal(`set the counters of campaign ${id}`, () =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: campaignKey(id),
          UpdateExpression: 'SET #counts = :counts',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#counts': 'counts' },
          ExpressionAttributeValues: { ':counts': { ...counts } },
        }),
      ),
    );
  }

  async putVersion(version: VersionRecord): Promise<void> {
    await this.putNew(versionKey(version.campaignId, version.version), version, `store version ${version.version} of campaign ${version.campaignId}`, `version ${version.campaignId}#${version.version} exists`);
  }

  async getVersion(campaignId: string, version: number): Promise<VersionRecord | undefined> {
    const item = await this.getItem(versionKey(campaignId, version), `read version ${version} of campaign ${campaignId}`);
    return item && withoutKeys<VersionRecord>(item);
  }

  async addHistory(campaignId: string, entry: HistoryEntry): Promise<void> {
    const item = withoutUndefined({ pk: `CAMPAIGN#${campaignId}`, sk: `HISTORY#${entry.at}#${historySuffix()}`, at: entry.at, who: entry.who, what: entry.what, event: entry.event });
    await this.run(`add to the history of campaign ${campaignId}`, () => this.client.send(new PutCommand({ TableName: this.tableName, Item: item })));
  }

  async history(campaignId: string): Promise<HistoryEntry[]> {
    const items = await this.queryAll(`read the history of campaign ${campaignId}`, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `CAMPAIGN#${campaignId}`, ':prefix': 'HISTORY#' },
    });
    return items.map((item) => ({
      at: String(item.at),
      who: String(item.who),
      what: String(item.what),
      // Written by addHistory from a HistoryEvent; entries recorded before events were kept have none.
      ...(item.event !== null && typeof item.event === 'object' ? { event: item.event as HistoryEvent } : {}),
    }));
  }

  async recordDecision(decision: DecisionRecord): Promise<void> {
    await this.putNew(
      decisionKey(decision.campaignId, decision.version),
      decision,
      `record the decision on version ${decision.version} of campaign ${decision.campaignId}`,
      `version ${decision.campaignId}#${decision.version} is already decided`,
    );
  }

  async getDecision(campaignId: string, version: number): Promise<DecisionRecord | undefined> {
    const item = await this.getItem(decisionKey(campaignId, version), `read the decision on version ${version} of campaign ${campaignId}`);
    return item && withoutKeys<DecisionRecord>(item);
  }

  async putSendRows(campaignId: string, version: number, rows: readonly SendRow[]): Promise<void> {
    const pk = sendPk(campaignId, version);
    // One BatchWrite may not hold the same key twice: the last row of a position wins, as in a plain overwrite.
    const byPosition = new Map<number, SendRow>();
    for (const row of rows) {
      if (!Number.isInteger(row.position) || row.position < 0 || row.position > MAX_POSITION) {
        throw new GuardError('STORE_INVALID_ROW', `A send row position must be an integer from 0 to ${MAX_POSITION}; found ${row.position}.`);
      }
      byPosition.set(row.position, row);
    }
    const requests = [...byPosition.values()].map((row) => ({ PutRequest: { Item: { ...withoutUndefined(row), pk, sk: rowSk(row.position) } } }));
    await inParallel(chunk(requests, BATCH_WRITE_SIZE), PARALLEL_BATCHES, async (batch) => {
      let pending: typeof batch = batch;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= MAX_BATCH_ATTEMPTS) {
          throw new GuardError('STORE_THROTTLED', `The campaign store kept ${pending.length} send rows of campaign ${campaignId} version ${version} unprocessed after ${MAX_BATCH_ATTEMPTS} attempts.`);
        }
        if (attempt > 0) await this.backoff(attempt);
        const result = await this.run(`write the send rows of campaign ${campaignId}`, () => this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } })));
        pending = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof batch;
      }
    });
  }

  async getSendRows(campaignId: string, version: number, from: number, to: number): Promise<SendRow[]> {
    const first = Math.max(0, Math.ceil(from));
    const last = Math.min(MAX_POSITION, Math.ceil(to) - 1);
    if (Number.isNaN(first) || Number.isNaN(last) || last < first) return [];
    const items = await this.queryAll(`read the send rows of campaign ${campaignId}`, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ExpressionAttributeValues: { ':pk': sendPk(campaignId, version), ':first': rowSk(first), ':last': rowSk(last) },
    });
    return items.map((item) => withoutKeys<SendRow>(item));
  }

  async moveSendRow(
    campaignId: string,
    version: number,
    position: number,
    from: SendRowStatus,
    to: Pick<SendRow, 'status'> & Partial<Pick<SendRow, 'reason' | 'messageId' | 'at' | 'attempts'>>,
  ): Promise<boolean> {
    const update = changeExpression(to, 'c');
    try {
      await this.run(
        `move send row ${position} of campaign ${campaignId}`,
        () =>
          this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: { pk: sendPk(campaignId, version), sk: rowSk(position) },
              UpdateExpression: update.expression,
              // Fails on a missing row too: a row is only ever moved from the status its mover saw.
              ConditionExpression: '#currentStatus = :from',
              ExpressionAttributeNames: { ...update.names, '#currentStatus': 'status' },
              ExpressionAttributeValues: { ...update.values, ':from': from },
            }),
          ),
        `send row ${position} is not ${from}`,
      );
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  async addSuppression(email: string, source: string, at: string): Promise<void> {
    const key = suppressionKey(email);
    // The first suppression of an address is kept, with its source and time.
    await this.ignoreRefusal(`suppress ${key.sk}`, () =>
      this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...key, email: key.sk, source, at }, ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  }

  async suppressed(emails: readonly string[]): Promise<Set<string>> {
    const addresses = [...new Set(emails.map((email) => email.toLowerCase()))];
    const found = await this.batchGet(addresses.map(suppressionKey), 'read the suppression list', true);
    return new Set(found.map((item) => String(item.sk)));
  }

  async revokeSession(nonce: string, expiresAt: string): Promise<void> {
    // expiresAtEpoch: the table's TTL attribute on AWS removes the record once the session is dead anyway.
    const item = { ...revokedSessionKey(nonce), expiresAt, expiresAtEpoch: Math.ceil(new Date(expiresAt).getTime() / 1000) };
    await this.run('sign a session out', () => this.client.send(new PutCommand({ TableName: this.tableName, Item: item })));
  }

  async isSessionRevoked(nonce: string): Promise<boolean> {
    return (await this.getItem(revokedSessionKey(nonce), 'read a signed-out session')) !== undefined;
  }

  async countSignInRequest(email: string, windowStart: string, windowEnd: string): Promise<number> {
    const result = await this.run('count a sign-in request', () =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: signInRequestsKey(email, windowStart),
          // expiresAtEpoch: the table's TTL attribute on AWS removes the counter once its window is over.
          UpdateExpression: 'ADD requests :one SET expiresAtEpoch = :end',
          ExpressionAttributeValues: { ':one': 1, ':end': Math.ceil(new Date(windowEnd).getTime() / 1000) },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(result.Attributes?.requests ?? 1);
  }

  async putSignInToken(tokenHash: string, email: string, expiresAt: string): Promise<void> {
    await this.run('store a sign-in token', () => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...signInKey(tokenHash), email, expiresAt } })));
  }

  async peekSignInToken(tokenHash: string, now: string): Promise<'usable' | 'unknown' | 'expired' | 'used'> {
    const token = await this.getItem(signInKey(tokenHash), 'read a sign-in token');
    if (!token) return 'unknown';
    if (token.usedAt !== undefined) return 'used';
    return String(token.expiresAt) > now ? 'usable' : 'expired';
  }

  async consumeSignInToken(tokenHash: string, now: string): Promise<{ email: string } | { refused: 'unknown' | 'expired' | 'used' }> {
    try {
      const result = await this.run(
        'use a sign-in token',
        () =>
          this.client.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: signInKey(tokenHash),
              UpdateExpression: 'SET #usedAt = :now',
              // ISO-8601 UTC strings compare in time order.
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#usedAt) AND #expiresAt > :now',
              ExpressionAttributeNames: { '#usedAt': 'usedAt', '#expiresAt': 'expiresAt' },
              ExpressionAttributeValues: { ':now': now },
              ReturnValues: 'ALL_NEW',
            }),
          ),
        'sign-in token refused',
      );
      return { email: String(result.Attributes?.email) };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    const token = await this.getItem(signInKey(tokenHash), 'read a sign-in token');
    if (!token) return { refused: 'unknown' };
    if (token.usedAt !== undefined) return { refused: 'used' };
    return { refused: 'expired' };
  }

  /** Runs one SDK call: a failed condition becomes ConflictError(`conflict`), any other failure a GuardError. */
  private async run<T>(what: string, call: () => Promise<T>, conflict?: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (conflict !== undefined && errorName(error) === 'ConditionalCheckFailedException') throw new ConflictError(conflict, { cause: error });
      throw storeFailure(what, error);
    }
  }

  private async ignoreRefusal(what: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await this.run(what, call, what);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  private async putNew(key: Key, record: object, what: string, conflict: string): Promise<void> {
    await this.run(what, () => this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...withoutUndefined(record), ...key }, ConditionExpression: 'attribute_not_exists(pk)' })), conflict);
  }

  private async getItem(key: Key, what: string): Promise<Item | undefined> {
    const result = await this.run(what, () => this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })));
    return result.Item;
  }

  private async queryAll(what: string, query: { KeyConditionExpression: string; ExpressionAttributeValues: Item; ScanIndexForward?: boolean }): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.run(what, () => this.client.send(new QueryCommand({ TableName: this.tableName, ConsistentRead: true, ...query, ExclusiveStartKey: startKey })));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  private async batchGet(keys: readonly Key[], what: string, isKeyOnly = false): Promise<Item[]> {
    const projection = isKeyOnly ? { ProjectionExpression: '#pk, #sk', ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' } } : {};
    const found: Item[] = [];
    await inParallel(chunk(keys, BATCH_GET_SIZE), PARALLEL_BATCHES, async (batch) => {
      let pending: Item[] = batch;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= MAX_BATCH_ATTEMPTS) throw new GuardError('STORE_THROTTLED', `The campaign store could not ${what}: ${pending.length} keys unprocessed after ${MAX_BATCH_ATTEMPTS} attempts.`);
        if (attempt > 0) await this.backoff(attempt);
        const result = await this.run(what, () =>
          this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true, ...projection } } })),
        );
        found.push(...(result.Responses?.[this.tableName] ?? []));
        pending = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    });
    return found;
  }

  /** Exponential backoff with full jitter before retrying unprocessed batch items. */
  private async backoff(attempt: number): Promise<void> {
    const capMs = Math.min(this.retryBaseDelayMs * 2 ** attempt, 5_000);
    if (capMs > 0) await sleep(Math.random() * capMs);
  }
}
