import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { ADMIN, bareCore, tempDir } from '../core/testing/fixtures';
import { loadMigrations } from '../core/db/migrate';
import { MIGRATIONS_DIR } from '../core/paths';
import { startServer, type RunningServer } from './server';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve() {
  const uiDir = tempDir();
  fs.writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><title>ui</title>');
  fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'outside');
  const { core } = bareCore();
  server = await startServer({ core, uiDir, port: 0 });
  return server;
}

/** A raw request, so that Host and Origin can be set as an attacker would. */
function request(
  s: RunningServer,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: s.port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const rpc = (s: RunningServer, body: object, headers: Record<string, string> = {}) =>
  request(s, { method: 'POST', path: '/rpc', headers: { 'content-type': 'application/json', 'x-zhijian-token': s.token, ...headers }, body: JSON.stringify(body) });

describe('serve', () => {
  it('binds to 127.0.0.1 and answers procedures for the holder of the token', async () => {
    const s = await serve();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
    const response = await rpc(s, { name: 'auth.status', input: {} });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, result: { state: 'setup', user: null } });
  });

  it('keeps the session in an HttpOnly SameSite=Strict cookie that page scripts never see', async () => {
    const s = await serve();
    const setup = await rpc(s, { name: 'auth.setup', input: { username: ADMIN.username, displayName: '管理员', password: ADMIN.password } });
    const body = JSON.parse(setup.body);
    expect(body.ok).toBe(true);
    expect(body.result.sessionToken).toBeUndefined();
    expect(body.result.recoveryKey).toMatch(/^[0-9A-Z-]+$/);
    const cookie = String(setup.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^zhijian_session_${s.port}=[\\w-]+; Path=/; HttpOnly; SameSite=Strict$`));
    const session = cookie.split(';')[0]!;

    // without the cookie: no session; with it: the administrator
    const anonymous = await rpc(s, { name: 'system.info', input: {} });
    expect([anonymous.status, JSON.parse(anonymous.body).error.code]).toEqual([401, 'SESSION_REQUIRED']);
    const info = await rpc(s, { name: 'system.info', input: {} }, { cookie: session });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { schemaVersion: loadMigrations(MIGRATIONS_DIR).length } });

    // logging out clears the cookie and ends the session on the server too
    const logout = await rpc(s, { name: 'auth.logout', input: {} }, { cookie: session });
    expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
    const after = await rpc(s, { name: 'system.info', input: {} }, { cookie: session });
    expect(JSON.parse(after.body).error.code).toBe('SESSION_EXPIRED');
  });

  it('refuses requests without the token, from another origin or for another host', async () => {
    const s = await serve();
    const noToken = await rpc(s, { name: 'system.info' }, { 'x-zhijian-token': '' });
    expect([noToken.status, JSON.parse(noToken.body).error.code]).toEqual([401, 'UNAUTHORIZED']);
    const wrongToken = await rpc(s, { name: 'system.info' }, { 'x-zhijian-token': `${s.token.slice(0, -1)}x` });
    expect(wrongToken.status).toBe(401);
    const crossOrigin = await rpc(s, { name: 'system.info' }, { origin: 'http://evil.example' });
    expect([crossOrigin.status, JSON.parse(crossOrigin.body).error.code]).toEqual([403, 'REQUEST_REFUSED']);
    const crossSite = await rpc(s, { name: 'system.info' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    // DNS rebinding: a foreign name resolving to 127.0.0.1
    const rebound = await rpc(s, { name: 'system.info' }, { host: `evil.example:${s.port}` });
    expect(rebound.status).toBe(403);
    const events = await request(s, { path: '/events?token=wrong' });
    expect(events.status).toBe(401);
  });

  it('returns typed errors for bad requests and bad input', async () => {
    const s = await serve();
    const notJson = await request(s, { method: 'POST', path: '/rpc', headers: { 'x-zhijian-token': s.token }, body: '{nope' });
    expect(JSON.parse(notJson.body).error.code).toBe('INVALID_INPUT');
    const badInput = await rpc(s, { name: 'auth.login', input: { username: 'admin', password: 42 } });
    expect([badInput.status, JSON.parse(badInput.body).error.code]).toEqual([400, 'INVALID_INPUT']);
    const unknown = await rpc(s, { name: 'people.drop', input: {} });
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, 'UNKNOWN_PROCEDURE']);
    expect((await request(s, { method: 'GET', path: '/rpc' })).status).toBe(405);
  });

  it('serves the UI with the content security policy and never a file outside it', async () => {
    const s = await serve();
    const page = await request(s, { path: '/people/123' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>ui</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const traversal = await request(s, { path: '/..%2f..%2fsecret.txt' });
    expect(traversal.body).not.toContain('outside');
  });
});
