// An import killed in the middle of applying a bundle (the `zhijian sync import` process, stopped
// at a failpoint inside its transaction and killed there): the database is as it was, and the
// same file imports cleanly afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, type BundleImportResult, type ExportedBundleFile, type IdentityFile, type Person } from '../../shared/api';
import { REPO_ROOT } from '../paths';
import { ADMIN, bareCore, logIn, syntheticId, tempDir, testCore } from '../testing/fixtures';

const BIN = path.join(REPO_ROOT, 'bin/zhijian.js');

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a bundle import killed midway', () => {
  it('leaves the database as it was, and the same file imports cleanly afterwards', async () => {
    const [{ core: city, dbFile }, { core: county }] = await Promise.all([testCore(), testCore()]);
    const identity = async (core: typeof city) => (await core.call(api.sync.identity.name, {})) as IdentityFile;
    await city.call(api.sync.addPeer.name, { identity: await identity(county), scopeCode: '530700', fingerprintConfirmed: true });
    await county.call(api.sync.addPeer.name, { identity: await identity(city), scopeCode: '530700', fingerprintConfirmed: true });
    for (let i = 0; i < 40; i++) {
      await county.call(api.people.create.name, { name: `和${'志丽建华玉'[i % 5]}${i}`, idNumber: syntheticId('530721', '19800101', String(100 + i)) });
    }
    const bundle = (await county.call(api.sync.exportBundle.name, { peerId: city.nodeId })) as ExportedBundleFile;
    const dir = tempDir();
    const file = path.join(dir, bundle.fileName);
    fs.writeFileSync(file, Buffer.from(bundle.bytesBase64, 'base64'));
    const cityNode = city.nodeId;
    city.close();

    const marker = path.join(dir, 'at-failpoint');
    const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('ZHIJIAN_')));
    const child = spawn(process.execPath, [BIN, 'sync', 'import', file, '--db', dbFile], {
      env: { ...base, ZHIJIAN_USER: ADMIN.username, ZHIJIAN_PASSWORD: ADMIN.password, ZHIJIAN_FAILPOINT: 'sync.apply', ZHIJIAN_FAILPOINT_FILE: marker },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await until(() => fs.existsSync(marker), 60_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // opened again: nothing of the bundle, nor any record of it
    const { core: reopened } = bareCore({ dbFile });
    const session = await logIn(reopened, ADMIN.username, ADMIN.password);
    const count = async () => ((await reopened.call(api.people.search.name, { limit: 500 }, session)) as { rows: Person[] }).rows.length;
    expect(await count()).toBe(0);
    const { sqlite } = reopened.database;
    expect(sqlite.prepare('SELECT count(*) FROM sync_bundles').pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM change_log WHERE node_id <> ?').pluck().get(cityNode)).toBe(0);

    // the same file, imported again, applies whole
    const { uploadId } = (await reopened.call(api.files.beginUpload.name, { fileName: bundle.fileName, size: bundle.size }, session)) as { uploadId: string };
    await reopened.call(api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: bundle.bytesBase64 }, session);
    await reopened.call(api.files.finishUpload.name, { uploadId }, session);
    const result = (await reopened.call(api.sync.importBundle.name, { uploadId }, session)) as BundleImportResult;
    expect(result).toMatchObject({ replayed: false, deferred: 0 });
    expect(await count()).toBe(40);
  }, 120_000);
});
