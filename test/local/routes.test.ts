import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routesOf } from '../../src/adapters/local/local-server.ts';
import { startLocalStack, type LocalStack } from '../../src/local-stack.ts';

let stack: LocalStack;
let dataDir: string;
const logged: string[] = [];
const routes = routesOf(readFileSync('serverless.yml', 'utf8'));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fg-routes-'));
  stack = await startLocalStack({ port: 0, sesPort: 0, dynamoPort: 0, dataDir });
  for (const level of ['log', 'error', 'warn', 'info'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the local server', () => {
  it('knows the httpApi routes of serverless.yml', () => {
    expect(routes.length).toBeGreaterThanOrEqual(16);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/sign-in', 'GET /sign-in/{token}', 'POST /sign-in/{token}', 'POST /api/campaigns', 'POST /api/campaigns/{id}/versions', 'GET /api/campaigns/{id}', 'GET /review/{token}', 'POST /review/{token}', 'POST /api/campaigns/{id}/halt', 'POST /api/campaigns/{id}/resume', 'GET /unsubscribe/{token}', 'POST /unsubscribe/{token}']),
    );
  });

  for (const route of routes) {
    it(`serves ${route.method} ${route.path} with its handler`, async () => {
      const path = route.path.replace(/\{(\w+)\}/g, 'x');
      const response = await fetch(new URL(path, stack.url), { method: route.method, redirect: 'manual', headers: route.method === 'POST' ? { 'content-type': 'application/json' } : {}, body: route.method === 'POST' ? '{}' : undefined });
      const body = await response.text();
      // The router answers 404/405 with NOT_FOUND/METHOD_NOT_ALLOWED "No route …": a handler answered instead.
      expect(body).not.toMatch(/No route /);
      expect(response.status).toBeLessThan(500);
    });
  }

  it('never writes the secret, a session or a link token to the logs', async () => {
    const secret = readFileSync(join(dataDir, 'secret'), 'utf8').trim();
    // A request that makes a handler fail inside: a malformed multipart body.
    await fetch(new URL('/api/campaigns', stack.url), { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nbroken' });
    const everything = logged.join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/fg_session=|\/review\/[\w-]{20,}\.|\/sign-in\/[\w-]{20,}/);
  });

  it('refuses a body over 6 MB as API Gateway does, pointing to uploads', async () => {
    const response = await fetch(new URL('/api/campaigns', stack.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(7 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/POST \/api\/uploads/);
  });

  it('answers an unknown route with 404 and a wrong method with 405', async () => {
    expect((await fetch(new URL('/nowhere', stack.url))).status).toBe(404);
    expect((await fetch(new URL('/api/sign-in', stack.url))).status).toBe(405);
  });
});
