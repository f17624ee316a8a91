/** One message to send: already rendered and checked; the adapter builds the MIME. */
export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string | undefined;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string> | undefined;
}

/** Sends mail; SES in production and locally (aws-ses-v2-local). */
export interface Mailer {
  /** Resolves to the provider's message id; throws a MailerError when the message was not accepted. */
  send(mail: OutgoingMail): Promise<string>;
}
