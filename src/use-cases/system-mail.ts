import type { SystemMailKind } from '../ports/mail-templates.ts';
import type { Member } from '../ports/team-directory.ts';
import type { Services } from './services.ts';

/** Sends one of the system's own emails to a member, in the member's language. */
export async function sendSystemMail(services: Services, to: Pick<Member, 'email' | 'language'>, kind: SystemMailKind, data: Record<string, unknown>): Promise<void> {
  const language = to.language ?? 'fr';
  const mail = await services.mailTemplates.render(kind, language, { ...data, publicUrl: services.settings.publicUrl });
  await services.mailer.send({ from: services.settings.systemFrom, to: to.email, subject: mail.subject, html: mail.html, text: mail.text });
}
