import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { MailerError } from '../../core/errors.ts';
import type { Mailer, OutgoingMail } from '../../ports/mailer.ts';

/** Options of {@link SesMailer}. */
export interface SesMailerOptions {
  /**
   * The SES client. The default one makes a single attempt (an SDK retry after a timeout could send the
   * message twice; the caller paces and retries) and gives up after 3 s to connect or 10 s to answer.
   */
  client?: SESClient | undefined;
  /** SES configuration set that receives the sending events (bounces, complaints). */
  configurationSet?: string | undefined;
}

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException']);
const REJECTIONS = new Set([
  'MessageRejected',
  'MailFromDomainNotVerified',
  'MailFromDomainNotVerifiedException',
  'ConfigurationSetDoesNotExist',
  'ConfigurationSetDoesNotExistException',
  'ConfigurationSetSendingPausedException',
  'AccountSendingPausedException',
  'InvalidParameterValue',
  'InvalidParameterValueException',
]);

const LINE_BREAK = /[\r\n]/;

/** Refuses what would let a value start a header of its own, or send one message to several people. */
function assertSendable(mail: OutgoingMail): string {
  const fields: [string, string | undefined][] = [
    ['to', mail.to],
    ['from', mail.from],
    ['subject', mail.subject],
    ['replyTo', mail.replyTo],
  ];
  for (const [name, value] of Object.entries(mail.headers ?? {})) fields.push([`header ${name}`, name], [`header ${name} value`, value]);
  for (const [field, value] of fields) {
    if (value !== undefined && LINE_BREAK.test(value)) {
      throw new MailerError('REJECTED', `The ${field} contains a line break (CR or LF): refused to prevent header injection`);
    }
  }
  const recipients = addressparser(mail.to, { flatten: true });
  const only = recipients.length === 1 ? recipients[0]?.address : undefined;
  if (!only || !only.includes('@')) {
    throw new MailerError('REJECTED', `The recipient "${mail.to}" is not exactly one email address`);
  }
  return only;
}

/**
 * Builds the raw MIME of a message: multipart/alternative (text, then html), UTF-8 encoded subject,
 * From/To/Reply-To and the extra headers. Throws a REJECTED MailerError for header injection.
 */
export async function composeMime(mail: OutgoingMail): Promise<Buffer> {
  assertSendable(mail);
  return composeChecked(mail);
}

async function composeChecked(mail: OutgoingMail): Promise<Buffer> {
  // MailComposer ignores its `list` option: List-Unsubscribe and List-Unsubscribe-Post go in `headers`.
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { ...(mail.headers ?? {}) },
  });
  try {
    return await composer.compile().build();
  } catch (error) {
    // Nothing reached SES: the message as given cannot be built.
    throw new MailerError('REJECTED', `The message cannot be built as MIME: ${(error as Error).message}`, { cause: error });
  }
}

function describe(error: unknown): { name: string; message: string; status: number | undefined } {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const status = record.$metadata?.httpStatusCode;
  return {
    name: typeof record.name === 'string' ? record.name : 'Error',
    message: typeof record.message === 'string' ? record.message : String(error),
    status: typeof status === 'number' ? status : undefined,
  };
}

/** Turns whatever the SES client threw into a MailerError saying whether SES accepted the message. */
function toMailerError(error: unknown): MailerError {
  const { name, message, status } = describe(error);
  const detail = `SES ${name}: ${message}`;
  if (status === undefined) {
    // No HTTP answer (connection reset, timeout, abort): SES may have accepted the message.
    return new MailerError('UNKNOWN_OUTCOME', `${detail} (no answer from SES; the message may have been sent)`, { cause: error });
  }
  if (status >= 200 && status < 300) {
    // SES answered 2xx but the answer could not be read: it may well have accepted the message.
    return new MailerError('UNKNOWN_OUTCOME', `${detail} (unreadable answer; the message may have been sent)`, { cause: error });
  }
  if (THROTTLING.has(name) || /maximum sending rate exceeded/i.test(message) || status === 429) {
    return new MailerError('THROTTLED', detail, { cause: error });
  }
  if (REJECTIONS.has(name)) return new MailerError('REJECTED', detail, { cause: error });
  // A 5xx answer, and any other answered error (expired credentials, access denied, an unreadable 4xx):
  // not accepted, and not about this recipient, so marking it failed would fail the whole list.
  return new MailerError('TRANSIENT', detail, { cause: error });
}

/** Sends each message as raw MIME through SES SendRawEmail; failures become MailerErrors. */
export class SesMailer implements Mailer {
  private readonly client: SESClient;
  private readonly configurationSet: string | undefined;

  constructor(options: SesMailerOptions = {}) {
    this.client = options.client ?? new SESClient({ maxAttempts: 1, requestHandler: { connectionTimeout: 3000, requestTimeout: 10_000 } });
    this.configurationSet = options.configurationSet;
  }

  async send(mail: OutgoingMail): Promise<string> {
    const recipient = assertSendable(mail);
    const raw = await composeChecked(mail);
    let messageId: string | undefined;
    try {
      const output = await this.client.send(
        new SendRawEmailCommand({
          RawMessage: { Data: raw },
          // Only the checked recipient, whatever else the headers might say.
          Destinations: [recipient],
          ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
        }),
      );
      messageId = output.MessageId;
    } catch (error) {
      throw toMailerError(error);
    }
    if (!messageId) throw new MailerError('UNKNOWN_OUTCOME', 'SES answered without a message id; the message may have been sent');
    return messageId;
  }
}
