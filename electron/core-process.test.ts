// The bundled core process (dist/electron/core-process.cjs as esbuild makes it), run in plain
// Node with Electron's `process.parentPort` played by a tiny shim over Node's IPC channel: the
// real core, the real migrations, better-sqlite3 built for Node.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FromCore, ToCore } from './core-protocol';

const ROOT = path.resolve(import.meta.dirname, '..');
let work: string;
let bundle: string;
const shim = path.join(import.meta.dirname, 'testing', 'parent-port-shim.cjs');

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-core-process-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-electron.mjs'), '--out', path.join(work, 'bundle')], { cwd: ROOT });
  bundle = path.join(work, 'bundle', 'core-process.cjs');
}, 60_000);

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

class CoreProcess {
  readonly child: ChildProcess;
  private readonly inbox: FromCore[] = [];
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.child = fork(bundle, [], {
      execArgv: ['--require', shim],
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.on('message', (message) => {
      this.inbox.push(message as FromCore);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    started.push(this.child);
  }

  send(message: ToCore): void {
    this.child.send(message);
  }

  async next(): Promise<FromCore> {
    while (this.inbox.length === 0) await new Promise<void>((wake) => this.waiters.push(wake));
    return this.inbox.shift()!;
  }
}

/** the first administrator, on a fresh data folder */
const SETUP = { username: 'admin', displayName: '管理员', password: 'lijiang-test-2026' };

describe('core-process bundle', () => {
  it('opens the core, answers calls as the session they name, forwards events, refuses a second instance and closes cleanly', async () => {
    const dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    const init: ToCore = { type: 'init', dbFile: path.join(dataDir, 'zhijian.db'), migrationsDir: path.join(ROOT, 'migrations') };

    const first = new CoreProcess();
    first.send(init);
    expect(await first.next()).toEqual({ type: 'ready' });

    first.send({ type: 'call', id: 1, name: 'auth.status', input: {} });
    expect(await first.next()).toMatchObject({ type: 'result', id: 1, ok: true, result: { state: 'setup', user: null } });

    // setting up writes (an event), then answers with the session main keeps for the window
    first.send({ type: 'call', id: 2, name: 'auth.setup', input: SETUP });
    const afterSetup: FromCore[] = [];
    do afterSetup.push(await first.next());
    while (afterSetup.at(-1)!.type !== 'result');
    expect(afterSetup).toContainEqual({ type: 'event', name: 'data.changed', payload: { tables: expect.any(Array) } });
    const setup = afterSetup.at(-1) as Extract<FromCore, { type: 'result'; ok: true }>;
    expect(setup).toMatchObject({ type: 'result', id: 2, ok: true, result: { user: { username: 'admin' }, sessionToken: expect.any(String) } });
    const session = (setup.result as { sessionToken: string }).sessionToken;

    // the session travels beside the call; without it, no access
    first.send({ type: 'call', id: 3, name: 'system.info', input: {} });
    expect(await first.next()).toMatchObject({ type: 'result', id: 3, ok: false, error: { code: 'SESSION_REQUIRED' } });
    first.send({ type: 'call', id: 4, name: 'system.info', input: {}, session });
    expect(await first.next()).toMatchObject({ type: 'result', id: 4, ok: true, result: { schemaVersion: expect.any(Number), counts: { units: 1, people: 0 } } });
    expect(fs.existsSync(init.dbFile)).toBe(true);

    first.send({ type: 'call', id: 5, name: 'no.such', input: {}, session });
    expect(await first.next()).toEqual({
      type: 'result',
      id: 5,
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE', messageKey: 'errors.UNKNOWN_PROCEDURE', details: { name: 'no.such' } },
    });

    first.send({ type: 'call', id: 6, name: 'auth.logout', input: {}, session });
    expect(await first.next()).toEqual({ type: 'result', id: 6, ok: true, result: { endSession: true } });
    first.send({ type: 'call', id: 7, name: 'system.info', input: {}, session });
    expect(await first.next()).toMatchObject({ type: 'result', id: 7, ok: false, error: { code: 'SESSION_EXPIRED' } });

    const second = new CoreProcess();
    second.send(init);
    expect(await second.next()).toMatchObject({ type: 'init-failed', error: { code: 'DATA_DIR_LOCKED', details: { pid: first.child.pid } } });
    second.send({ type: 'close' });
    expect(await second.exited).toBe(0);

    first.send({ type: 'close' });
    expect(await first.next()).toEqual({ type: 'closed' });
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(`${init.dbFile}.lock`)).toBe(false);
  }, 60_000);

  it('closes the database when it is killed', async () => {
    const dataDir = path.join(work, 'killed');
    fs.mkdirSync(dataDir);
    const dbFile = path.join(dataDir, 'zhijian.db');
    const core = new CoreProcess();
    core.send({ type: 'init', dbFile, migrationsDir: path.join(ROOT, 'migrations') });
    expect(await core.next()).toEqual({ type: 'ready' });
    expect(fs.existsSync(`${dbFile}.lock`)).toBe(true);
    core.child.kill('SIGTERM');
    expect(await core.exited).toBe(0);
    expect(fs.existsSync(`${dbFile}.lock`)).toBe(false);
  }, 60_000);
});
