/** A unit of sending work: a slice of a frozen campaign version's recipients. */
export interface SendJob {
  campaignId: string;
  version: number;
  /** Positions (0-based, in send order) of the first and after-last recipient of the batch. */
  from: number;
  to: number;
  /** `canary`: the first slice; when it is done the rest is queued after the canary window. */
  phase: 'canary' | 'main';
}

/** The fan-out of a send: SQS on AWS, an in-process queue locally. */
export interface SendQueue {
  enqueue(jobs: readonly SendJob[], delaySeconds?: number): Promise<void>;
}
