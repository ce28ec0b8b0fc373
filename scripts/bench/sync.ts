/**
 * Sync at an office's scale: 100,000 operations (BENCH_SYNC_OPERATIONS) made on a county node —
 * people registered (inserts of every column) and then corrected (updates of a few) through the
 * one write path — exported as one bundle for the city and imported there, each through the
 * procedures a user calls, on encrypted databases. Prints the time of sync.status with all of it
 * waiting, export and import throughput, bytes per operation, for both cipher suites; asserts nothing.
 *
 *   node --import tsx scripts/bench/sync.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { api, type BundleImportResult, type ExportedBundleFile, type IdentityFile, type SessionOpened, type SyncSuite } from '../../src/shared/api';
import { openCore, type Core } from '../../src/core/api/core';
import { HybridLogicalClock } from '../../src/core/api/hlc';
import { newId } from '../../src/core/api/ids';
import { runWrite } from '../../src/core/api/write';
import { people } from '../../src/core/db/schema';
import { MIGRATIONS_DIR } from '../../src/core/paths';
import { checkCharacter } from '../../src/core/registry/id-number';
import { unitId } from '../../src/core/registry/units';

const OPERATIONS = Number(process.env.BENCH_SYNC_OPERATIONS ?? 100_000);
const PASSWORD = 'bench-pass-2026';
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗和木';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function node(dir: string, name: string, suite: SyncSuite): Promise<{ core: Core; session: string }> {
  const core = openCore({ dbFile: path.join(dir, `${name}.db`), migrationsDir: MIGRATIONS_DIR });
  const setup = (await core.call(api.auth.setup.name, { username: 'admin', displayName: '管理员', password: PASSWORD, suite })) as SessionOpened;
  return { core, session: setup.sessionToken! };
}

function idNumber(i: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `530721${birth}${String(Math.floor(i / 20_000) % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Registers people and then corrects some, in writes of 1,000 rows, until OPERATIONS operations are logged. */
function makeOperations(core: Core): void {
  const { sqlite, db } = core.database;
  const clock = new HybridLogicalClock(core.nodeId);
  const audit = { caller: { actor: 'admin', userId: null } as never, procedure: 'bench.registry', nodeId: core.nodeId, now: () => new Date() };
  const inserts = Math.floor(OPERATIONS * 0.8);
  const ids: string[] = [];
  const at = new Date().toISOString();
  for (let start = 0; start < inserts; start += 1000) {
    runWrite(sqlite, db, clock, audit, (w) => {
      const rows = [];
      for (let i = start; i < Math.min(inserts, start + 1000); i++) {
        const id = newId();
        ids.push(id);
        const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 11) % GIVEN.length]!;
        rows.push({ id, name, nameInitials: 'wfy', namePinyin: 'wangfangying', idNumber: idNumber(i), gender: i % 2 ? ('M' as const) : ('F' as const), birthDate: '1950-01-01', unitId: unitId('530700'), position: '村民', rank: null, category: null, phone: `139${String(i).padStart(8, '0')}`, createdAt: at, updatedAt: at });
      }
      w.insertMany(people, rows);
      return { result: undefined };
    });
  }
  for (let start = 0; start < OPERATIONS - inserts; start += 1000) {
    runWrite(sqlite, db, clock, audit, (w) => {
      const rows = ids.slice(start, Math.min(OPERATIONS - inserts, start + 1000)).map((id, k) => ({ id, current: { phone: '' }, patch: { phone: `138${String(start + k).padStart(8, '0')}` } }));
      w.updateMany(people, rows, { updatedAt: new Date().toISOString() });
      return { result: undefined };
    });
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-bench-sync-'));
try {
  for (const suite of ['x25519-ed25519-xchacha20poly1305', 'sm2-sm3-sm4gcm'] as const) {
    const county = await node(dir, `county-${suite}`, suite);
    const city = await node(dir, `city-${suite}`, suite);
    const identity = async (n: { core: Core; session: string }) => (await n.core.call(api.sync.identity.name, {}, n.session)) as IdentityFile;
    await county.core.call(api.sync.addPeer.name, { identity: await identity(city), scopeCode: '530700', fingerprintConfirmed: true }, county.session);
    await city.core.call(api.sync.addPeer.name, { identity: await identity(county), scopeCode: '530700', fingerprintConfirmed: true }, city.session);
    makeOperations(county.core);

    // the status bar asks for this after every change: what waits for each peer
    let started = performance.now();
    await county.core.call(api.sync.status.name, {}, county.session);
    const statusMs = performance.now() - started;
    started = performance.now();
    const bundle = (await county.core.call(api.sync.exportBundle.name, { peerId: city.core.nodeId }, county.session)) as ExportedBundleFile;
    const exportMs = performance.now() - started;
    const { uploadId } = (await city.core.call(api.files.beginUpload.name, { fileName: bundle.fileName, size: bundle.size }, city.session)) as { uploadId: string };
    const bytes = Buffer.from(bundle.bytesBase64, 'base64');
    for (let offset = 0; offset < bytes.length; offset += 8 * 1024 * 1024) {
      await city.core.call(api.files.appendUpload.name, { uploadId, offset, chunkBase64: bytes.subarray(offset, offset + 8 * 1024 * 1024).toString('base64') }, city.session);
    }
    await city.core.call(api.files.finishUpload.name, { uploadId }, city.session);
    started = performance.now();
    const result = (await city.core.call(api.sync.importBundle.name, { uploadId }, city.session)) as BundleImportResult;
    const importMs = performance.now() - started;
    const total = bundle.operations + bundle.audit;
    console.log(
      `${suite}: ${fmt(bundle.operations)} operations + ${fmt(bundle.audit)} audit entries, bundle ${fmt(bundle.size)} bytes = ${(bundle.size / bundle.operations).toFixed(1)} bytes/operation; ` +
        `status ${fmt(statusMs)} ms; export ${fmt(exportMs)} ms = ${fmt(total / (exportMs / 1000))} ops/s; import ${fmt(importMs)} ms = ${fmt(total / (importMs / 1000))} ops/s (applied ${fmt(result.applied)}, deferred ${result.deferred})`,
    );
    county.core.close();
    city.core.close();
  }
  console.log(`peak RSS ${fmt(process.resourceUsage().maxRSS / 1024)} MiB; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
