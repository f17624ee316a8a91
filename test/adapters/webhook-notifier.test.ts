import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NullNotifier, WebhookNotifier } from '../../src/adapters/local/webhook-notifier.ts';
import { GuardError } from '../../src/core/errors.ts';

interface Received {
  method: string | undefined;
  path: string | undefined;
  contentType: string | undefined;
  body: string;
}

describe('WebhookNotifier', () => {
  let server: Server | undefined;

  afterEach(async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
  });

  /** A webhook on loopback that records each post and answers with `reply`. */
  async function webhook(reply: (response: ServerResponse) => void = (r) => r.end('ok')): Promise<{ url: string; received: Received[] }> {
    const received: Received[] = [];
    server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method, path: request.url, contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
        reply(response);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/hooks/abc123secret`, received };
  }

  it('posts the text as Mattermost/Slack incoming webhook JSON', async () => {
    // Prepare
    const { url, received } = await webhook();
    const notifier = new WebhookNotifier({ url });

    // Act
    await notifier.post('Campagne « Replay – Accessibilité » envoyée à 1 204 personnes');

    // Assess
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', path: '/hooks/abc123secret', contentType: 'application/json' });
    expect(JSON.parse(received[0]!.body)).toEqual({ text: 'Campagne « Replay – Accessibilité » envoyée à 1 204 personnes' });
  });

  it('throws a GuardError with the status when the webhook refuses the post, without the secret URL', async () => {
    // Prepare
    const { url } = await webhook((response) => {
      response.statusCode = 404;
      response.end('no such hook');
    });

    // Act
    const failure = (await new WebhookNotifier({ url }).post('hello').catch((e: unknown) => e)) as GuardError;

    // Assess
    expect(failure).toBeInstanceOf(GuardError);
    expect(failure.code).toBe('NOTIFY_FAILED');
    expect(failure.message).toContain('404');
    expect(failure.message).not.toContain('abc123secret');
  });

  it('throws a GuardError when nothing listens at the URL', async () => {
    // Prepare: a port that was just freed.
    const { url } = await webhook();
    server!.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;

    // Act
    const failure = (await new WebhookNotifier({ url }).post('hello').catch((e: unknown) => e)) as GuardError;

    // Assess
    expect(failure).toBeInstanceOf(GuardError);
    expect(failure.code).toBe('NOTIFY_FAILED');
    expect(failure.message).not.toContain('abc123secret');
  });

  it('throws a GuardError when the webhook does not answer within the timeout', async () => {
    // Prepare: the hook never answers; a zero timeout expires at once instead of after 5 s.
    const { url, received } = await webhook(() => {});

    // Act
    const failure = (await new WebhookNotifier({ url, timeoutMs: 0 }).post('hello').catch((e: unknown) => e)) as GuardError;

    // Assess
    expect(failure).toBeInstanceOf(GuardError);
    expect(failure.code).toBe('NOTIFY_FAILED');
    expect(failure.message).toContain('no answer within 0 ms');
    expect(received.length).toBeLessThanOrEqual(1);
  });

  it('does nothing when no webhook is configured', async () => {
    // Act
    const outcomes = await Promise.all([new WebhookNotifier().post('hello'), new WebhookNotifier({ url: '  ' }).post('hello'), new NullNotifier().post('hello')]);

    // Assess
    expect(outcomes).toEqual([undefined, undefined, undefined]);
  });
});
