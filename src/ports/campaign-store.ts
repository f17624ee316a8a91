import type { Finding } from '../core/check/findings.ts';
import type { CampaignStatus } from '../core/workflow/campaign-status.ts';
import type { HistoryEvent } from '../core/workflow/history.ts';

export interface SendCounts {
  selected: number;
  sent: number;
  failed: number;
  suppressed: number;
  skipped: number;
}

/** A campaign: one follow-up and its successive versions. */
export interface CampaignRecord {
  id: string;
  eventId: string;
  title: string;
  status: CampaignStatus;
  /** The current version; earlier versions are void. */
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Who approved the current version, when it is approved. */
  approvedBy?: string | undefined;
  /** The event's organiser (event.organizer.name): whom participants know the follow-up from. */
  organizerName?: string | undefined;
  counts: SendCounts;
}

/** One submitted version: what was checked, by whom, and the verdict. */
export interface VersionRecord {
  campaignId: string;
  version: number;
  /** SHA-256 of the campaign files: the approval is for exactly this content. */
  contentHash: string;
  submittedBy: string;
  submittedAt: string;
  verdict: 'ready' | 'blocked';
  findings: Finding[];
  recipients: { total: number; selected: number; excluded: number };
  /** Counts of selected recipients per segment (attendees, no-shows). */
  segments: { attended: number; missed: number };
}

export interface HistoryEntry {
  at: string;
  who: string;
  /** The English sentence (the HTTP contract's `history[].what`). */
  what: string;
  /** What happened, for wording it in the reader's language; absent from entries recorded before it existed. */
  event?: HistoryEvent | undefined;
}

/** A reviewer's decision on one version; there is at most one per version. */
export interface DecisionRecord {
  campaignId: string;
  version: number;
  reviewer: string;
  decision: 'approve' | 'reject';
  comment: string;
  at: string;
  contentHash: string;
}

export type SendRowStatus = 'pending' | 'claimed' | 'sent' | 'failed' | 'suppressed' | 'skipped';

/** One recipient of a frozen version, in send order; each moves from pending at most once. */
export interface SendRow {
  position: number;
  email: string;
  /** Digest of the message checked at submission: the worker sends only this message. */
  digest: string;
  status: SendRowStatus;
  reason?: string | undefined;
  messageId?: string | undefined;
  at?: string | undefined;
  attempts?: number | undefined;
}

/** The state of followup-guard: DynamoDB on AWS, dynalite locally, in memory in tests. Conditional writes only (no transactions). */
export interface CampaignStore {
  /** Creates a campaign; ConflictError when the id exists. */
  createCampaign(campaign: CampaignRecord): Promise<void>;
  getCampaign(id: string): Promise<CampaignRecord | undefined>;
  listCampaigns(): Promise<CampaignRecord[]>;
  /**
   * Changes a campaign only if its status is one of `fromStatuses` (and its version is `version` when
   * given); ConflictError otherwise. Returns the updated record.
   */
  updateCampaign(
    id: string,
    condition: { fromStatuses: readonly CampaignStatus[]; version?: number | undefined },
    changes: Partial<Pick<CampaignRecord, 'status' | 'version' | 'approvedBy' | 'updatedAt' | 'title' | 'eventId' | 'organizerName'>>,
  ): Promise<CampaignRecord>;
  /** Adds to the campaign's counters atomically. */
  addCounts(id: string, deltas: Partial<SendCounts>): Promise<void>;
  /** Replaces the counters (reconciliation from the rows). */
  setCounts(id: string, counts: SendCounts): Promise<void>;

  /** Stores a version; ConflictError when that version exists. */
  putVersion(version: VersionRecord): Promise<void>;
  getVersion(campaignId: string, version: number): Promise<VersionRecord | undefined>;

  addHistory(campaignId: string, entry: HistoryEntry): Promise<void>;
  history(campaignId: string): Promise<HistoryEntry[]>;

  /** Records the decision on a version; ConflictError when that version already has one. */
  recordDecision(decision: DecisionRecord): Promise<void>;
  getDecision(campaignId: string, version: number): Promise<DecisionRecord | undefined>;

  /** Writes the send rows of a version (overwriting rows of an interrupted dispatch, before anything is sent). */
  putSendRows(campaignId: string, version: number, rows: readonly SendRow[]): Promise<void>;
  /** Rows with from ≤ position < to, in order. */
  getSendRows(campaignId: string, version: number, from: number, to: number): Promise<SendRow[]>;
  /**
   * Moves a row from one status to another; false (and no change) when it is not in `from`. This is
   * what makes each recipient sent at most once.
   */
  moveSendRow(
    campaignId: string,
    version: number,
    position: number,
    from: SendRowStatus,
    to: Pick<SendRow, 'status'> & Partial<Pick<SendRow, 'reason' | 'messageId' | 'at' | 'attempts'>>,
  ): Promise<boolean>;

  addSuppression(email: string, source: string, at: string): Promise<void>;
  /** The addresses of `emails` that are suppressed (lower case). */
  suppressed(emails: readonly string[]): Promise<Set<string>>;

  /** Ends a session (sign-out): its nonce is refused from now on, until the session would have expired anyway. */
  revokeSession(nonce: string, expiresAt: string): Promise<void>;
  /** True when the session with this nonce was signed out. */
  isSessionRevoked(nonce: string): Promise<boolean>;

  /**
   * Counts one more sign-in link asked for `email` in the window that started at `windowStart` and
   * returns the window's count so far (atomic: concurrent requests each get their own number).
   */
  countSignInRequest(email: string, windowStart: string, windowEnd: string): Promise<number>;
  /** Stores a sign-in token's hash. */
  putSignInToken(tokenHash: string, email: string, expiresAt: string): Promise<void>;
  /** Whether a token could be used now, without using it (the sign-in page that a GET shows). */
  peekSignInToken(tokenHash: string, now: string): Promise<'usable' | 'unknown' | 'expired' | 'used'>;
  /** Marks the token used and returns its email, or undefined when unknown, expired or already used. */
  consumeSignInToken(tokenHash: string, now: string): Promise<{ email: string } | { refused: 'unknown' | 'expired' | 'used' }>;
}
