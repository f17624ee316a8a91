import { SQSClient, SendMessageBatchCommand, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseSendJob, SqsSendQueue } from '../../src/adapters/aws/sqs-send-queue.ts';
import { GuardError } from '../../src/core/errors.ts';
import type { SendJob } from '../../src/ports/send-queue.ts';

const QUEUE_URL = 'https://sqs.eu-west-3.amazonaws.com/123456789012/followup-send';

function jobs(count: number): SendJob[] {
  return Array.from({ length: count }, (_, i) => ({ campaignId: 'webinar-2024-03', version: 2, from: i * 50, to: (i + 1) * 50, phase: 'main' as const }));
}

function entriesOf(call: { args: [SendMessageBatchCommand] }): SendMessageBatchRequestEntry[] {
  return call.args[0].input.Entries ?? [];
}

describe('SqsSendQueue', () => {
  const sqs = mockClient(SQSClient);
  let queue: SqsSendQueue;

  beforeEach(() => {
    sqs.reset();
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: SendMessageBatchRequestEntry[] }) => ({
      Successful: input.Entries.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: 'x' })),
      Failed: [],
    }));
    queue = new SqsSendQueue({ queueUrl: QUEUE_URL, client: new SQSClient({ region: 'eu-west-3' }) });
  });

  it('sends the jobs in batches of at most 10 entries, to the configured queue', async () => {
    // Act
    await queue.enqueue(jobs(23));

    // Assess
    const calls = sqs.commandCalls(SendMessageBatchCommand);
    expect(calls.map((c) => entriesOf(c).length)).toEqual([10, 10, 3]);
    expect(calls.every((c) => c.args[0].input.QueueUrl === QUEUE_URL)).toBe(true);
    const bodies = calls.flatMap((c) => entriesOf(c).map((e) => parseSendJob(e.MessageBody!)));
    expect(bodies).toEqual(jobs(23));
    const ids = calls.flatMap((c) => entriesOf(c).map((e) => e.Id));
    expect(new Set(ids).size).toBe(23);
  });

  it('does not call SQS for an empty list', async () => {
    // Act
    await queue.enqueue([]);

    // Assess
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  it('gives every entry the requested delay, 0 when none is given', async () => {
    // Act
    await queue.enqueue(jobs(2), 300);
    await queue.enqueue(jobs(1));

    // Assess
    const [delayed, immediate] = sqs.commandCalls(SendMessageBatchCommand);
    expect(entriesOf(delayed!).map((e) => e.DelaySeconds)).toEqual([300, 300]);
    expect(entriesOf(immediate!).map((e) => e.DelaySeconds)).toEqual([0]);
  });

  it('caps a delay longer than 15 minutes at 900 seconds and rounds a fraction up', async () => {
    // Act
    await queue.enqueue(jobs(1), 3600);
    await queue.enqueue(jobs(1), 12.2);

    // Assess
    const [capped, rounded] = sqs.commandCalls(SendMessageBatchCommand);
    expect(entriesOf(capped!)[0]!.DelaySeconds).toBe(900);
    expect(entriesOf(rounded!)[0]!.DelaySeconds).toBe(13);
  });

  it('sends again only the entries SQS reports as failed', async () => {
    // Prepare
    let attempt = 0;
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: SendMessageBatchRequestEntry[] }) => {
      attempt++;
      const failing = attempt === 1 ? input.Entries.slice(0, 2) : [];
      return {
        Successful: input.Entries.filter((e) => !failing.includes(e)).map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })),
        Failed: failing.map((e) => ({ Id: e.Id, SenderFault: false, Code: 'InternalError', Message: 'try again' })),
      };
    });

    // Act
    await queue.enqueue(jobs(5));

    // Assess
    const calls = sqs.commandCalls(SendMessageBatchCommand);
    expect(calls).toHaveLength(2);
    expect(entriesOf(calls[1]!).map((e) => e.Id)).toEqual(entriesOf(calls[0]!).slice(0, 2).map((e) => e.Id));
    expect(entriesOf(calls[1]!).map((e) => e.MessageBody)).toEqual(entriesOf(calls[0]!).slice(0, 2).map((e) => e.MessageBody));
  });

  it('throws a GuardError naming the entries that still fail after the retries', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: SendMessageBatchRequestEntry[] }) => ({
      Successful: input.Entries.slice(1).map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })),
      Failed: [{ Id: input.Entries[0]!.Id, SenderFault: false, Code: 'InternalError', Message: 'try again' }],
    }));

    // Act
    const failure = await queue.enqueue(jobs(3)).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(GuardError);
    expect((failure as GuardError).code).toBe('QUEUE_SEND_FAILED');
    expect((failure as GuardError).message).toContain('1 of 3');
    expect((failure as GuardError).message).toContain('InternalError');
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(3);
  });

  it('does not retry an entry SQS blames on the sender', async () => {
    // Prepare
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: SendMessageBatchRequestEntry[] }) => ({
      Successful: [],
      Failed: input.Entries.map((e) => ({ Id: e.Id, SenderFault: true, Code: 'InvalidParameterValue', Message: 'bad delay' })),
    }));

    // Act
    const failure = await queue.enqueue(jobs(1)).catch((e: unknown) => e);

    // Assess
    expect((failure as GuardError).code).toBe('QUEUE_SEND_FAILED');
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(1);
  });

  it('turns an SQS error into a GuardError that says how many jobs were queued', async () => {
    // Prepare
    const denied = Object.assign(new Error('not authorized to perform sqs:SendMessage'), { name: 'AccessDenied' });
    sqs.on(SendMessageBatchCommand).resolvesOnce({ Successful: jobs(10).map((_, i) => ({ Id: `job-${i}`, MessageId: 'm', MD5OfMessageBody: 'x' })), Failed: [] }).rejects(denied);

    // Act
    const failure = await queue.enqueue(jobs(12)).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(GuardError);
    expect((failure as GuardError).message).toContain('10 of 12');
    expect((failure as GuardError).message).toContain('AccessDenied');
    expect((failure as GuardError).cause).toBe(denied);
  });
});

