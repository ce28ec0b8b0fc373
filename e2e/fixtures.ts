import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { checkCharacter } from '../src/core/registry/id-number';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/core/demo/accounts';
import { AppModel } from './pages/app';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READY = /Zhijian serving at (\S+)/;
const START_TIMEOUT_MS = 60_000;

export interface RunningServer {
  /** the URL `serve` printed, with its token */
  url: string;
  /** the same server without the token */
  origin: string;
  dataDir: string;
  /**
   * Stops the server and starts it again on the same data folder, `--today` the given date (or
   * the real date with null): a new port and token, so the page must open `url` again and log in.
   */
  restart(options: { today: string | null }): Promise<void>;
}

interface ServerOptions {
  demo: boolean;
  idleLockSeconds: number | null;
  /** `--today YYYY-MM-DD`: the server runs as if it were that day */
  today: string | null;
  /** `--relay URL`: the sync relay the server exchanges bundles with in the background */
  relay?: string | null;
}

/** Starts `serve` on a free port and resolves with its printed URL. */
function startServer(dataDir: string, { demo, idleLockSeconds, today, relay = null }: ServerOptions): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const args = [
    '--import',
    'tsx',
    'src/server/main.ts',
    '--port',
    '0',
    '--data',
    dataDir,
    ...(demo ? ['--demo'] : []),
    ...(idleLockSeconds !== null ? ['--idle-lock-seconds', String(idleLockSeconds)] : []),
    ...(today !== null ? ['--today', today] : []),
    ...(relay !== null ? ['--relay', relay] : []),
  ];
  // the server's own messages in Chinese, whatever the machine's LANG
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ZHIJIAN_LANG: 'zh-CN' } });
  let stdout = '';
  let stderr = '';
  const output = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start within ${START_TIMEOUT_MS} ms\n${output()}`));
    }, START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before it was ready\n${output()}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A server a test starts itself (another office beside the fixture's), on its own data folder. */
export interface OwnServer {
  url: string;
  origin: string;
  dataDir: string;
  /** what it printed, for a failed test's attachments */
  output(): string;
  /** stops it and removes its data folder */
  stop(): Promise<void>;
}

export async function launchServer(options: Partial<ServerOptions> = {}): Promise<OwnServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-e2e-'));
  try {
    const running = await startServer(dataDir, { demo: false, idleLockSeconds: null, today: null, ...options });
    return {
      url: running.url,
      origin: new URL(running.url).origin,
      dataDir,
      output: running.output,
      async stop() {
        await stopServer(running.child);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

interface Fixtures {
  /**
   * start the server with `--demo` (set with `test.use({ demo: true })`): the demo commission
   * with its demo accounts (DEMO_ACCOUNTS, all with DEMO_PASSWORD)
   */
  demo: boolean;
  /** start the server with `--idle-lock-seconds N`; null: the server's default */
  idleLockSeconds: number | null;
  /** start the server with `--today YYYY-MM-DD`; null: the real date */
  today: string | null;
  server: RunningServer;
  /** the page, opened at the server's printed URL, as page models */
  app: AppModel;
}

export const test = base.extend<Fixtures>({
  demo: [false, { option: true }],
  idleLockSeconds: [null, { option: true }],
  today: [null, { option: true }],

  server: async ({ demo, idleLockSeconds, today }, use, testInfo) => {
    // a fresh data folder for every test: no test sees another's data
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-e2e-'));
    let running = await startServer(dataDir, { demo, idleLockSeconds, today });
    const earlierOutput: string[] = [];
    const server: RunningServer = {
      url: running.url,
      origin: new URL(running.url).origin,
      dataDir,
      async restart({ today: nextToday }) {
        earlierOutput.push(running.output());
        await stopServer(running.child);
        // the data folder is set up already: no --demo the second time
        running = await startServer(dataDir, { demo: false, idleLockSeconds, today: nextToday });
        server.url = running.url;
        server.origin = new URL(running.url).origin;
      },
    };
    try {
      await use(server);
    } finally {
      await stopServer(running.child);
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('serve output', { body: [...earlierOutput, running.output()].join('\n') });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },

  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await use(new AppModel(page));
  },
});

export { expect };

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

/** A password the core accepts for accounts the tests create (10+ characters, a letter and a digit). */
export const TEST_PASSWORD = 'Jinsha-river-2026';

/**
 * A valid synthetic resident ID number: region, birth date, sequence and the real check
 * character. Birth dates far from the demo's generated ones keep clear of its numbers.
 */
export function syntheticIdNumber(birth = '19420101', sequence = '123', region = '530702'): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheckCharacter(idNumber: string): string {
  const wrong = idNumber.endsWith('0') ? '1' : '0';
  return idNumber.slice(0, 17) + wrong;
}
