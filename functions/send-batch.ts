import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseSendJob } from '../src/adapters/aws/sqs-send-queue.ts';
import { getServices } from '../src/compose.ts';
import { sendBatch } from '../src/use-cases/send-batch.ts';

/**
 * The send worker (SQS): one batch per message. A batch that could not finish (time budget, SES
 * transient errors) or that failed is reported as a partial batch failure, so SQS delivers it again;
 * a malformed message is reported too, and ends in the dead-letter queue after its retries.
 */
export async function handler(event: SQSEvent, context?: { getRemainingTimeInMillis?: () => number }): Promise<SQSBatchResponse> {
  const services = await getServices();
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const job = parseSendJob(record.body);
      const outcome = await sendBatch(services, job);
      if (!outcome.isComplete) failures.push({ itemIdentifier: record.messageId });
    } catch (error) {
      console.error(`followup-guard: send batch ${record.messageId} failed; SQS will deliver it again`, error);
      failures.push({ itemIdentifier: record.messageId });
    }
    if (context?.getRemainingTimeInMillis && context.getRemainingTimeInMillis() < 30_000) {
      for (const rest of event.Records.slice(event.Records.indexOf(record) + 1)) failures.push({ itemIdentifier: rest.messageId });
      break;
    }
  }
  return { batchItemFailures: failures };
}
