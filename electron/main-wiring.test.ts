// dist/electron/main.cjs as esbuild bundles it, run in plain Node on a fake 'electron' module
// (testing/fake-electron.cjs) with the real core process forked beside it: the wiring of
// main.ts (paths, protocol, IPC sender checks, sessions, events, guards, startup errors, quitting) where
// the Electron runtime itself cannot run.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
let work: string;
let appPath: string;

interface Report {
  kind: string;
  [key: string]: unknown;
}

/** what the fake answers a command with (its fields depend on the command) */
interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  prevented: boolean;
  [key: string]: unknown;
}

interface WindowReport extends Report {
  options: { webPreferences: { preload: string } & Record<string, unknown> } & Record<string, unknown>;
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-main-'));
  appPath = path.join(work, 'app');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-electron.mjs'), '--out', path.join(appPath, 'dist/electron')], { cwd: ROOT });
  fs.mkdirSync(path.join(appPath, 'dist/ui/assets'), { recursive: true });
  fs.writeFileSync(path.join(appPath, 'dist/ui/index.html'), '<!doctype html><title>智监</title>');
  fs.writeFileSync(path.join(appPath, 'dist/ui/assets/app.js'), 'export {};');
  fs.writeFileSync(path.join(work, 'secret.txt'), 'secret');
  fs.cpSync(path.join(ROOT, 'migrations'), path.join(appPath, 'migrations'), { recursive: true });
  const fake = path.join(appPath, 'node_modules/electron');
  fs.mkdirSync(fake, { recursive: true });
  fs.writeFileSync(path.join(fake, 'index.js'), `module.exports = require(${JSON.stringify(path.join(import.meta.dirname, 'testing/fake-electron.cjs'))});\n`);
}, 60_000);

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

