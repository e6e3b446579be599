import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { securityHeaders } from '../lambdas/http/security-headers';
import { loadConfig } from '../lambdas/config';
import { routes } from '../lambdas/routes';
import { SITE_SETTINGS_FILE, siteSettings } from '../lambdas/site-settings';
import { sendApiGatewayResult, toApiGatewayEvent } from './api-gateway-event';

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Enough of a Lambda context for the handlers, which read only the request id. */
function lambdaContext(name: string): Context {
  return { functionName: name, awsRequestId: 'local', getRemainingTimeInMillis: () => 30_000 } as Context;
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function plain(res: ServerResponse, status: number, contentType: string, body: string | Buffer) {
  res.writeHead(status, { ...securityHeaders, 'content-type': contentType });
  res.end(body);
}

/**
 * What CloudFront and API Gateway do on AWS, on one local origin: `/api/*` goes to the real
 * Lambda handlers (loaded on first use, after the environment is set), the rest is the built site.
 */
export function createDevServer(siteDir: string): Server {
  const handlers = new Map<string, LambdaHandler>();
  const handlerFor = (entry: string): LambdaHandler => {
    if (!handlers.has(entry)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      handlers.set(entry, require(`../lambdas/handlers/${entry}`).handler);
    }
    return handlers.get(entry)!;
  };

  async function api(req: IncomingMessage, res: ServerResponse, path: string) {
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      return plain(
        res,
        404,
        'application/json; charset=utf-8',
        JSON.stringify({ error: { code: 'NOT_FOUND', message: 'ページが見つかりません。' } }),
      );
    }
    const event = toApiGatewayEvent(req, await readBody(req), `${route.method} ${route.path}`);
    sendApiGatewayResult(res, await handlerFor(route.entry)(event, lambdaContext(route.entry)));
  }

  async function site(res: ServerResponse, path: string) {
    if (path === `/${SITE_SETTINGS_FILE}`) {
      return plain(res, 200, 'application/json; charset=utf-8', JSON.stringify(siteSettings(loadConfig())));
    }
    const file = normalize(join(siteDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(siteDir + sep)) return plain(res, 404, 'text/plain; charset=utf-8', 'Not Found');
    try {
      const body = await readFile(file);
      res.setHeader('cache-control', 'no-cache');
      plain(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      plain(
        res,
        404,
        'text/html; charset=utf-8',
        '<!doctype html><html lang="ja"><title>ページが見つかりません</title><p>ページが見つかりません。<a href="/">ログインページへ</a></p></html>',
      );
    }
  }

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    return path.startsWith('/api/') ? api(req, res, path) : site(res, path);
  };

  return createServer((req, res) => {
    route(req, res).catch((error) => {
      process.stderr.write(`dev server: ${(error as Error).stack}\n`);
      if (!res.headersSent) plain(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
      else res.end();
    });
  });
}
