import { MailerError } from '../core/errors.ts';
import type { SystemMailKind } from '../ports/mail-templates.ts';
import type { Member } from '../ports/team-directory.ts';
import type { Services } from './services.ts';
import { historyEntry } from '../core/workflow/history.ts';

/** Sends one of the system's own emails to a member, in the member's language; throttling is retried. */
export async function sendSystemMail(services: Services, to: Pick<Member, 'email' | 'language'>, kind: SystemMailKind, data: Record<string, unknown>): Promise<void> {
  const language = to.language ?? 'fr';
  const mail = await services.mailTemplates.render(kind, language, { ...data, publicUrl: services.settings.publicUrl });
  for (let attempt = 1; ; attempt++) {
    try {
      await services.mailer.send({ from: services.settings.systemFrom, to: to.email, subject: mail.subject, html: mail.html, text: mail.text });
      return;
    } catch (error) {
      if (!(error instanceof MailerError && error.code === 'THROTTLED' && attempt < 5)) throw error;
      await services.clock.sleep(500 * 2 ** attempt);
    }
  }
}

/**
 * Sends a system email about a campaign whose state has already changed; if it cannot be sent, the
 * campaign's history says so (the change stands, and the organiser sees who was not told).
 */
export async function tellAbout(services: Services, campaignId: string, to: Pick<Member, 'email' | 'language'>, kind: SystemMailKind, data: Record<string, unknown>): Promise<void> {
  try {
    await sendSystemMail(services, to, kind, data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await services.store.addHistory(campaignId, historyEntry(services.clock.now().toISOString(), 'followup-guard', { kind: 'mail-failed', mail: kind, to: to.email, reason }));
  }
}
