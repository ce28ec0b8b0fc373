// `npm start [-- args]`: the desktop app from the checkout. Builds the UI and the Electron
// bundles, then runs Electron on them. Where the Electron runtime is not installed (its binary
// comes from GitHub on first run, which build machines cannot reach) it says so in one line and
// serves the same app on the same data folder with `serve` instead. Extra args go to whichever
// runs (for the server: --port, --data, --demo).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { buildElectron } from './build-electron.mjs';
import { ensureUiBuilt } from './ui-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);
const electronDir = path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** The runtime as node_modules/electron/index.js finds it, without its download-on-require. */
function electronBinary() {
  let relative = null;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
  } catch {
    // not installed
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, relative || 'electron');
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/** One attempt to fetch the runtime (from @electron/get's cache, or the network): null or why not. */
function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.ZHIJIAN_NO_ELECTRON_DOWNLOAD) return 'download skipped';
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    timeout: DOWNLOAD_TIMEOUT_MS,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error?.code === 'ETIMEDOUT') return `download timed out after ${DOWNLOAD_TIMEOUT_MS / 1000} s`;
  if (result.status === 0 && electronBinary()) return null;
  const line = `${result.stderr ?? ''}\n${result.error?.message ?? ''}`.split('\n').find((l) => /error|fail/i.test(l));
  return `download failed: ${(line ?? `exit ${result.status}`).replace(/^\w*Error:\s*/, '').trim()}`;
}

/** The same data folder the desktop app uses: <appData>/zhijian/data. */
async function desktopDataDir() {
  const { platformAppData, userDataDir, dataDirIn } = await tsImport('../electron/paths.ts', import.meta.url);
  return dataDirIn(userDataDir(platformAppData(process.platform, process.env, os.homedir())));
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** `--data DIR` or `--data=DIR` among the extra args (the server takes the last one). */
function dataDirFromArgs() {
  let found = null;
  args.forEach((arg, i) => {
    if (arg === '--data' && args[i + 1] !== undefined) found = args[i + 1];
    else if (arg.startsWith('--data=')) found = arg.slice('--data='.length);
  });
  return found && path.resolve(found);
}

async function serveInstead(why) {
  const dataDir = await desktopDataDir();
  console.log(`${why}: serving the same app on ${dataDirFromArgs() ?? dataDir} instead.`);
  run(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--data', dataDir, '--port', '0', ...args]);
}

ensureUiBuilt();
await buildElectron();

let binary = electronBinary();
let why = null;
if (!binary) {
  const failure = tryInstallElectron();
  binary = failure ? null : electronBinary();
  if (!binary) why = `Electron runtime is not installed (${failure ?? 'not found after install'})`;
}
if (binary && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  binary = null;
  why = 'Electron cannot open a window here (no DISPLAY or WAYLAND_DISPLAY)';
}
if (binary) {
  // better-sqlite3 built for Electron, beside the bundles (node_modules keeps the Node build)
  const native = spawnSync(process.execPath, ['scripts/electron-native.cjs', '--dev'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (native.status !== 0) {
    fs.writeFileSync(path.join(root, 'dist', 'electron', 'native-build.log'), `${native.stdout}\n${native.stderr}`);
    binary = null;
    why = 'better-sqlite3 could not be built for the Electron runtime (see dist/electron/native-build.log)';
  }
}
if (binary) run(binary, ['.', ...args]);
else await serveInstead(why);
