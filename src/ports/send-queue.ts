import type { SendJob } from '../core/workflow/send-plan.ts';

export type { SendJob };

/** The fan-out of a send: SQS on AWS, an in-process queue locally. */
export interface SendQueue {
  enqueue(jobs: readonly SendJob[], delaySeconds?: number): Promise<void>;
}
