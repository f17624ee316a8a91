import { describe, expect, it } from 'vitest';
import { readCampaignFolder } from '../../src/adapters/local/campaign-folder.ts';
import { haltSend, resumeSend } from '../../src/use-cases/control-send.ts';
import { decideReview } from '../../src/use-cases/review.ts';
import { submitDraft } from '../../src/use-cases/submit-draft.ts';
import { historyText } from '../../src/web/history-words.ts';
import { drainQueue, fakeServices, linkIn, ORGANISER, REVIEWER } from '../support/services.ts';

const REVIEW_LINK = /https:\/\/guard\.numerique-territoires\.fr\/review\/[\w.-]+/;

describe('the history on French pages', () => {
  it('shows every entry of a whole campaign (blocked, corrected, approved, halted, resumed, finished) in French', async () => {
    const { services, mailer, queue, clock, store } = fakeServices();
    const stale = await readCampaignFolder('examples/demo-campaign-stale');
    const clean = await readCampaignFolder('examples/demo-campaign');
    const blocked = await submitDraft(services, { actor: ORGANISER.email, files: stale });
    await submitDraft(services, { actor: ORGANISER.email, files: clean, campaignId: blocked.id });
    const token = linkIn(mailer, REVIEWER.email, REVIEW_LINK).split('/review/')[1]!;
    await decideReview(services, { token, decision: 'approve', comment: 'Vérifié, merci.', hasConfirmed: true, acknowledgedWarnings: 0 });
    await haltSend(services, ORGANISER.email, blocked.id);
    await resumeSend(services, ORGANISER.email, blocked.id);
    await drainQueue(services, queue, clock);

    const entries = await store.history(blocked.id);
    expect(entries.length).toBeGreaterThanOrEqual(7);
    const french = entries.map((entry) => historyText(entry, 'fr'));
    expect(french.filter((text, i) => text === entries[i]!.what)).toEqual([]);
    expect(french.join('\n')).toMatch(/version 1 soumise : bloquée par 2 constat\(s\)[\s\S]*version 2 approuvée \(contenu \w+\) : Vérifié, merci\.[\s\S]*envoi arrêté[\s\S]*envoi repris[\s\S]*envoi terminé : 40 envoyé\(s\)/);
    expect(entries.map((entry) => historyText(entry, 'en'))).toEqual(entries.map((e) => e.what));
  });

  it('shows an entry recorded before history events were kept as it was written', () => {
    expect(historyText({ at: '2026-01-01T10:00:00.000Z', who: 'followup-guard', what: 'halted the send' }, 'fr')).toBe('halted the send');
  });
});
