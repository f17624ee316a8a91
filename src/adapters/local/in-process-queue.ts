import type { SendJob, SendQueue } from '../../ports/send-queue.ts';

/** What consumes a job: resolves true when done, false when it must be delivered again (like an SQS retry). */
export type JobConsumer = (job: SendJob) => Promise<boolean>;

/**
 * The local stand-in for SQS: jobs become visible after their delay, `concurrency` of them run at once,
 * and a job the consumer did not finish (or that threw) comes back after `redeliverySeconds`.
 */
export class InProcessQueue implements SendQueue {
  private readonly ready: SendJob[] = [];
  private running = 0;
  private consumer: JobConsumer | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private idleWaiters: (() => void)[] = [];
  private isClosed = false;

  constructor(private readonly options: { concurrency: number; redeliverySeconds: number }) {}

  /** Sets the consumer (the worker handler) and starts delivering. */
  consume(consumer: JobConsumer): void {
    this.consumer = consumer;
    this.pump();
  }

  async enqueue(jobs: readonly SendJob[], delaySeconds = 0): Promise<void> {
    for (const job of jobs) this.later({ ...job }, delaySeconds);
  }

  /** Jobs waiting, delayed or running. */
  get size(): number {
    return this.ready.length + this.timers.size + this.running;
  }

  /** Resolves when nothing is waiting, delayed or running. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops delivering (at shutdown): drops waiting and delayed jobs, and resolves when the jobs already
   * running have returned, so that nothing still uses the store once it is closed. A job that was not
   * finished is not delivered again here: after a restart, the stack's finish check queues what is pending.
   */
  async close(): Promise<void> {
    this.isClosed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.ready.length = 0;
    await this.idle();
  }

  private later(job: SendJob, delaySeconds: number): void {
    if (this.isClosed) return;
    if (delaySeconds <= 0) {
      this.ready.push(job);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push(job);
      this.pump();
    }, delaySeconds * 1000);
    this.timers.add(timer);
  }

  private pump(): void {
    const consumer = this.consumer;
    if (!consumer || this.isClosed) return;
    while (this.running < this.options.concurrency && this.ready.length > 0) {
      const job = this.ready.shift()!;
      this.running++;
      consumer(job)
        .catch((error: unknown) => {
          console.error('followup-guard: send batch failed, it will be delivered again', error);
          return false;
        })
        .then((isDone) => {
          this.running--;
          if (!isDone) this.later(job, this.options.redeliverySeconds);
          this.pump();
          if (this.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
    }
  }
}
