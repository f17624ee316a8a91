import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { parse as parseYaml } from 'yaml';
import type { BlobStore } from '../../ports/blob-store.ts';

/** One httpApi route of serverless.yml and the handler module that serves it. */
export interface Route {
  method: string;
  path: string;
  /** e.g. functions/submit-campaign.handler */
  handler: string;
  pattern: RegExp;
  params: string[];
}

type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** API Gateway's (and Lambda's) payload limit: the local server keeps it, so that what works here works there. */
const MAX_HANDLER_BODY_BYTES = 6 * 1024 * 1024;

/** The httpApi routes declared in serverless.yml: the local server serves exactly these. */
export function routesOf(serverlessYml: string): Route[] {
  const doc = parseYaml(serverlessYml, { customTags: [
    { tag: '!Ref', resolve: (v: string) => v },
    { tag: '!GetAtt', resolve: (v: string) => v },
    { tag: '!Join', collection: 'seq', resolve: (v: unknown) => v },
    { tag: '!Sub', resolve: (v: string) => v },
  ] }) as { functions?: Record<string, { handler: string; events?: { httpApi?: { method: string; path: string } | string }[] }> };
  const routes: Route[] = [];
  for (const fn of Object.values(doc.functions ?? {})) {
    for (const event of fn.events ?? []) {
      const api = event.httpApi;
      if (!api) continue;
      const [method, path] = typeof api === 'string' ? api.split(/\s+/) : [api.method, api.path];
      const params: string[] = [];
      const source = path!.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
        params.push(name);
        return '([^/]+)';
      });
      routes.push({ method: method!.toUpperCase(), path: path!, handler: fn.handler, pattern: new RegExp(`^${source.replace(/\\\{|\\\}/g, '')}$`), params });
    }
  }
  return routes;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function toEvent(request: IncomingMessage, url: URL, route: Route, match: RegExpMatchArray, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) if (value !== undefined && key !== 'cookie') headers[key] = Array.isArray(value) ? value.join(',') : value;
  const cookies = (request.headers.cookie ?? '').split(';').map((c) => c.trim()).filter(Boolean);
  const pathParameters = Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
  const isText = /^(?:application\/(?:json|x-www-form-urlencoded)|text\/)/.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    pathParameters,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: { method: route.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: `local-${Date.now()}`,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body.length === 0 ? undefined : isText ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: body.length > 0 && !isText,
  } as APIGatewayProxyEventV2;
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(result);
    return;
  }
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}

/**
 * The local stand-in for API Gateway: the same handlers, behind one HTTP server, routed from
 * serverless.yml. It also accepts the PUT of large uploads into the folder blob store.
 */
export function createLocalServer(options: { root: string; blobs: BlobStore; routes?: Route[] }): { server: Server; routes: Route[] } {
  const routes = options.routes ?? routesOf(readFileSync(join(options.root, 'serverless.yml'), 'utf8'));
  const handlers = new Map<string, Promise<HttpHandler>>();
  const load = (spec: string): Promise<HttpHandler> => {
    let loading = handlers.get(spec);
    if (!loading) {
      const [file, exported] = [spec.slice(0, spec.lastIndexOf('.')), spec.slice(spec.lastIndexOf('.') + 1)];
      loading = import(pathToFileURL(join(options.root, `${file}.ts`)).href).then((module: Record<string, HttpHandler>) => module[exported]!);
      handlers.set(spec, loading);
    }
    return loading;
  };
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
        if (request.method === 'PUT' && url.pathname.startsWith('/uploads/')) {
          // FolderBlobStore.uploadUrl(key) is `${publicUrl}/uploads/${key}`.
          const key = decodeURIComponent(url.pathname.slice('/uploads/'.length));
          if (!/^uploads\/[\w.-]+$/.test(key)) {
            response.writeHead(400).end('bad upload key');
            return;
          }
          await options.blobs.put(key, await readBody(request));
          response.writeHead(200).end();
          return;
        }
        // Like API Gateway, a literal path wins over a path with parameters (/campaigns/new vs /campaigns/{id}).
        const candidates = routes.filter((r) => r.pattern.test(url.pathname)).sort((a, b) => a.params.length - b.params.length);
        const route = candidates.find((r) => r.method === request.method);
        if (!route) {
          response.writeHead(candidates.length ? 405 : 404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: candidates.length ? 'METHOD_NOT_ALLOWED' : 'NOT_FOUND', message: `No route ${request.method} ${url.pathname}.` } }));
          return;
        }
        const match = url.pathname.match(route.pattern)!;
        const body = await readBody(request);
        if (body.length > MAX_HANDLER_BODY_BYTES) {
          response.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request is larger than 6 MB: upload large files with POST /api/uploads first.' } }));
          return;
        }
        const event = toEvent(request, url, route, match, body);
        const handler = await load(route.handler);
        writeResult(response, await handler(event));
      } catch (error) {
        console.error('followup-guard local server:', error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'INTERNAL', message: 'Internal error.' } }));
      }
    })();
  });
  return { server, routes };
}
