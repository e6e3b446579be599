import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isAddressInUse, PortInUseError } from './ports';

/** Seconds a browser or a readiness check is asked to wait before asking again. */
export const STARTING_RETRY_SECONDS = 1;

const STARTING_MESSAGE = 'お客様サポートWEBを起動しています。しばらくしてから再読み込みしてください。';

/** The page a browser gets during the start: it reloads itself, so a tab opened early lands on the site. */
const STARTING_PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${STARTING_RETRY_SECONDS}">
<title>起動中 | お客様サポートWEB</title></head><body><p>${STARTING_MESSAGE}</p></body></html>
`;

/** 503 with Retry-After, at once: the API gets the product's JSON error shape, anything else the page. */
function answerStarting(request: IncomingMessage, response: ServerResponse) {
  const api = request.url?.startsWith('/api/') ?? false;
  response.writeHead(503, {
    'Content-Type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'Retry-After': String(STARTING_RETRY_SECONDS),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  response.end(api ? JSON.stringify({ error: { code: 'STARTING', message: STARTING_MESSAGE } }) : STARTING_PAGE);
}

/**
 * Holds the site's port from the first moment of the start (a second start on it stops before
 * touching this one's state) and answers whatever arrives meanwhile with a 503 at once, so no
 * browser tab or readiness check is left waiting. Release drops every open connection, so it
 * never waits on a client.
 */
export function holdSitePort(port: number): Promise<{ release(): Promise<void> }> {
  return new Promise((ok, fail) => {
    const server = createServer(answerStarting);
    server.once('error', (error) => fail(isAddressInUse(error) ? new PortInUseError('port', port) : error));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      ok({
        release: () =>
          new Promise<void>((done) => {
            if (!server.listening) return done();
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
