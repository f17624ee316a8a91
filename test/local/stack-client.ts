import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A mail as the local SES inbox keeps it. */
export interface InboxMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** Reads the local SES inbox. */
export async function inbox(sesUrl: string): Promise<InboxMail[]> {
  const answer = await fetch(`${sesUrl}/store`);
  return ((await answer.json()) as { emails: InboxMail[] }).emails;
}

/** The last mail to an address whose subject matches, waiting for it to arrive. */
export async function mailTo(sesUrl: string, to: string, subject: RegExp, timeoutMs = 10_000): Promise<InboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await inbox(sesUrl)).filter((m) => m.destination.to.some((t) => t.includes(to)) && subject.test(m.subject)).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A browser-like client: keeps the session cookie, sends the Origin of the app. */
export class Browser {
  cookie = '';
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    if (init.method && init.method !== 'GET') headers.set('origin', new URL(this.base).origin);
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    const set = response.headers.getSetCookie?.() ?? [];
    for (const cookie of set) if (cookie.startsWith('fg_session=')) this.cookie = /Max-Age=0/.test(cookie) ? '' : cookie.split(';')[0]!;
    return response;
  }

  /** Signs in through the emailed single-use link, as a member would. */
  async signIn(email: string, sesUrl: string): Promise<void> {
    const before = (await inbox(sesUrl)).length;
    await this.fetch('/api/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    let mail: InboxMail | undefined;
    for (let i = 0; i < 100 && !mail; i++) {
      mail = (await inbox(sesUrl)).slice(before).find((m) => m.destination.to.some((t) => t.includes(email)));
      if (!mail) await new Promise((r) => setTimeout(r, 50));
    }
    const link = /https?:\/\/localhost:\d+\/sign-in\/[\w.-]+/.exec(mail!.body.text ?? '')![0];
    const page = await this.fetch(new URL(link).pathname);
    if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}`);
    const done = await this.fetch(new URL(link).pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    if (done.status !== 303 || !this.cookie) throw new Error(`sign-in answered ${done.status}`);
  }

  /** The CSRF token of a page's forms. */
  async csrf(path = '/'): Promise<string> {
    const html = await (await this.fetch(path)).text();
    return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }
}

/** The campaign folder's files as a multipart form. */
export function campaignForm(files: ReadonlyMap<string, Uint8Array | string>, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, content] of files) {
    const blob = new Blob([typeof content === 'string' ? content : Buffer.from(content)]);
    if (name.startsWith('catalog/')) form.append('catalog', blob, name.slice('catalog/'.length));
    else form.append(name, blob, name);
  }
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

/**
 * A pass-through in front of the local SES endpoint that keeps every raw MIME message handed to SES
 * (aws-ses-v2-local re-parses messages and drops custom headers such as List-Unsubscribe).
 */
export async function rawMimeRecorder(): Promise<{ url: string; raws: string[]; target(url: string): void; close(): Promise<void> }> {
  const raws: string[] = [];
  let target = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const data = new URLSearchParams(body.toString('utf8')).get('RawMessage.Data');
      if (data) raws.push(Buffer.from(data, 'base64').toString('utf8'));
      const upstream = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    raws,
    target: (url) => {
      target = url;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export { readFileSync };
