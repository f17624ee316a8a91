import { InMemoryCampaignStore } from '../../src/adapters/local/in-memory-campaign-store.ts';
import { InMemoryBlobStore, InMemorySendQueue, ManualClock, PlainMailTemplates, RecordingMailer, RecordingNotifier, StaticTeamDirectory } from '../../src/adapters/local/fakes.ts';
import type { Member } from '../../src/ports/team-directory.ts';
import { sendBatch } from '../../src/use-cases/send-batch.ts';
import type { Services, Settings } from '../../src/use-cases/services.ts';

export const ORGANISER: Member = { email: 'organisatrice@numerique-territoires.fr', name: 'Claire Organisatrice', roles: ['organiser'], language: 'fr' };
export const REVIEWER: Member = { email: 'relecteur@numerique-territoires.fr', name: 'Paul Relecteur', roles: ['reviewer'], language: 'fr' };
export const BOTH: Member = { email: 'cheffe@numerique-territoires.fr', name: 'Inès Cheffe', roles: ['organiser', 'reviewer'], language: 'en' };

export const SETTINGS: Settings = {
  publicUrl: 'https://guard.numerique-territoires.fr',
  secret: 'test-secret-that-is-long-enough-0123456789',
  systemFrom: 'followup-guard <guard@numerique-territoires.fr>',
  reviewTtlSeconds: 7 * 86_400,
  signInTtlSeconds: 900,
  signInLinksPer15Minutes: 5,
  sessionTtlSeconds: 8 * 3600,
  workerBudgetMs: 10 * 60_000,
  checkBudgetMs: 20_000,
  finishCheckDelaySeconds: 30,
  maxSendRatePerSecond: 10,
  workerConcurrency: 2,
  batchSize: 10,
  canarySize: 3,
  canaryWindowSeconds: 600,
};

/** Use-case services on fakes, with a manual clock. */
export function fakeServices(overrides: { team?: Member[]; settings?: Partial<Settings> } = {}) {
  const store = new InMemoryCampaignStore();
  const mailer = new RecordingMailer();
  const queue = new InMemorySendQueue();
  const clock = new ManualClock('2026-11-26T09:00:00Z');
  const notifier = new RecordingNotifier();
  const blobs = new InMemoryBlobStore();
  let ids = 0;
  const world = Math.random().toString(36).slice(2, 8);
  const services: Services = {
    store,
    mailer,
    queue,
    clock,
    notifier,
    blobs,
    team: new StaticTeamDirectory(overrides.team ?? [ORGANISER, REVIEWER, BOTH]),
    mailTemplates: new PlainMailTemplates(),
    settings: { ...SETTINGS, ...overrides.settings },
    newId: () => `campaign-${world}-${++ids}`,
  };
  return { services, store, mailer, queue, clock, notifier, blobs };
}

/** Runs every queued job (and those they queue) until the queue is empty; returns how many ran. */
export async function drainQueue(services: Services, queue: InMemorySendQueue, clock: ManualClock): Promise<number> {
  let runs = 0;
  for (let next = queue.take(); next; next = queue.take()) {
    clock.advance(next.delaySeconds * 1000);
    const outcome = await sendBatch(services, next.job);
    if (!outcome.isComplete) queue.jobs.push({ job: next.job, delaySeconds: 30 });
    if (++runs > 10_000) throw new Error('the queue does not drain');
  }
  return runs;
}

/** The link of the given kind in the recorded system mails to `to`. */
export function linkIn(mailer: RecordingMailer, to: string, pattern: RegExp): string {
  for (const mail of [...mailer.to(to)].reverse()) {
    const match = pattern.exec(mail.text);
    if (match) return match[0];
  }
  throw new Error(`no link matching ${pattern} in mails to ${to}`);
}
