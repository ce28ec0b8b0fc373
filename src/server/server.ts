import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WireError } from '../shared/api/errors';
import { EVENT_NAMES } from '../shared/api/events';
import type { Core } from '../core/api/core';
import { toWireError } from '../core/api/errors';
import { hostAllowed, originAllowed, tokenMatches } from './http-guard';
import { readSessionCookie, sessionCookieName, takeSession } from './session-cookie';
import { SECURITY_HEADERS, serveStatic } from './static-files';

const MAX_BODY_BYTES = 100 * 1024 * 1024;
const STATUS: Partial<Record<WireError['code'], number>> = {
  UNAUTHORIZED: 401,
  SESSION_REQUIRED: 401,
  SESSION_EXPIRED: 401,
  SESSION_LOCKED: 401,
  AUTH_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  FORBIDDEN: 403,
  REQUEST_REFUSED: 403,
  NOT_FOUND: 404,
  UNKNOWN_PROCEDURE: 404,
  INTERNAL: 500,
};

export interface ServeOptions {
  core: Core;
  uiDir: string;
  /** 0 picks a free port */
  port: number;
  /** logs failures the user only sees as INTERNAL */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, cookie?: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(cookie ? { 'set-cookie': cookie } : {}),
  });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: WireError): void {
  sendJson(res, STATUS[error.code] ?? 400, { ok: false, error });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `serve`: the built UI and the procedures over HTTP on 127.0.0.1 only, for a browser on the same
 * machine that holds the per-start token. Events reach the browser as server-sent events.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { core } = options;
  const token = randomBytes(24).toString('base64url');
  let port = options.port;

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!tokenMatches(req.headers['x-zhijian-token'] as string | undefined, token)) {
      sendError(res, { code: 'UNAUTHORIZED', messageKey: 'errors.UNAUTHORIZED' });
      return;
    }
    let request: { name?: unknown; input?: unknown };
    try {
      request = JSON.parse(await readBody(req)) as typeof request;
    } catch {
      sendError(res, { code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', details: { issues: ['request body'] } });
      return;
    }
    try {
      const result = await core.call(String(request.name), request.input, readSessionCookie(req, sessionCookieName(port)));
      const { body, cookie } = takeSession(result, sessionCookieName(port));
      sendJson(res, 200, { ok: true, result: body }, cookie);
    } catch (error) {
      const wire = toWireError(error);
      if (wire.code === 'INTERNAL') options.log?.(`${String(request.name)}: ${(error as Error)?.stack ?? String(error)}`);
      sendError(res, wire);
    }
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!tokenMatches(url.searchParams.get('token'), token)) {
      sendError(res, { code: 'UNAUTHORIZED', messageKey: 'errors.UNAUTHORIZED' });
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = EVENT_NAMES.map((event) =>
      core.on(event, (payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    req.on('close', () => unsubscribe.forEach((off) => off()));
  }

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req, port) || !originAllowed(req)) {
      sendError(res, { code: 'REQUEST_REFUSED', messageKey: 'errors.REQUEST_REFUSED' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') {
        res.writeHead(405, SECURITY_HEADERS).end();
        return;
      }
      handleRpc(req, res).catch(() => sendError(res, { code: 'INTERNAL', messageKey: 'errors.INTERNAL' }));
      return;
    }
    if (url.pathname === '/events') {
      handleEvents(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    serveStatic(options.uiDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
