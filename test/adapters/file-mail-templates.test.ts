import { describe, expect, it } from 'vitest';
import { FileMailTemplates } from '../../src/adapters/local/file-mail-templates.ts';
import type { SystemMailKind } from '../../src/ports/mail-templates.ts';

const DATA = {
  name: 'Claire',
  signInUrl: 'https://guard.example.fr/sign-in/abc',
  expiresInMinutes: 15,
  title: "Accessibilité numérique : réussir l'audit <RGAA>",
  version: 2,
  submitter: 'Claire',
  reviewer: 'Paul',
  reviewUrl: 'https://guard.example.fr/review/xyz',
  expiresAt: '2026-12-03',
  recipients: { total: 40, selected: 38, excluded: 2 },
  findings: [{ rule: 'stale.reference', severity: 'block', message: 'a link goes to an old replay', expected: 'replay: https://a', found: 'https://b', recipients: 38, examples: ['x@y.fr'] }],
  campaignUrl: 'https://guard.example.fr/campaigns/c1',
  selected: 38,
  canaryWindowMinutes: 10,
  status: 'sent',
  counts: { selected: 38, sent: 36, failed: 1, suppressed: 1, skipped: 0 },
  reasons: [{ status: 'failed', reason: 'Address blacklisted.', recipients: 1 }],
};

describe('the system emails', () => {
  const templates = new FileMailTemplates();
  for (const kind of ['sign-in', 'review-request', 'blocked-report', 'sending-started', 'end-report', 'review-rejected'] as SystemMailKind[]) {
    for (const language of ['fr', 'en'] as const) {
      it(`renders ${kind} in ${language} with its link and the data escaped`, async () => {
        const mail = await templates.render(kind, language, DATA);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.html).not.toContain('<RGAA>');
        expect(mail.html).not.toMatch(/\{\{/);
        const link = { 'sign-in': DATA.signInUrl, 'review-request': DATA.reviewUrl, 'blocked-report': DATA.campaignUrl, 'sending-started': DATA.campaignUrl, 'end-report': DATA.campaignUrl, 'review-rejected': DATA.campaignUrl }[kind];
        expect(mail.html).toContain(link);
        expect(mail.text).toContain(link);
      });
    }
  }

  it('lists every finding of a blocked report with expected and found', async () => {
    const mail = await templates.render('blocked-report', 'fr', DATA);
    expect(mail.text).toContain('stale.reference');
    expect(mail.text).toContain('replay: https://a');
    expect(mail.text).toContain('bloquant');
  });

  it('gives the reviewer and the comment of a rejection', async () => {
    const mail = await templates.render('review-rejected', 'fr', { ...DATA, comment: 'Le lien du questionnaire <pointe> vers l’ancien.' });
    expect(mail.subject).toContain('Refusé');
    expect(mail.text).toContain('Paul a refusé la version 2');
    expect(mail.text).toContain('Le lien du questionnaire <pointe> vers l’ancien.');
    expect(mail.html).toContain('&lt;pointe&gt;');
  });

  it('says when the rest of the send goes, in seconds for a short window, and whether the team gets a copy', async () => {
    const noTeam = await templates.render('sending-started', 'fr', { ...DATA, firstGroup: 5, teamCount: 0, canaryWindowSeconds: 20, canaryWindowMinutes: 0, isWindowInSeconds: true });
    expect(noTeam.text).toContain('le reste part dans 20 secondes');
    expect(noTeam.text).toContain('Aucune adresse de l’équipe'.replace('’', "'"));
    const team = await templates.render('sending-started', 'en', { ...DATA, firstGroup: 12, teamCount: 2, canaryWindowSeconds: 600, canaryWindowMinutes: 10, isWindowInSeconds: false });
    expect(team.text).toContain('2 of them the team');
    expect(team.text).toContain('the rest goes in 10 minutes');
  });

  it('gives the counts and the reasons in the end report', async () => {
    const mail = await templates.render('end-report', 'en', DATA);
    expect(mail.text).toMatch(/Sent: 36/);
    expect(mail.text).toMatch(/failed — Address blacklisted\.: 1/);
  });
});
