/**
 * `npm run bench`: figures for the registry, the clue register, sync and welfare supervision on this
 * machine. Prints one line per measure; no thresholds here (targets are read off these figures,
 * never asserted in tests). BENCH_PEOPLE_ROWS, BENCH_CASES, BENCH_SYNC_OPERATIONS and
 * BENCH_WELFARE_ROWS (0 leaves the sync or welfare section out) change the sizes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { api, type PeopleImportReport, type SessionOpened } from '../../src/shared/api';
import { openCore } from '../../src/core/api/core';
import { checkCharacter } from '../../src/core/registry/id-number';
import { MIGRATIONS_DIR } from '../../src/core/paths';
import { benchCases } from './cases';

const PEOPLE_ROWS = Number(process.env.BENCH_PEOPLE_ROWS ?? 50_000);
const PASSWORD = 'bench-pass-2026';

function syntheticPeopleCsv(rows: number): string {
  const lines = ['姓名,身份证号,工作单位,职务,职级,人员类别'];
  const surnames = '和木杨李王张赵刘陈周';
  const given = '志华秀英建国丽红明玉兰正光海燕';
  for (let i = 0; i < rows; i++) {
    // one birth date per 1,000 people, so every (birth date, sequence) pair is unique
    const birth = new Date(Date.UTC(1960, 0, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `530721${birth}${String(i % 1000).padStart(3, '0')}`;
    const name = surnames[i % surnames.length]! + given[(i * 7) % given.length]! + given[(i * 3) % given.length]!;
    lines.push(`${name},${first17}${checkCharacter(first17)},530721,科员,科员,公务员`);
  }
  return lines.join('\n');
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-bench-'));
try {
  const dbFile = path.join(dir, 'bench.db');
  const setupCore = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR });
  const [setup, setupMs] = await time(
    () => setupCore.call(api.auth.setup.name, { username: 'admin', displayName: '管理员', password: PASSWORD }) as Promise<SessionOpened>,
  );
  console.log(`setup (master key, two key slots, encrypted database): ${setupMs.toFixed(0)} ms`);
  const [demo, demoMs] = await time(() => setupCore.call(api.system.loadDemo.name, {}, setup.sessionToken) as Promise<{ people: number }>);
  const clues = ((await setupCore.call(api.cases.list.name, { limit: 1 }, setup.sessionToken)) as { total: number }).total;
  console.log(`demo seed: ${demo.people} people and ${clues} clues in ${demoMs.toFixed(0)} ms`);
  setupCore.close();

  // a login unwraps the key slot (scrypt N=2^17) and opens the encrypted database
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR });
  const [login, loginMs] = await time(() => core.call(api.auth.login.name, { username: 'admin', password: PASSWORD }) as Promise<SessionOpened>);
  console.log(`login: ${loginMs.toFixed(0)} ms`);
  const session = login.sessionToken;

  const queries = ['hz', 'yang', '丽', '530721198', ''];
  for (const query of queries) {
    const runs = 200;
    const [, ms] = await time(async () => {
      for (let i = 0; i < runs; i++) await core.call(api.people.search.name, { query, limit: 50 }, session);
    });
    console.log(`people.search ${JSON.stringify(query)}: ${(ms / runs).toFixed(2)} ms per call (${runs} calls)`);
  }

  const csv = syntheticPeopleCsv(PEOPLE_ROWS);
  const [report, importMs] = await time(
    () =>
      core.call(api.people.import.name, { fileName: 'bench.csv', contentBase64: Buffer.from(csv).toString('base64') }, session) as Promise<PeopleImportReport>,
  );
  console.log(
    `people.import: ${report.rows} rows (${report.created} created, ${report.rejected.length} rejected) in ${importMs.toFixed(0)} ms = ${Math.round(report.rows / (importMs / 1000))} rows/s`,
  );
  // every opening of a person's file appends a hash-chained audit entry
  const ids = ((await core.call(api.people.search.name, { limit: 500 }, session)) as { rows: { id: string }[] }).rows.map((r) => r.id);
  const [, getMs] = await time(async () => {
    for (const id of ids) await core.call(api.people.get.name, { id }, session);
  });
  console.log(`people.get (audited read): ${(getMs / ids.length).toFixed(2)} ms per call (${ids.length} calls)`);
  const [verification, verifyMs] = await time(() => core.call(api.audit.verify.name, {}, session) as Promise<{ entries: number }>);
  console.log(`audit.verify: ${verification.entries} entries in ${verifyMs.toFixed(0)} ms`);
  const dbBytes = fs.statSync(dbFile).size + (fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0);
  console.log(`database size: ${(dbBytes / 1024 / 1024).toFixed(1)} MiB`);
  core.close();

  await benchCases(dir);

  if (Number(process.env.BENCH_SYNC_OPERATIONS ?? 1) > 0) {
    console.log('\nsync between offices (scripts/bench/sync.ts)');
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'sync.ts')], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }

  // in a process of its own, so that its peak memory is its own
  if (Number(process.env.BENCH_WELFARE_ROWS ?? 1) > 0) {
    console.log('\nwelfare supervision (scripts/bench/welfare.ts)');
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'welfare.ts')], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
