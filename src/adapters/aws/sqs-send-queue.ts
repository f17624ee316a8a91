import { SQSClient, SendMessageBatchCommand, type BatchResultErrorEntry, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { GuardError } from '../../core/errors.ts';
import type { SendJob, SendQueue } from '../../ports/send-queue.ts';

/** SQS takes at most 10 entries per SendMessageBatch. */
const MAX_BATCH_ENTRIES = 10;
/** SQS refuses a DelaySeconds above 15 minutes. */
export const MAX_DELAY_SECONDS = 900;
/** Attempts per entry that SQS reports as failed for a reason that is not the sender's fault. */
const MAX_ATTEMPTS = 3;

/** Options of {@link SqsSendQueue}. */
export interface SqsSendQueueOptions {
  queueUrl: string;
  client?: SQSClient | undefined;
}

const sendJobSchema = z.object({
  campaignId: z.string().min(1),
  version: z.number().int().nonnegative(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  phase: z.enum(['canary', 'main', 'finish']),
  attempt: z.number().int().nonnegative().optional(),
}).refine((job) => job.to >= job.from, { message: 'expected "to" to be at least "from"', path: ['to'] });

/** Reads a queued message body as a SendJob; throws a GuardError (SEND_JOB_INVALID) naming the field. */
export function parseSendJob(body: string): SendJob {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    throw new GuardError('SEND_JOB_INVALID', `Send job body is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = sendJobSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`);
    throw new GuardError('SEND_JOB_INVALID', `Send job body is invalid: ${problems.join('; ')}`);
  }
  const { campaignId, version, from, to, phase, attempt } = result.data;
  return { campaignId, version, from, to, phase, ...(attempt !== undefined ? { attempt } : {}) };
}

/** The delay SQS is given: whole seconds, 0 to 900. */
function sqsDelaySeconds(delaySeconds: number | undefined): number {
  if (delaySeconds === undefined || !Number.isFinite(delaySeconds) || delaySeconds <= 0) return 0;
  return Math.min(MAX_DELAY_SECONDS, Math.ceil(delaySeconds));
}

/**
 * Queues send jobs on SQS with SendMessageBatch, 10 at a time. A delay above SQS's maximum of
 * 900 s (15 min) is capped at 900 s; a longer wait must be scheduled elsewhere. Entries SQS
 * reports as failed are sent again (up to 3 attempts) unless SQS blames the sender; if some
 * still fail, throws a GuardError (QUEUE_SEND_FAILED) naming them — the jobs of the other entries
 * are queued already, so a caller retrying must tolerate duplicates (the send claims each recipient).
 */
export class SqsSendQueue implements SendQueue {
  private readonly queueUrl: string;
  private readonly client: SQSClient;

  constructor(options: SqsSendQueueOptions) {
    this.queueUrl = options.queueUrl;
    this.client = options.client ?? new SQSClient({});
  }

  async enqueue(jobs: readonly SendJob[], delaySeconds?: number): Promise<void> {
    const delay = sqsDelaySeconds(delaySeconds);
    const failures: BatchResultErrorEntry[] = [];
    for (let start = 0; start < jobs.length; start += MAX_BATCH_ENTRIES) {
      const entries = jobs.slice(start, start + MAX_BATCH_ENTRIES).map(
        (job, index): SendMessageBatchRequestEntry => ({
          Id: `job-${start + index}`,
          MessageBody: JSON.stringify({ campaignId: job.campaignId, version: job.version, from: job.from, to: job.to, phase: job.phase, ...(job.attempt !== undefined ? { attempt: job.attempt } : {}) }),
          DelaySeconds: delay,
        }),
      );
      try {
        failures.push(...(await this.sendWithRetries(entries)));
      } catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        const message = error instanceof Error ? error.message : String(error);
        const queued = start - failures.length;
        throw new GuardError('QUEUE_SEND_FAILED', `SQS SendMessageBatch failed after ${queued} of ${jobs.length} send jobs were queued: ${name}: ${message}`, { cause: error });
      }
    }
    if (failures.length > 0) {
      const described = failures.map((f) => `${f.Id} (${f.Code ?? 'unknown'}${f.Message ? `: ${f.Message}` : ''})`);
      throw new GuardError('QUEUE_SEND_FAILED', `SQS did not queue ${failures.length} of ${jobs.length} send jobs: ${described.join(', ')}`);
    }
  }

  private async sendWithRetries(entries: SendMessageBatchRequestEntry[]): Promise<BatchResultErrorEntry[]> {
    let pending = entries;
    let lastFailures: BatchResultErrorEntry[] = [];
    const refused: BatchResultErrorEntry[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length > 0; attempt++) {
      const output = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
      const failed = output.Failed ?? [];
      refused.push(...failed.filter((f) => f.SenderFault));
      lastFailures = failed.filter((f) => !f.SenderFault);
      const retryIds = new Set(lastFailures.map((f) => f.Id));
      pending = pending.filter((entry) => retryIds.has(entry.Id));
    }
    return [...refused, ...lastFailures];
  }
}
