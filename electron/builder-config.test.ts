// electron-builder.yml against electron-builder's own schema, and the parts this app relies on
// (packaging itself needs downloads and is not run here).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(ROOT, 'package.json'));
type Config = Record<string, unknown> & { files: (string | { filter: string[] })[]; extraResources: { from: string; to: string }[]; asarUnpack: string[] };
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string, options: null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { resolveFunction } = require('app-builder-lib/out/util/resolve') as {
  resolveFunction(type: string, executor: unknown, name: string, root: string): Promise<unknown>;
};

describe('electron-builder.yml', () => {
  it('is valid and packs what the app needs', async () => {
    const config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'migrations', to: 'migrations' }));
    const files = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/electron/*.cjs', 'dist/ui/**/*', 'package.json']));
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    for (const hook of ['beforePack', 'afterPack']) {
      expect(typeof (await resolveFunction(hook, config[hook], hook, ROOT))).toBe('function');
    }
  });

  it('has a 512×512 PNG icon', () => {
    const png = fs.readFileSync(path.join(ROOT, 'assets/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
