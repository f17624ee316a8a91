import { describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../src/adapters/local/in-process-queue.ts';
import type { SendJob } from '../../src/ports/send-queue.ts';

const job = (from: number): SendJob => ({ campaignId: 'c1', version: 1, from, to: from + 1, phase: 'main' });

describe('the local queue at shutdown', () => {
  it('lets the running batch finish before close resolves, and starts no other', async () => {
    const queue = new InProcessQueue({ concurrency: 1, redeliverySeconds: 0.01 });
    const started: number[] = [];
    const finished: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    queue.consume(async (j) => {
      started.push(j.from);
      await gate;
      finished.push(j.from);
      return false; // not done: it would normally come back
    });
    await queue.enqueue([job(0), job(1)]);
    await queue.enqueue([job(2)], 60);
    expect(started).toEqual([0]);

    let isClosed = false;
    const closing = queue.close().then(() => (isClosed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(isClosed).toBe(false);
    release();
    await closing;

    expect(finished).toEqual([0]);
    await new Promise((r) => setTimeout(r, 50));
    expect(started).toEqual([0]);
    expect(queue.size).toBe(0);
  });
});
