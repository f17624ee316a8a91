import { ConflictError } from '../../core/errors.ts';
import type { CampaignRecord, CampaignStore, DecisionRecord, HistoryEntry, SendCounts, SendRow, VersionRecord } from '../../ports/campaign-store.ts';

const clone = <T>(value: T): T => structuredClone(value);

/** CampaignStore in memory, with the same conditional semantics as DynamoCampaignStore (tests, fakes). */
export class InMemoryCampaignStore implements CampaignStore {
  readonly campaigns = new Map<string, CampaignRecord>();
  readonly versions = new Map<string, VersionRecord>();
  readonly histories = new Map<string, HistoryEntry[]>();
  private readonly signInRequests = new Map<string, number>();
  readonly decisions = new Map<string, DecisionRecord>();
  readonly rows = new Map<string, SendRow[]>();
  readonly suppressions = new Map<string, { source: string; at: string }>();
  readonly signInTokens = new Map<string, { email: string; expiresAt: string; usedAt?: string }>();

  async createCampaign(campaign: CampaignRecord): Promise<void> {
    if (this.campaigns.has(campaign.id)) throw new ConflictError(`campaign ${campaign.id} exists`);
    this.campaigns.set(campaign.id, clone(campaign));
  }

  async getCampaign(id: string): Promise<CampaignRecord | undefined> {
    const campaign = this.campaigns.get(id);
    return campaign && clone(campaign);
  }

  async listCampaigns(): Promise<CampaignRecord[]> {
    return [...this.campaigns.values()].map(clone).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async updateCampaign(id: string, condition: { fromStatuses: readonly CampaignRecord['status'][]; version?: number | undefined }, changes: Partial<CampaignRecord>): Promise<CampaignRecord> {
    const campaign = this.campaigns.get(id);
    if (!campaign || !condition.fromStatuses.includes(campaign.status) || (condition.version !== undefined && campaign.version !== condition.version)) {
      throw new ConflictError(`campaign ${id} is not ${condition.fromStatuses.join(' or ')}${condition.version !== undefined ? ` at version ${condition.version}` : ''}`);
    }
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete (campaign as unknown as Record<string, unknown>)[key];
      else (campaign as unknown as Record<string, unknown>)[key] = value;
    }
    return clone(campaign);
  }

  async addCounts(id: string, deltas: Partial<SendCounts>): Promise<void> {
    const campaign = this.campaigns.get(id);
    if (!campaign) return;
    for (const [key, value] of Object.entries(deltas) as [keyof SendCounts, number][]) campaign.counts[key] += value;
  }

  async setCounts(id: string, counts: SendCounts): Promise<void> {
    const campaign = this.campaigns.get(id);
    if (campaign) campaign.counts = { ...counts };
  }

  async putVersion(version: VersionRecord): Promise<void> {
    const key = `${version.campaignId}#${version.version}`;
    if (this.versions.has(key)) throw new ConflictError(`version ${key} exists`);
    this.versions.set(key, clone(version));
  }

  async getVersion(campaignId: string, version: number): Promise<VersionRecord | undefined> {
    const record = this.versions.get(`${campaignId}#${version}`);
    return record && clone(record);
  }

  async addHistory(campaignId: string, entry: HistoryEntry): Promise<void> {
    this.histories.set(campaignId, [...(this.histories.get(campaignId) ?? []), clone(entry)]);
  }

  async history(campaignId: string): Promise<HistoryEntry[]> {
    return clone(this.histories.get(campaignId) ?? []);
  }

  async recordDecision(decision: DecisionRecord): Promise<void> {
    const key = `${decision.campaignId}#${decision.version}`;
    if (this.decisions.has(key)) throw new ConflictError(`version ${key} is already decided`);
    this.decisions.set(key, clone(decision));
  }

  async getDecision(campaignId: string, version: number): Promise<DecisionRecord | undefined> {
    const decision = this.decisions.get(`${campaignId}#${version}`);
    return decision && clone(decision);
  }

  async putSendRows(campaignId: string, version: number, rows: readonly SendRow[]): Promise<void> {
    const key = `${campaignId}#${version}`;
    const existing = this.rows.get(key) ?? [];
    for (const row of rows) existing[row.position] = clone(row);
    this.rows.set(key, existing);
  }

  async getSendRows(campaignId: string, version: number, from: number, to: number): Promise<SendRow[]> {
    return (this.rows.get(`${campaignId}#${version}`) ?? []).slice(from, to).filter(Boolean).map(clone);
  }

  async moveSendRow(campaignId: string, version: number, position: number, from: SendRow['status'], to: Partial<SendRow> & Pick<SendRow, 'status'>): Promise<boolean> {
    const row = this.rows.get(`${campaignId}#${version}`)?.[position];
    if (!row || row.status !== from) return false;
    Object.assign(row, to);
    return true;
  }

  async addSuppression(email: string, source: string, at: string): Promise<void> {
    const key = email.toLowerCase();
    if (!this.suppressions.has(key)) this.suppressions.set(key, { source, at });
  }

  async suppressed(emails: readonly string[]): Promise<Set<string>> {
    return new Set(emails.map((e) => e.toLowerCase()).filter((e) => this.suppressions.has(e)));
  }

  private readonly revokedSessions = new Set<string>();

  async revokeSession(nonce: string): Promise<void> {
    this.revokedSessions.add(nonce);
  }

  async isSessionRevoked(nonce: string): Promise<boolean> {
    return this.revokedSessions.has(nonce);
  }

  async countSignInRequest(email: string, windowStart: string): Promise<number> {
    const key = `${email.toLowerCase()}#${windowStart}`;
    const count = (this.signInRequests.get(key) ?? 0) + 1;
    this.signInRequests.set(key, count);
    return count;
  }

  async putSignInToken(tokenHash: string, email: string, expiresAt: string): Promise<void> {
    this.signInTokens.set(tokenHash, { email, expiresAt });
  }

  async peekSignInToken(tokenHash: string, now: string): Promise<'usable' | 'unknown' | 'expired' | 'used'> {
    const token = this.signInTokens.get(tokenHash);
    if (!token) return 'unknown';
    if (token.usedAt) return 'used';
    return token.expiresAt > now ? 'usable' : 'expired';
  }

  async consumeSignInToken(tokenHash: string, now: string): Promise<{ email: string } | { refused: 'unknown' | 'expired' | 'used' }> {
    const token = this.signInTokens.get(tokenHash);
    if (!token) return { refused: 'unknown' };
    if (token.usedAt) return { refused: 'used' };
    if (token.expiresAt <= now) return { refused: 'expired' };
    token.usedAt = now;
    return { email: token.email };
  }
}