class Main {
  readonly child: ChildProcess;
  readonly reports: Report[] = [];
  private waiters: (() => void)[] = [];
  private nextId = 1;
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = fork(path.join(appPath, 'dist/electron/main.cjs'), [], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), FAKE_APP_PATH: appPath, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.on('message', (message) => {
      this.reports.push(message as Report);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    started.push(this.child);
  }

  async waitFor(kind: string, where: (r: Report) => boolean = () => true): Promise<Report> {
    for (;;) {
      const found = this.reports.find((r) => r.kind === kind && where(r));
      if (found) return found;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  /** the calls main has posted to the core so far, with the session each carried */
  toCore(): { name: string; input: unknown; session?: string }[] {
    return this.reports
      .filter((r) => r.kind === 'to-core' && (r.message as { type: string }).type === 'call')
      .map((r) => r.message as { name: string; input: unknown; session?: string });
  }

  async command(cmd: Record<string, unknown>): Promise<Reply> {
    const id = this.nextId++;
    this.child.send({ ...cmd, id });
    return (await this.waitFor('reply', (r) => r.id === id)).result as Reply;
  }
}

describe('main.cjs', () => {
  it('opens the core, loads app://zhijian/, guards IPC, keeps the session in main, forwards events and closes the core on quit', async () => {
    const appData = path.join(work, 'appdata');
    const main = new Main({ FAKE_APP_DATA: appData });

    const schemes = await main.waitFor('schemes');
    expect(schemes.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(await main.waitFor('fork')).toMatchObject({ modulePath: 'core-process.cjs' });
    const window = (await main.waitFor('window')) as WindowReport;
    expect(window.url).toBe('app://zhijian/index.html');
    expect(window.hasOpenHandler).toBe(true);
    expect(window.options).toMatchObject({ width: 1366, height: 768, minWidth: 1024, minHeight: 700 });
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(fs.existsSync(window.options.webPreferences.preload)).toBe(true);
    expect(main.reports.some((r) => r.kind === 'sandbox')).toBe(true);

    // the UI, with the CSP header, and nothing outside dist/ui
    const index = await main.command({ cmd: 'fetch', url: 'app://zhijian/index.html' });
    expect(index).toMatchObject({ status: 200, body: '<!doctype html><title>智监</title>' });
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(await main.command({ cmd: 'fetch', url: 'app://zhijian/assets/app.js' })).toMatchObject({ status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    expect(await main.command({ cmd: 'fetch', url: 'app://zhijian/cases/1' })).toMatchObject({ status: 200, body: '<!doctype html><title>智监</title>' });
    expect(await main.command({ cmd: 'fetch', url: 'app://zhijian/assets/gone.js' })).toMatchObject({ status: 404 });
    const escape = await main.command({ cmd: 'fetch', url: 'app://zhijian/..%2f..%2f..%2fsecret.txt' });
    expect(escape.status).toBe(400);
    expect(escape.body).not.toContain('secret');

    // calls from the main frame of our window reach the core; from anywhere else they do not
    const call = (name: string, input: unknown = {}, sender: Record<string, unknown> = {}) =>
      main.command({ cmd: 'invoke', channel: 'zhijian:call', args: [name, input], ...sender });
    expect(await call('auth.status')).toMatchObject({ ok: true, result: { state: 'setup', user: null } });
    const refused = { ok: false, error: { code: 'REQUEST_REFUSED', messageKey: 'errors.REQUEST_REFUSED' } };
    for (const sender of [{ frame: { parent: {} } }, { frame: { routingId: 2 } }, { frame: { url: 'https://example.com/' } }, { frame: null }, { webContentsId: 99 }]) {
      expect(await call('auth.status', {}, sender)).toEqual(refused);
    }
    expect(await main.command({ cmd: 'invoke', channel: 'zhijian:call', args: [{ name: 'x' }, {}] })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(await call('no.such')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(main.toCore().every((m) => m.session === undefined)).toBe(true);

    // setting up opens a session: its token stays in main, the page gets the rest
    const setup = await call('auth.setup', { username: 'admin', displayName: '管理员', password: 'lijiang-test-2026' });
    expect(setup).toMatchObject({ ok: true, result: { user: { username: 'admin' }, recoveryKey: expect.any(String) } });
    expect(setup.result).not.toHaveProperty('sessionToken');
    expect(fs.existsSync(path.join(appData, 'zhijian/data/zhijian.db'))).toBe(true);

    // events reach the window
    expect(await main.waitFor('send')).toMatchObject({ channel: 'zhijian:event', args: ['data.changed', { tables: expect.any(Array) }] });

    // the window's next calls carry the session to the core; a refused sender's never get there
    expect(await call('system.info')).toMatchObject({ ok: true, result: { counts: { units: 1 } } });
    const first = main.toCore().at(-1)!;
    expect(first).toMatchObject({ name: 'system.info', session: expect.any(String) });
    const token = first.session!;
    expect(JSON.stringify(setup)).not.toContain(token);
    expect(await call('system.info', {}, { webContentsId: 99 })).toEqual(refused);
    expect(main.toCore().at(-1)).toBe(first);

    // logging out forgets it
    expect(await call('auth.logout')).toEqual({ ok: true, result: { endSession: true } });
    expect(main.toCore().at(-1)).toMatchObject({ name: 'auth.logout', session: token });
    expect(await call('system.info')).toMatchObject({ ok: false, error: { code: 'SESSION_REQUIRED' } });
    expect(main.toCore().at(-1)).toMatchObject({ name: 'system.info' });
    expect(main.toCore().at(-1)).not.toHaveProperty('session');

    // logging in again: a new session, again only in main
    const login = await call('auth.login', { username: 'admin', password: 'lijiang-test-2026' });
    expect(login).toMatchObject({ ok: true, result: { user: { username: 'admin' } } });
    expect(login.result).not.toHaveProperty('sessionToken');
    expect(await call('system.info')).toMatchObject({ ok: true });
    const again = main.toCore().at(-1)!.session;
    expect(again).toEqual(expect.any(String));
    expect(again).not.toBe(token);

    // no navigation away, no new windows, no permissions, nothing remote
    expect(await main.command({ cmd: 'navigate', url: 'https://example.com/' })).toEqual({ prevented: true, windowOpen: { action: 'deny' } });
    expect((await main.command({ cmd: 'navigate', url: 'app://zhijian/index.html#/units' })).prevented).toBe(false);
    expect(await main.command({ cmd: 'policy', permission: 'media', url: 'https://cdn.example/x.js' })).toEqual({ granted: false, cancelled: true });

    // closing the window forgets its session and ends it in the core; its page can call nothing more
    await main.command({ cmd: 'close-window' });
    expect(main.toCore().at(-1)).toMatchObject({ name: 'auth.logout', session: again });
    expect(await call('auth.status')).toEqual(refused);

    // quitting closes the database first
    await main.command({ cmd: 'quit' });
    await main.waitFor('quit');
    expect(await main.exited).toBe(0);
    expect(fs.existsSync(path.join(appData, 'zhijian/data/zhijian.db.lock'))).toBe(false);
  }, 60_000);

  it('shows a translated error box and quits when the data folder is in use', async () => {
    const appData = path.join(work, 'locked');
    const dataDir = path.join(appData, 'zhijian/data');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'zhijian.db.lock'), String(process.pid)); // held by a live process: this one
    const main = new Main({ FAKE_APP_DATA: appData, FAKE_LOCALE: 'en-US' });
    const box = await main.waitFor('error-box');
    expect(box.message).toContain(String(process.pid));
    expect(box.message).not.toContain('errors.');
    await main.waitFor('quit');
    expect(await main.exited).toBe(0);
    expect(main.reports.some((r) => r.kind === 'window')).toBe(false);
    expect(main.reports.filter((r) => r.kind === 'error-box')).toHaveLength(1);
  }, 60_000);
});
