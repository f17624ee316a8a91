/** The emails followup-guard itself sends. */
export type SystemMailKind = 'sign-in' | 'review-request' | 'blocked-report' | 'sending-started' | 'end-report' | 'review-rejected';

/** Renders the system's own emails from the MJML templates in templates/emails, in French or English. */
export interface MailTemplates {
  render(kind: SystemMailKind, language: 'fr' | 'en', data: Record<string, unknown>): Promise<{ subject: string; html: string; text: string }>;
}
