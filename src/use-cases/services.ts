import type { SendSettings } from '../core/workflow/send-plan.ts';
import type { BlobStore } from '../ports/blob-store.ts';
import type { CampaignStore } from '../ports/campaign-store.ts';
import type { Clock } from '../ports/clock.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { MailTemplates } from '../ports/mail-templates.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { SendQueue } from '../ports/send-queue.ts';
import type { TeamDirectory } from '../ports/team-directory.ts';

/** Settings the use cases need; parsed once from the environment by src/config.ts. */
export interface Settings extends SendSettings {
  /** Where the pages and links live, e.g. https://guard.example.fr or http://localhost:3000. */
  publicUrl: string;
  /** HMAC secret of review links, sessions, unsubscribe links and CSRF tokens. */
  secret: string;
  /** The address the system's own emails come from. */
  systemFrom: string;
  reviewTtlSeconds: number;
  signInTtlSeconds: number;
  /** At most this many sign-in links per member per 15 minutes. */
  signInLinksPer15Minutes: number;
  sessionTtlSeconds: number;
  /** A check (submit, live check) blocks the recipients it has not reached after this long (fail closed). */
  checkBudgetMs: number;
  /** A worker stops taking recipients when less than this is left of its run (Lambda timeout). */
  workerBudgetMs: number;
  /** How long after the last batch the finish check runs (and between checks while rows are left). */
  finishCheckDelaySeconds: number;
}

/** Everything a use case may touch: ports and settings, composed in src/compose.ts. */
export interface Services {
  store: CampaignStore;
  mailer: Mailer;
  queue: SendQueue;
  clock: Clock;
  notifier: Notifier;
  blobs: BlobStore;
  team: TeamDirectory;
  mailTemplates: MailTemplates;
  settings: Settings;
  newId(): string;
}
