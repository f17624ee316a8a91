import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import * as sesLocal from 'aws-ses-v2-local';
import { ensureTable } from './adapters/aws/dynamo-campaign-store.ts';
import { createLocalServer } from './adapters/local/local-server.ts';
import { getLocalQueue, getServices, resetServices } from './compose.ts';
import type { BlobStore } from './ports/blob-store.ts';
import { finishJob } from './core/workflow/send-plan.ts';

/** Where the local stack listens and keeps its data. */
export interface LocalStackOptions {
  root?: string;
  port?: number;
  sesPort?: number;
  dynamoPort?: number;
  dataDir?: string;
  /** Extra environment (CANARY_WINDOW_SECONDS, MAX_SEND_RATE_PER_SECOND…) for this stack. */
  env?: Record<string, string>;
}

export interface LocalStack {
  url: string;
  sesUrl: string;
  dynamoUrl: string;
  stop(): Promise<void>;
  /** Resolves when no send batch is waiting or running. */
  idle(): Promise<void>;
}

function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use: stop what uses it or set another port`) : error),
    );
    server.listen(port, host, () => resolvePort((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((done) => {
    server.closeAllConnections?.();
    server.close(() => done());
  });
}

/**
 * Starts followup-guard on one machine: dynalite (data under .data/), aws-ses-v2-local (its inbox page
 * on the SES port), the in-process queue driving the same worker handler, and the same HTTP handlers
 * behind one server.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const root = resolve(options.root ?? process.cwd());
  const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? join(root, '.data'));
  mkdirSync(join(dataDir, 'dynamo'), { recursive: true });
  const secretFile = join(dataDir, 'secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });

  const dynamo = dynalite({ path: join(dataDir, 'dynamo'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }) as Server;
  const dynamoPort = await listen(dynamo, options.dynamoPort ?? Number(process.env.DYNAMO_PORT ?? 8000));
  // aws-ses-v2-local is CommonJS with `exports.default`: depending on the loader it arrives wrapped once or twice.
  let startSes: unknown = sesLocal;
  for (let depth = 0; depth < 3 && typeof startSes !== 'function'; depth++) startSes = (startSes as { default?: unknown }).default;
  if (typeof startSes !== 'function') throw new Error('aws-ses-v2-local exports no server function');
  const ses = await (startSes as (config: { host: string; port: number }) => Promise<Server>)({ host: '127.0.0.1', port: options.sesPort ?? Number(process.env.SES_PORT ?? 8005) });
  const sesPort = (ses.address() as AddressInfo).port;

  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const env: Record<string, string> = {
    STACK: 'local',
    GUARD_SECRET: readFileSync(secretFile, 'utf8').trim(),
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamoPort}`,
    SES_ENDPOINT: `http://127.0.0.1:${sesPort}`,
    DATA_DIR: dataDir,
    TEAM_FILE: join(root, 'team.json'),
    SYSTEM_FROM: 'followup-guard <guard@numerique-territoires.fr>',
    CANARY_WINDOW_SECONDS: '20',
    CANARY_SIZE: '5',
    BATCH_SIZE: '20',
    MAX_SEND_RATE_PER_SECOND: '20',
    FINISH_CHECK_DELAY_SECONDS: '2',
    ...options.env,
  };
  const dynamoClient = new DynamoDBClient({ endpoint: env.DYNAMODB_ENDPOINT, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(dynamoClient, process.env.TABLE_NAME ?? 'followup-guard');
  dynamoClient.destroy();

  // The server listens before the services are composed: links carry its public URL (and port).
  let blobs: BlobStore | undefined;
  const deferred: BlobStore = {
    put: (key, body) => blobs!.put(key, body),
    get: (key) => blobs!.get(key),
    list: (prefix) => blobs!.list(prefix),
    uploadUrl: (key, seconds) => blobs!.uploadUrl(key, seconds),
  };
  const { server } = createLocalServer({ root, blobs: deferred });
  const httpPort = await listen(server, port, process.env.HOST ?? '127.0.0.1');
  Object.assign(process.env, { PUBLIC_URL: `http://localhost:${httpPort}`, ...env });
  resetServices();
  const services = await getServices();
  blobs = services.blobs;
  const queue = (await getLocalQueue())!;
  const worker = (await import('../functions/send-batch.ts')).handler;
  queue.consume(async (job) => {
    const result = await worker({ Records: [{ messageId: `${job.campaignId}/${job.version}/${job.from}`, body: JSON.stringify(job) }] } as never);
    return result.batchItemFailures.length === 0;
  });
  // The in-process queue does not survive a restart (SQS would): a send that was going on when the
  // stack stopped gets a finish check, which queues again whatever is still pending.
  for (const campaign of await services.store.listCampaigns()) {
    if (campaign.status === 'sending') await queue.enqueue([finishJob(campaign.id, campaign.version, campaign.counts.selected)]);
  }

  return {
    url: `http://localhost:${httpPort}`,
    sesUrl: `http://localhost:${sesPort}`,
    dynamoUrl: env.DYNAMODB_ENDPOINT!,
    idle: () => queue.idle(),
    async stop() {
      // The batches already running finish (each stops at its batch size or time budget) before the
      // store closes under them; nothing new starts.
      await queue.close();
      await close(server);
      await close(ses);
      await close(dynamo);
      resetServices();
    },
  };
}
