/**
 * The relay (`zhijian relay --port P --data DIR`): a small HTTP store on the private network that
 * keeps bundles per recipient until the recipient has taken them. It never holds a key and never
 * opens a bundle: bundles are encrypted to their recipients and signed by their senders, who check
 * everything (FORMAT.md). What it guards is itself: ids are checked before they touch a path, a
 * bundle is written whole or not at all, and no request can fill the disk beyond a size limit.
 *
 *   GET    /v1/health                    → { ok, version }
 *   PUT    /v1/bundles/{recipient}/{id}  → 201 (stored) or 200 (already there); body: the bundle
 *   GET    /v1/bundles/{recipient}       → [{ id, size, storedAt }] oldest first
 *   GET    /v1/bundles/{recipient}/{id}  → the bundle's bytes
 *   DELETE /v1/bundles/{recipient}/{id}  → 204
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { APP_VERSION } from '../../version';

/** Node ids and bundle ids are ULIDs: nothing else may name a folder or a file. */
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Far above a month of one county's operations; a larger body is refused before it is stored. */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

export interface RelayOptions {
  /** the folder bundles are kept in, one subfolder per recipient */
  dataDir: string;
  port: number;
  /** default 0.0.0.0: the relay serves the private network, unlike serve */
  host?: string;
  maxBundleBytes?: number;
}

export interface Relay {
  port: number;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Reads the body into a temporary file beside its final place, then renames it: readers never see half a bundle. */
function store(req: http.IncomingMessage, file: string, limit: number): Promise<'stored' | 'too-large'> {
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    let size = 0;
    let over = false;
    const fail = (error: Error) => {
      out.destroy();
      fs.rm(partial, { force: true }, () => reject(error));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit && !over) {
        over = true;
        req.unpipe(out);
        out.destroy();
        fs.rm(partial, { force: true }, () => resolve('too-large'));
        req.resume();
      }
    });
    req.on('error', fail);
    out.on('error', fail);
    out.on('finish', () => {
      if (over) return;
      fs.rename(partial, file, (error) => (error ? fail(error) : resolve('stored')));
    });
    req.pipe(out);
  });
}

function list(folder: string): { id: string; size: number; storedAt: string }[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.zjb') && ULID.test(name.slice(0, -4)))
    .map((name) => {
      const info = fs.statSync(path.join(folder, name));
      return { id: name.slice(0, -4), size: info.size, storedAt: info.mtime.toISOString() };
    })
    .sort((a, b) => a.storedAt.localeCompare(b.storedAt) || a.id.localeCompare(b.id));
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, options: Required<Omit<RelayOptions, 'port' | 'host'>>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://relay');
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'v1') return send(res, 404, { error: 'not found' });
  if (parts[1] === 'health' && parts.length === 2 && req.method === 'GET') return send(res, 200, { ok: true, version: APP_VERSION });
  if (parts[1] !== 'bundles' || parts.length < 3 || parts.length > 4) return send(res, 404, { error: 'not found' });
  const recipient = parts[2]!;
  const id = parts[3];
  if (!ULID.test(recipient) || (id !== undefined && !ULID.test(id))) return send(res, 400, { error: 'bad id' });
  const folder = path.join(options.dataDir, recipient);
  if (id === undefined) return req.method === 'GET' ? send(res, 200, list(folder)) : send(res, 405, { error: 'method' });
  const file = path.join(folder, `${id}.zjb`);
  switch (req.method) {
    case 'PUT': {
      if (fs.existsSync(file)) {
        req.resume();
        return send(res, 200, { id, stored: false });
      }
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const outcome = await store(req, file, options.maxBundleBytes);
      return outcome === 'stored' ? send(res, 201, { id, stored: true }) : send(res, 413, { error: 'too large' });
    }
    case 'GET': {
      if (!fs.existsSync(file)) return send(res, 404, { error: 'not found' });
      const size = fs.statSync(file).size;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
      fs.createReadStream(file).pipe(res);
      return;
    }
    case 'DELETE':
      fs.rmSync(file, { force: true });
      return send(res, 204);
    default:
      return send(res, 405, { error: 'method' });
  }
}

/** Starts the relay; it removes what an interrupted upload left behind first. */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const settings = { dataDir: options.dataDir, maxBundleBytes: options.maxBundleBytes ?? MAX_BUNDLE_BYTES };
  fs.mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  for (const folder of fs.readdirSync(settings.dataDir)) {
    const at = path.join(settings.dataDir, folder);
    if (!ULID.test(folder) || !fs.statSync(at).isDirectory()) continue;
    for (const name of fs.readdirSync(at)) if (name.endsWith('.partial')) fs.rmSync(path.join(at, name), { force: true });
  }
  const server = http.createServer((req, res) => {
    handle(req, res, settings).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
