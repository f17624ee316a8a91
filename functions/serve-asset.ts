import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HttpEvent, HttpResult } from './http.ts';

const ASSETS: Record<string, string> = { 'app.js': 'text/javascript; charset=utf-8' };

/** GET /assets/{name} — the pages' one script (CSP allows scripts from this site only). */
export async function handler(event: HttpEvent): Promise<HttpResult> {
  const name = event.pathParameters?.name ?? '';
  const type = ASSETS[name];
  if (!type) return { statusCode: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  const body = await readFile(join(process.env.ASSETS_DIR ?? join(process.cwd(), 'templates', 'assets'), name), 'utf8');
  return { statusCode: 200, headers: { 'content-type': type, 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' }, body };
}
