import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DynamoCampaignStore } from './adapters/aws/dynamo-campaign-store.ts';
import { S3BlobStore } from './adapters/aws/s3-blob-store.ts';
import { SesMailer } from './adapters/aws/ses-mailer.ts';
import { SqsSendQueue } from './adapters/aws/sqs-send-queue.ts';
import { SsmTeamDirectory } from './adapters/aws/ssm-team-directory.ts';
import { FileMailTemplates } from './adapters/local/file-mail-templates.ts';
import { FileTeamDirectory } from './adapters/local/file-team-directory.ts';
import { FolderBlobStore } from './adapters/local/folder-blob-store.ts';
import { InProcessQueue } from './adapters/local/in-process-queue.ts';
import { SystemClock } from './adapters/local/system-clock.ts';
import { WebhookNotifier } from './adapters/local/webhook-notifier.ts';
import { parseConfig, type Config } from './config.ts';
import type { Services, Settings } from './use-cases/services.ts';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

let services: Promise<Services> | undefined;
let localQueue: InProcessQueue | undefined;

function settingsOf(config: Config, secret: string): Settings {
  return {
    publicUrl: config.PUBLIC_URL,
    secret,
    systemFrom: config.SYSTEM_FROM,
    reviewTtlSeconds: config.REVIEW_TTL_SECONDS,
    signInTtlSeconds: config.SIGN_IN_TTL_SECONDS,
    signInLinksPer15Minutes: config.SIGN_IN_LINKS_PER_15_MINUTES,
    sessionTtlSeconds: config.SESSION_TTL_SECONDS,
    workerBudgetMs: config.WORKER_BUDGET_MS,
    checkBudgetMs: config.CHECK_BUDGET_MS,
    finishCheckDelaySeconds: config.FINISH_CHECK_DELAY_SECONDS,
    maxSendRatePerSecond: config.MAX_SEND_RATE_PER_SECOND,
    workerConcurrency: config.WORKER_CONCURRENCY,
    batchSize: config.BATCH_SIZE,
    canarySize: config.CANARY_SIZE,
    canaryWindowSeconds: config.CANARY_WINDOW_SECONDS,
  };
}

async function secretOf(config: Config): Promise<string> {
  if (config.GUARD_SECRET) return config.GUARD_SECRET;
  if (!config.GUARD_SECRET_PARAMETER) throw new Error('GUARD_SECRET is not set');
  const answer = await new SSMClient({}).send(new GetParameterCommand({ Name: config.GUARD_SECRET_PARAMETER, WithDecryption: true }));
  const value = answer.Parameter?.Value;
  if (!value || value.length < 32) throw new Error(`the SSM parameter ${config.GUARD_SECRET_PARAMETER} must hold a secret of at least 32 characters`);
  return value;
}

function newId(): string {
  return `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
}

async function compose(config: Config): Promise<Services> {
  const secret = await secretOf(config);
  const settings = settingsOf(config, secret);
  const common = {
    clock: new SystemClock(),
    notifier: new WebhookNotifier({ url: config.CHAT_WEBHOOK_URL }),
    mailTemplates: new FileMailTemplates(),
    settings,
    newId,
  };
  if (config.STACK === 'aws') {
    return {
      ...common,
      store: new DynamoCampaignStore({ tableName: config.TABLE_NAME }),
      mailer: new SesMailer({ configurationSet: config.SES_CONFIGURATION_SET }),
      queue: new SqsSendQueue({ queueUrl: config.QUEUE_URL! }),
      blobs: new S3BlobStore({ bucket: config.BUCKET_NAME! }),
      team: config.TEAM_PARAMETER ? new SsmTeamDirectory({ parameterName: config.TEAM_PARAMETER }) : new FileTeamDirectory(config.TEAM_FILE),
    };
  }
  localQueue ??= new InProcessQueue({ concurrency: settings.workerConcurrency, redeliverySeconds: 5 });
  return {
    ...common,
    store: new DynamoCampaignStore({
      tableName: config.TABLE_NAME,
      client: new DynamoDBClient({ endpoint: config.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000', region: 'local', credentials: LOCAL_CREDENTIALS }),
    }),
    mailer: new SesMailer({
      client: new SESClient({ endpoint: config.SES_ENDPOINT ?? 'http://127.0.0.1:8005', region: 'local', credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    }),
    queue: localQueue,
    blobs: new FolderBlobStore({ root: join(config.DATA_DIR, 'blobs'), publicUrl: config.PUBLIC_URL }),
    team: new FileTeamDirectory(config.TEAM_FILE),
  };
}

/** The composition root: configuration → adapters → services, built once per process (Lambda container). */
export function getServices(): Promise<Services> {
  services ??= compose(parseConfig());
  return services;
}

/** The local stack's in-process queue (undefined on AWS). */
export async function getLocalQueue(): Promise<InProcessQueue | undefined> {
  await getServices();
  return localQueue;
}

/** Forgets the composed services (tests that change the environment). */
export function resetServices(): void {
  services = undefined;
  void localQueue?.close();
  localQueue = undefined;
}
