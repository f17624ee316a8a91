import type { Finding } from '../core/check/findings.ts';
import { say } from '../core/rules/rule.ts';
import type { CampaignStatus } from '../core/workflow/campaign-status.ts';
import type { Services } from './services.ts';

/** Statuses of a campaign whose messages have left, or are about to. */
const SENT_OR_SENDING: readonly CampaignStatus[] = ['approved', 'sending', 'halted', 'sent', 'failed'];

/**
 * The `campaign.resent` warnings of a submission: for each other campaign of the same event that has
 * sent (or is sending) its follow-up, how many of this list's addresses it already reached. A second
 * follow-up can be deliberate (a correction, a reminder): it is a warning the reviewer acknowledges,
 * not a block. Reads the other campaigns' send rows, never this one's.
 */
export async function earlierSendWarnings(
  services: Pick<Services, 'store'>,
  event: { id: string; language: 'fr' | 'en' },
  campaignId: string,
  selected: readonly string[],
): Promise<Finding[]> {
  const mine = new Set(selected.map((e) => e.toLowerCase()));
  const others = (await services.store.listCampaigns()).filter((c) => c.eventId === event.id && c.id !== campaignId && SENT_OR_SENDING.includes(c.status));
  const warnings: Finding[] = [];
  for (const other of others) {
    const rows = await services.store.getSendRows(other.id, other.version, 0, other.counts.selected);
    const reached = rows.filter((r) => (r.status === 'sent' || r.status === 'claimed') && mine.has(r.email.toLowerCase())).map((r) => r.email);
    if (reached.length === 0) continue;
    const { language } = event;
    warnings.push({
      rule: 'campaign.resent',
      severity: 'warn',
      message: say(
        language,
        `la campagne « ${other.title} » (${other.id}, ${other.status}) a déjà envoyé un message de suivi de cet événement à ${reached.length} de ces destinataires : un second envoi est-il voulu ?`,
        `the campaign “${other.title}” (${other.id}, ${other.status}) already sent a follow-up of this event to ${reached.length} of these recipients: is a second send intended?`,
      ),
      expected: say(language, 'un seul message de suivi par événement et par destinataire, sauf second envoi voulu', 'one follow-up per event and recipient, unless a second one is intended'),
      found: say(language, `${other.id} : ${reached.length} déjà envoyé(s)`, `${other.id}: ${reached.length} already sent`),
      recipients: reached.length,
      examples: reached.slice(0, 5),
    });
  }
  return warnings;
}
