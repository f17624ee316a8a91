import { MailerError } from '../../core/errors.ts';
import type { BlobStore } from '../../ports/blob-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Mailer, OutgoingMail } from '../../ports/mailer.ts';
import type { MailTemplates, SystemMailKind } from '../../ports/mail-templates.ts';
import type { Notifier } from '../../ports/notifier.ts';
import type { SendJob, SendQueue } from '../../ports/send-queue.ts';
import type { Member, TeamDirectory } from '../../ports/team-directory.ts';

/** A clock that moves only when told to, or when something sleeps on it. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  async sleep(ms: number): Promise<void> {
    this.current += Math.max(0, ms);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** A mailer that records what it is given; `failWith` makes the next sends fail. */
export class RecordingMailer implements Mailer {
  readonly sent: (OutgoingMail & { messageId: string })[] = [];
  private failures: ((mail: OutgoingMail) => MailerError | undefined)[] = [];

  /** Queues a failure rule for the next send (consumed by that send). */
  failNext(rule: (mail: OutgoingMail) => MailerError | undefined): void {
    this.failures.push(rule);
  }

  private permanent: ((mail: OutgoingMail) => MailerError | undefined)[] = [];

  /** Fails every send that the rule picks (e.g. an address SES always rejects). */
  failAlways(rule: (mail: OutgoingMail) => MailerError | undefined): void {
    this.permanent.push(rule);
  }

  async send(mail: OutgoingMail): Promise<string> {
    for (const rule of this.permanent) {
      const error = rule(mail);
      if (error) throw error;
    }
    const rule = this.failures.shift();
    const error = rule?.(mail);
    if (error) throw error;
    const messageId = `msg-${this.sent.length + 1}`;
    this.sent.push({ ...mail, messageId });
    return messageId;
  }

  to(address: string): (OutgoingMail & { messageId: string })[] {
    return this.sent.filter((m) => m.to.toLowerCase() === address.toLowerCase());
  }
}

/** A queue that keeps the jobs; tests drain it by hand. */
export class InMemorySendQueue implements SendQueue {
  readonly jobs: { job: SendJob; delaySeconds: number }[] = [];
  async enqueue(jobs: readonly SendJob[], delaySeconds = 0): Promise<void> {
    for (const job of jobs) this.jobs.push({ job: { ...job }, delaySeconds });
  }
  take(): { job: SendJob; delaySeconds: number } | undefined {
    return this.jobs.shift();
  }
}

/** A notifier that records the posts. */
export class RecordingNotifier implements Notifier {
  readonly posts: string[] = [];
  async post(text: string): Promise<void> {
    this.posts.push(text);
  }
}

/** A blob store in memory. */
export class InMemoryBlobStore implements BlobStore {
  /** `blobs` may be shared with another instance: a second worker process seeing the same bucket. */
  constructor(readonly blobs = new Map<string, Uint8Array>()) {}
  async put(key: string, body: Uint8Array | string): Promise<void> {
    this.blobs.set(key, typeof body === 'string' ? Buffer.from(body) : Buffer.from(body));
  }
  async get(key: string): Promise<Uint8Array | undefined> {
    return this.blobs.get(key);
  }
  async list(prefix: string): Promise<string[]> {
    return [...this.blobs.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
  async uploadUrl(key: string): Promise<string> {
    return `memory://${key}`;
  }
}

/** A fixed roster. */
export class StaticTeamDirectory implements TeamDirectory {
  constructor(private readonly roster: Member[]) {}
  async members(): Promise<Member[]> {
    return this.roster.map((m) => ({ ...m, roles: [...m.roles] }));
  }
}

/** System mails as JSON of their data: enough for use-case tests to read links and counts. */
export class PlainMailTemplates implements MailTemplates {
  async render(kind: SystemMailKind, language: 'fr' | 'en', data: Record<string, unknown>) {
    const text = `${kind} (${language})\n${JSON.stringify(data, null, 2)}`;
    return { subject: `[${kind}] ${String(data.title ?? '')}`, html: `<pre>${text.replace(/</g, '&lt;')}</pre>`, text };
  }
}
