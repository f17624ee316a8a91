import { SESClient } from '@aws-sdk/client-ses';
import * as sesLocalModule from 'aws-ses-v2-local';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../src/adapters/aws/ses-mailer.ts';
import { MailerError } from '../../src/core/errors.ts';

interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

const SUBJECT = "Replay – Accessibilité numérique : réussir l'audit";

function clientFor(port: number): SESClient {
  return new SESClient({
    region: 'eu-west-3',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

type StartSesLocal = (config: { host: string; port: number }) => Promise<Server>;

/** The package is CommonJS with `exports.default`: the loader may wrap it once or twice. */
function startFunction(module: unknown): StartSesLocal {
  let candidate = module;
  for (let depth = 0; depth < 3 && typeof candidate !== 'function'; depth++) candidate = (candidate as { default?: unknown }).default;
  if (typeof candidate !== 'function') throw new Error('aws-ses-v2-local exports no server function');
  return candidate as StartSesLocal;
}

describe('SesMailer against aws-ses-v2-local', () => {
  let server: Server;
  let base: string;
  let mailer: SesMailer;

  beforeAll(async () => {
    // Port 0: the system picks a free port, read back from the listening server.
    server = await startFunction(sesLocalModule)({ host: '127.0.0.1', port: 0 });
    const { port } = server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    mailer = new SesMailer({ client: clientFor(port) });
  });
  afterAll(() => close(server));
  beforeEach(async () => {
    await fetch(`${base}/clear-store`, { method: 'POST' });
  });

  it('delivers the message with its subject, recipient and both bodies', async () => {
    // Prepare
    const text = "Bonjour Camille,\nvoici le replay de l'atelier : https://example.org/replay\n— l'équipe";
    const html = "<p>Bonjour Camille</p><p><a href=\"https://example.org/replay\">Voir le replay</a> — l'équipe</p>";

    // Act
    const messageId = await mailer.send({
      from: 'Équipe Webinaires <webinaires@example.org>',
      to: 'camille@example.net',
      subject: SUBJECT,
      text,
      html,
      headers: { 'List-Unsubscribe': '<https://followup.example.org/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });

    // Assess
    const store = (await (await fetch(`${base}/store`)).json()) as { emails: StoredMail[] };
    expect(store.emails).toHaveLength(1);
    const [mail] = store.emails;
    expect(mail!.messageId).toBe(messageId);
    expect(mail!.subject).toBe(SUBJECT);
    expect(mail!.destination.to).toEqual(['camille@example.net']);
    expect(mail!.from).toContain('webinaires@example.org');
    expect(mail!.body.html).toBe(html);
    expect(mail!.body.text?.trim()).toBe(text);
  });
});

describe('SesMailer against a failing local endpoint', () => {
  let server: Server | undefined;
  afterAll(async () => {
    if (server) await close(server);
  });

  it('reads a real 503 answer as a transient failure', async () => {
    // Prepare
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(503, { 'content-type': 'text/xml' });
        response.end('<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Service unavailable</Message></Error><RequestId>r-1</RequestId></ErrorResponse>');
      });
    });
    const port = await listen(server);

    // Act
    const failure = await new SesMailer({ client: clientFor(port) }).send({ from: 'a@example.org', to: 'b@example.net', subject: 's', text: 't', html: '<p>t</p>' }).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(MailerError);
    expect((failure as MailerError).code).toBe('TRANSIENT');
    await close(server);
    server = undefined;
  });

  it('reads a connection dropped before any answer as an unknown outcome', async () => {
    // Prepare
    server = createServer((request) => request.socket.destroy());
    const port = await listen(server);

    // Act
    const failure = await new SesMailer({ client: clientFor(port) }).send({ from: 'a@example.org', to: 'b@example.net', subject: 's', text: 't', html: '<p>t</p>' }).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(MailerError);
    expect((failure as MailerError).code).toBe('UNKNOWN_OUTCOME');
    await close(server);
    server = undefined;
  });
});