describe('parseSendJob', () => {
  it('reads a queued body back as the job', () => {
    // Act
    const job = parseSendJob('{"campaignId":"webinar-2024-03","version":2,"from":0,"to":12,"phase":"canary"}');

    // Assess
    expect(job).toEqual({ campaignId: 'webinar-2024-03', version: 2, from: 0, to: 12, phase: 'canary' });
  });

  it.each([
    ['text that is not JSON', 'not json', 'not JSON'],
    ['a missing campaign id', '{"version":2,"from":0,"to":12,"phase":"main"}', 'campaignId'],
    ['a fractional position', '{"campaignId":"c","version":2,"from":0.5,"to":12,"phase":"main"}', 'from'],
    ['a negative position', '{"campaignId":"c","version":2,"from":-1,"to":12,"phase":"main"}', 'from'],
    ['an end before the start', '{"campaignId":"c","version":2,"from":20,"to":12,"phase":"main"}', 'to'],
    ['an unknown phase', '{"campaignId":"c","version":2,"from":0,"to":12,"phase":"all"}', 'phase'],
    ['a version written as text', '{"campaignId":"c","version":"2","from":0,"to":12,"phase":"main"}', 'version'],
    ['an array', '[]', 'body'],
  ])('refuses %s with a GuardError naming the problem', (_label, body, named) => {
    // Act
    const failure = (() => {
      try {
        parseSendJob(body);
        return undefined;
      } catch (error) {
        return error;
      }
    })();

    // Assess
    expect(failure).toBeInstanceOf(GuardError);
    expect((failure as GuardError).code).toBe('SEND_JOB_INVALID');
    expect((failure as GuardError).message).toContain(named);
  });
});
