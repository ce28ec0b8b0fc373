// scripts/electron-native.cjs (electron-builder's beforePack/afterPack and npm start's dev copy)
// on a scratch project, with the rebuild itself replaced: node_modules must end with its Node
// build of better-sqlite3 whatever happens.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface RebuildRequest {
  buildPath: string;
  electronVersion: string;
  forceABI?: number;
  arch: string;
  platform: string;
}
interface PackContext {
  packager: { info: { projectDir: string; framework: { version: string } }; config: Record<string, unknown> };
  arch: number;
  electronPlatformName: string;
}
const native = createRequire(import.meta.url)('../scripts/electron-native.cjs') as {
  beforePack(context: PackContext): Promise<void>;
  afterPack(context: PackContext): Promise<void>;
  prepareDevNative(projectDir: string): Promise<void>;
  restoreNodeBuild(projectDir: string): boolean;
  steps: { rebuild: (request: RebuildRequest) => Promise<void> };
};

let project: string;
let requests: RebuildRequest[];
const realRebuild = native.steps.rebuild;
const nodeBinary = () => path.join(project, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

function writeFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** What node-gyp does: a fresh build folder holding the module built for the asked target. */
function fakeRebuild(fail = false) {
  return async (request: RebuildRequest) => {
    requests.push(request);
    const build = path.join(request.buildPath, 'node_modules/better-sqlite3/build');
    fs.rmSync(build, { recursive: true, force: true });
    if (fail) throw new Error('no headers offline');
    writeFile(path.join(build, 'Release/better_sqlite3.node'), `electron ${request.electronVersion} ${request.arch}`);
  };
}

const context = (arch: number): PackContext => ({
  packager: { info: { projectDir: project, framework: { version: '45.5.0' } }, config: {} },
  arch,
  electronPlatformName: 'linux',
});

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-native-'));
  requests = [];
  writeFile(path.join(project, 'package.json'), '{"name":"p","dependencies":{"better-sqlite3":"*"}}');
  writeFile(path.join(project, 'node_modules/electron/package.json'), '{"version":"45.5.0"}');
  writeFile(path.join(project, 'node_modules/electron/abi_version'), '150');
  writeFile(path.join(project, 'node_modules/better-sqlite3/package.json'), '{"name":"better-sqlite3-multiple-ciphers","version":"12.11.1"}');
  writeFile(path.join(project, 'node_modules/better-sqlite3/lib/index.js'), 'module.exports = 1;');
  writeFile(nodeBinary(), 'node build');
});

afterEach(() => {
  vi.restoreAllMocks();
  native.steps.rebuild = realRebuild;
  fs.rmSync(project, { recursive: true, force: true });
});

describe('packaging hooks', () => {
  it('rebuild for each packed arch and give node_modules its Node build back after each', async () => {
    native.steps.rebuild = fakeRebuild();
    for (const arch of [1, 3]) {
      await native.beforePack(context(arch));
      expect(fs.readFileSync(nodeBinary(), 'utf8')).toBe(`electron 45.5.0 ${arch === 1 ? 'x64' : 'arm64'}`);
      await native.afterPack(context(arch));
      expect(fs.readFileSync(nodeBinary(), 'utf8')).toBe('node build');
    }
    expect(requests.map((r) => [r.buildPath, r.electronVersion, r.forceABI, r.arch, r.platform])).toEqual([
      [project, '45.5.0', 150, 'x64', 'linux'],
      [project, '45.5.0', 150, 'arm64', 'linux'],
    ]);
    expect(native.restoreNodeBuild(project)).toBe(false);
  });

  it('put the Node build back when the rebuild fails', async () => {
    native.steps.rebuild = fakeRebuild(true);
    await expect(native.beforePack(context(1))).rejects.toThrow('no headers offline');
    expect(fs.readFileSync(nodeBinary(), 'utf8')).toBe('node build');
  });

  it('repair a run that never reached afterPack', async () => {
    native.steps.rebuild = fakeRebuild();
    await native.beforePack(context(1));
    // the packager died here; the next run starts from the Node build, not the Electron one
    await native.beforePack(context(3));
    await native.afterPack(context(3));
    expect(fs.readFileSync(nodeBinary(), 'utf8')).toBe('node build');
  });
});

describe('prepareDevNative', () => {
  it('builds a copy for Electron in dist/electron/node_modules once, leaving node_modules alone', async () => {
    native.steps.rebuild = fakeRebuild();
    await native.prepareDevNative(project);
    await native.prepareDevNative(project);
    const stage = path.join(project, 'dist/electron');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ buildPath: stage, electronVersion: '45.5.0', forceABI: 150, arch: process.arch });
    expect(fs.readFileSync(path.join(stage, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toContain('electron 45.5.0');
    expect(fs.existsSync(path.join(stage, 'node_modules/better-sqlite3/lib/index.js'))).toBe(true);
    expect(fs.readFileSync(nodeBinary(), 'utf8')).toBe('node build');
  });

  it('leaves nothing half-built behind when the rebuild fails', async () => {
    native.steps.rebuild = fakeRebuild(true);
    await expect(native.prepareDevNative(project)).rejects.toThrow();
    expect(fs.existsSync(path.join(project, 'dist/electron/node_modules'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'dist/electron/native.json'))).toBe(false);
    expect(fs.readFileSync(nodeBinary(), 'utf8')).toBe('node build');
  });
});
