import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../src/shared/csp';
import { isAppUrl } from './sender';

/** The scheme the window loads the UI from: `app://zhijian/index.html`, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'zhijian';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The same headers `serve` sends with the UI. */
export const APP_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export type AppResource =
  | { status: 200; file: string; headers: Record<string, string> }
  | { status: 400 | 404 | 405; headers: Record<string, string> };

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request for `app://zhijian/…` to a file inside the built UI folder, or to an error
 * status. Pure: the caller checks that the file exists (a route without a file gets index.html,
 * see `fallbackFor`) and reads it. Anything that could leave the folder is a 400.
 */
export function resolveAppRequest(uiDir: string, url: string, method = 'GET'): AppResource {
  const headers = { ...APP_HEADERS };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers };
  if (!isAppUrl(url)) return { status: 400, headers };
  const { pathname } = new URL(url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, headers };
  }
  // an encoded separator or NUL is never part of a real asset name
  if (decoded.includes('\\') || decoded.includes('\0') || /%2f|%5c/i.test(pathname)) return { status: 400, headers };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-z]:/i.test(s))) return { status: 400, headers };
  const root = path.resolve(uiDir);
  const file = segments.length === 0 ? path.join(root, 'index.html') : path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { status: 400, headers };
  return { status: 200, file, headers: { ...headers, 'content-type': contentTypeOf(file), 'cache-control': 'no-cache' } };
}

/**
 * When the resolved file does not exist: a client-side route (no extension) gets index.html so
 * that a reload keeps working; a missing asset is a 404.
 */
export function fallbackFor(uiDir: string, resource: AppResource & { status: 200 }): AppResource {
  if (path.extname(resource.file) !== '') return { status: 404, headers: { ...APP_HEADERS } };
  const file = path.join(path.resolve(uiDir), 'index.html');
  return { status: 200, file, headers: { ...resource.headers, 'content-type': contentTypeOf(file) } };
}
