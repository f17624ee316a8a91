import {
  AccountSendingPausedException,
  ConfigurationSetDoesNotExistException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  SESClient,
  SESServiceException,
  SendRawEmailCommand,
} from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeMime, SesMailer } from '../../src/adapters/aws/ses-mailer.ts';
import { MailerError } from '../../src/core/errors.ts';
import type { OutgoingMail } from '../../src/ports/mailer.ts';

const SUBJECT = "Replay – Accessibilité numérique : réussir l'audit";
const UNSUBSCRIBE_URL = `https://followup.example.org/unsubscribe?c=webinar-2024-03&t=${'k'.repeat(90)}`;

function aMail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: 'Équipe Webinaires <webinaires@example.org>',
    to: 'Camille Dupré <camille@example.net>',
    replyTo: 'contact@example.org',
    subject: SUBJECT,
    text: "Bonjour Camille,\nvoici le replay de l'atelier.\n— l'équipe",
    html: "<p>Bonjour Camille</p><p><a href=\"https://example.org/replay\">Voir le replay</a> — l'équipe</p>",
    headers: { 'List-Unsubscribe': `<${UNSUBSCRIBE_URL}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    ...overrides,
  };
}

/** The header block of a raw message, folded lines joined, as name → value. */
function headersOf(raw: string): Map<string, string> {
  const block = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(block.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
}

/** RFC 2047 encoded words (UTF-8, Q or B) back to text; adjacent words join without the space. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** The decoded bodies of the parts of a multipart message, by content type. */
function partsOf(raw: string): Map<string, string> {
  const boundary = /boundary="([^"]+)"/.exec(raw)?.[1];
  if (!boundary) throw new Error('no boundary');
  const parts = new Map<string, string>();
  for (const chunk of raw.split(`--${boundary}`).slice(1, -1)) {
    const part = chunk.replace(/^\r\n/, '');
    const headers = headersOf(part);
    let body = part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
    const encoding = headers.get('content-transfer-encoding');
    if (encoding === 'quoted-printable') {
      body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
    } else if (encoding === 'base64') {
      body = Buffer.from(body, 'base64').toString('utf8');
    }
    parts.set(headers.get('content-type') ?? '', body.replace(/\r\n/g, '\n'));
  }
  return parts;
}

function sesError(name: string, message: string, status: number, fault: 'client' | 'server'): SESServiceException {
  return new SESServiceException({ name, message, $fault: fault, $metadata: { httpStatusCode: status, attempts: 1 } });
}

describe('SesMailer with a mocked SES', () => {
  const ses = mockClient(SESClient);
  let mailer: SesMailer;

  beforeEach(() => {
    ses.reset();
    mailer = new SesMailer({ client: new SESClient({ region: 'eu-west-3' }), configurationSet: 'followup-events' });
  });
  afterEach(() => ses.reset());

  it('hands SES a raw MIME message with the one-click unsubscribe headers, both parts and the UTF-8 subject', async () => {
    // Prepare
    ses.on(SendRawEmailCommand).resolves({ MessageId: '0102018e-abc' });

    // Act
    const messageId = await mailer.send(aMail());

    // Assess
    expect(messageId).toBe('0102018e-abc');
    const [call] = ses.commandCalls(SendRawEmailCommand);
    const input = call!.args[0].input;
    expect(input.ConfigurationSetName).toBe('followup-events');
    expect(input.Destinations).toEqual(['camille@example.net']);
    const raw = Buffer.from(input.RawMessage!.Data!).toString('utf8');
    const headers = headersOf(raw);
    expect(headers.get('list-unsubscribe')).toBe(`<${UNSUBSCRIBE_URL}>`);
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headers.get('subject')).toMatch(/^=\?UTF-8\?[QB]\?/);
    expect(decodeWords(headers.get('subject')!)).toBe(SUBJECT);
    expect(decodeWords(headers.get('from')!)).toBe('Équipe Webinaires <webinaires@example.org>');
    expect(decodeWords(headers.get('to')!)).toBe('Camille Dupré <camille@example.net>');
    expect(headers.get('reply-to')).toBe('contact@example.org');
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    const parts = partsOf(raw);
    expect([...parts.keys()]).toEqual(['text/plain; charset=utf-8', 'text/html; charset=utf-8']);
    expect(parts.get('text/plain; charset=utf-8')).toBe(aMail().text);
    expect(parts.get('text/html; charset=utf-8')).toBe(aMail().html);
  });

  it('leaves out Reply-To and the configuration set when none is given', async () => {
    // Prepare
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'id-1' });
    const plain = new SesMailer({ client: new SESClient({ region: 'eu-west-3' }) });

    // Act
    await plain.send(aMail({ replyTo: undefined }));

    // Assess
    const input = ses.commandCalls(SendRawEmailCommand)[0]!.args[0].input;
    expect(input.ConfigurationSetName).toBeUndefined();
    expect(headersOf(Buffer.from(input.RawMessage!.Data!).toString('utf8')).has('reply-to')).toBe(false);
  });

  it.each([
    ['Throttling (query protocol)', sesError('Throttling', 'Maximum sending rate exceeded.', 400, 'client'), 'THROTTLED'],
    ['ThrottlingException', sesError('ThrottlingException', 'Rate exceeded', 400, 'client'), 'THROTTLED'],
    ['a maximum sending rate message under another name', sesError('LimitExceeded', 'Maximum sending rate exceeded.', 400, 'client'), 'THROTTLED'],
    ['MessageRejected', new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } }), 'REJECTED'],
    ['MailFromDomainNotVerifiedException', new MailFromDomainNotVerifiedException({ message: 'MAIL FROM domain not verified', $metadata: { httpStatusCode: 400 } }), 'REJECTED'],
    ['ConfigurationSetDoesNotExist', new ConfigurationSetDoesNotExistException({ message: 'Configuration set does not exist', $metadata: { httpStatusCode: 400 } }), 'REJECTED'],
    ['AccountSendingPausedException', new AccountSendingPausedException({ message: 'Sending paused for this account', $metadata: { httpStatusCode: 400 } }), 'REJECTED'],
    ['InvalidParameterValue', sesError('InvalidParameterValue', 'Missing final @domain', 400, 'client'), 'REJECTED'],
    ['ServiceUnavailable (503)', sesError('ServiceUnavailable', 'Service is unavailable', 503, 'server'), 'TRANSIENT'],
    ['InternalFailure (500)', sesError('InternalFailure', 'Internal failure', 500, 'server'), 'TRANSIENT'],
    ['expired credentials (403), not about the recipient', sesError('ExpiredToken', 'The security token included in the request is expired', 403, 'client'), 'TRANSIENT'],
    ['a connection reset before any answer', Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: { attempts: 1 } }), 'UNKNOWN_OUTCOME'],
    ['a request timeout', Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError', $metadata: {} }), 'UNKNOWN_OUTCOME'],
    ['an unreadable 200 answer', Object.assign(new Error('XML parse error'), { $metadata: { httpStatusCode: 200 } }), 'UNKNOWN_OUTCOME'],
  ])('maps %s to %s', async (_label, error, code) => {
    // Prepare
    ses.on(SendRawEmailCommand).rejects(error);

    // Act
    const failure = await mailer.send(aMail()).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(MailerError);
    expect((failure as MailerError).code).toBe(code);
    expect((failure as MailerError).cause).toBe(error);
    expect((failure as MailerError).isRetryable).toBe(code === 'THROTTLED' || code === 'TRANSIENT');
  });

  it('keeps the SES message in a rejection', async () => {
    // Prepare
    ses.on(SendRawEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified. The following identities failed the check: x@example.org', $metadata: { httpStatusCode: 400 } }));

    // Act
    const failure = (await mailer.send(aMail()).catch((e: unknown) => e)) as MailerError;

    // Assess
    expect(failure.message).toContain('Email address is not verified. The following identities failed the check: x@example.org');
  });

  it.each([
    ['to', { to: 'camille@example.net\r\nBcc: everyone@example.net' }],
    ['to', { to: 'camille@example.net\nBcc: everyone@example.net' }],
    ['from', { from: 'webinaires@example.org\rBcc: x@example.net' }],
    ['subject', { subject: `${SUBJECT}\r\nBcc: everyone@example.net` }],
  ])('refuses a line break in the %s without calling SES', async (field, overrides) => {
    // Prepare
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'never' });

    // Act
    const failure = await mailer.send(aMail(overrides)).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(MailerError);
    expect((failure as MailerError).code).toBe('REJECTED');
    expect((failure as MailerError).message).toContain(field);
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
  });

  it('refuses a line break in an extra header value without calling SES', async () => {
    // Prepare
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'never' });

    // Act
    const failure = await mailer.send(aMail({ headers: { 'List-Unsubscribe': '<https://x.example>\r\nBcc: all@example.net' } })).catch((e: unknown) => e);

    // Assess
    expect((failure as MailerError).code).toBe('REJECTED');
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
  });

  it('refuses a recipient field naming several addresses without calling SES', async () => {
    // Prepare
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'never' });

    // Act
    const failure = await mailer.send(aMail({ to: 'camille@example.net, everyone@example.net' })).catch((e: unknown) => e);

    // Assess
    expect((failure as MailerError).code).toBe('REJECTED');
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(0);
  });

  it('says the outcome is unknown when SES answers without a message id', async () => {
    // Prepare
    ses.on(SendRawEmailCommand).resolves({});

    // Act
    const failure = await mailer.send(aMail()).catch((e: unknown) => e);

    // Assess
    expect((failure as MailerError).code).toBe('UNKNOWN_OUTCOME');
  });
});

describe('composeMime', () => {
  it('refuses a subject with a line break', async () => {
    // Act
    const failure = await composeMime(aMail({ subject: 'Replay\nBcc: x@example.net' })).catch((e: unknown) => e);

    // Assess
    expect((failure as MailerError).code).toBe('REJECTED');
  });

  it('puts the text part before the html part, so clients prefer the html', async () => {
    // Act
    const raw = (await composeMime(aMail())).toString('utf8');

    // Assess
    expect(raw.indexOf('Content-Type: text/plain')).toBeLessThan(raw.indexOf('Content-Type: text/html'));
  });
});
