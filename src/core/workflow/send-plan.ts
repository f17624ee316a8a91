/** A unit of sending work: a slice of a frozen campaign version's recipients. */
export interface SendJob {
  campaignId: string;
  version: number;
  /** Positions (0-based, in send order) of the first and after-last recipient of the batch. */
  from: number;
  to: number;
  /**
   * `canary`: the first slice; when it is done the rest is queued after the canary window. `main`: a
   * batch. `finish`: checks every row; ends the send, or queues again what is still pending.
   */
  phase: 'canary' | 'main' | 'finish';
  /** How many finish checks came before this one. */
  attempt?: number | undefined;
}

/** How a send is paced and split. */
export interface SendSettings {
  /** The SES account's maximum send rate. */
  maxSendRatePerSecond: number;
  /** How many workers send at once (the worker's reserved concurrency on AWS). */
  workerConcurrency: number;
  /** Recipients per queued batch. */
  batchSize: number;
  /** Recipients of the first slice, after the team's own addresses. */
  canarySize: number;
  /** How long the send waits after the canary before going on. */
  canaryWindowSeconds: number;
}

/** Send order: the team's own addresses first (they see the message before anyone else), then the list order. */
export function sendOrder<T extends { email: string }>(recipients: readonly T[], teamEmails: ReadonlySet<string>): T[] {
  const team = recipients.filter((r) => teamEmails.has(r.email.toLowerCase()));
  const others = recipients.filter((r) => !teamEmails.has(r.email.toLowerCase()));
  return [...team, ...others];
}

/** The canary batch: the team's addresses and a small first slice. */
export function canaryJob(campaignId: string, version: number, total: number, teamCount: number, settings: SendSettings): SendJob {
  return { campaignId, version, from: 0, to: Math.min(total, teamCount + settings.canarySize), phase: 'canary' };
}

/** Batches of the rest, from `from` to `total`. */
export function mainJobs(campaignId: string, version: number, from: number, total: number, settings: SendSettings): SendJob[] {
  const jobs: SendJob[] = [];
  for (let start = from; start < total; start += settings.batchSize) {
    jobs.push({ campaignId, version, from: start, to: Math.min(total, start + settings.batchSize), phase: 'main' });
  }
  return jobs;
}

/** The check that ends a send (or finds what is left), `attempt` checks after the first. */
export function finishJob(campaignId: string, version: number, total: number, attempt = 0): SendJob {
  return { campaignId, version, from: 0, to: total, phase: 'finish', attempt };
}

/** Each worker's share of the SES rate: together the workers use it fully and never exceed it. */
export function perWorkerIntervalMs(settings: SendSettings): number {
  return (1000 * settings.workerConcurrency) / settings.maxSendRatePerSecond;
}
