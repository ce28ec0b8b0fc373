/**
 * Welfare-fund supervision at a prefecture's scale: a generated month (scripts/welfare, default
 * 1,000,000 disbursement rows, BENCH_WELFARE_ROWS) imported into a new encrypted database
 * through the procedures a user's import goes through, then a full rule run, the same joins as
 * plain SQL, memory, and the recall of the planted cases. Prints figures beside the targets of
 * issue 5; asserts nothing.
 *
 *   node --import tsx scripts/bench/welfare.ts [DIR]
 *
 * DIR (or BENCH_WELFARE_DIR): a month written by scripts/welfare/generate.ts to reuse; without it one is generated
 * into a temporary folder (in a child process, so that its memory is not counted here).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { api, type SessionOpened } from '../../src/shared/api';
import { RULE_CODES, type Dataset, type RuleCode, type RuleRun, type WelfareImportReport } from '../../src/shared/api/welfare';
import { openCore, type Core } from '../../src/core/api/core';
import { MIGRATIONS_DIR } from '../../src/core/paths';
import { plainSqlCounts } from '../../src/core/welfare/rules/plain-sql';
import { COUNTIES } from '../demo/places';
import { readPlanted, type PlantedHit } from '../welfare/generate';

const ROWS = Number(process.env.BENCH_WELFARE_ROWS ?? 1_000_000);
const PASSWORD = 'bench-pass-2026';
/** raw bytes per files.appendUpload call (base64 stays under the contract's 12,000,000 characters) */
const CHUNK = 8 * 1024 * 1024;
/** the registries first, as a county imports them; the payments last */
const ORDER: readonly Dataset[] = ['standards', 'officials', 'relatives', 'deaths', 'vehicles', 'properties', 'businesses', 'disbursements'];

const TARGETS = { rowsPerSecond: 150_000, ruleRatio: 2, peakRssMiB: 1536 };

const mib = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** RSS sampled every 50 ms: the peak of a phase (a synchronous query holds the loop, so resourceUsage's maxRSS is the truer peak). */
class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  /** the peak since the last call */
  take(): number {
    this.sample();
    const peak = this.peak;
    this.peak = 0;
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function generate(dir: string, rows: number): void {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../welfare/generate-cli.ts'), '--out', dir, '--disbursements', String(rows)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`generating the month failed (${child.status})`);
  console.log(`generated ${fmt(rows)} disbursement rows and the registries in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir})`);
}

async function upload(core: Core, session: string, file: string): Promise<string> {
  const size = fs.statSync(file).size;
  const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName: path.basename(file), size }, session)) as { uploadId: string };
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (let offset = 0; offset < size; ) {
      const n = fs.readSync(fd, buffer, 0, CHUNK, offset);
      await core.call(api.files.appendUpload.name, { uploadId, offset, chunkBase64: buffer.subarray(0, n).toString('base64') }, session);
      offset += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  await core.call(api.files.finishUpload.name, { uploadId }, session);
  return uploadId;
}

/** The five counties as org units, so that 玉龙县 in the payments and 530721 in the standards are one county. */
async function createCounties(core: Core, session: string): Promise<void> {
  const units = (await core.call(api.units.list.name, {}, session)) as { id: string; code: string }[];
  const root = units.find((u) => u.code === '530700')!;
  for (const county of COUNTIES) {
    if (units.some((u) => u.code === county.code)) continue;
    await core.call(api.units.create.name, { code: county.code, name: county.name, kind: 'county', parentId: root.id }, session);
  }
}

function readNearMisses(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[1]!);
}

const keyOf = (h: { rule: string; idNumber: string; program: string; period: string }) => `${h.rule}|${h.idNumber}|${h.program}|${h.period}`;

interface Recall {
  rule: RuleCode;
  planted: number;
  found: number;
  notPlanted: number;
}

function recall(planted: readonly PlantedHit[], hits: readonly { rule: string; idNumber: string; program: string; period: string }[]): Recall[] {
  const found = new Set(hits.map(keyOf));
  const expected = new Set(planted.map(keyOf));
  return RULE_CODES.map((rule) => ({
    rule,
    planted: planted.filter((h) => h.rule === rule).length,
    found: planted.filter((h) => h.rule === rule && found.has(keyOf(h))).length,
    notPlanted: hits.filter((h) => h.rule === rule && !expected.has(keyOf(h))).length,
  }));
}

export interface WelfareFigures {
  importRowsPerSecond: Partial<Record<Dataset, number>>;
  ruleRunSeconds: number;
  plainSqlSeconds: number;
  peakRssMiB: number;
  recall: Recall[];
}

/** The benchmark in `workDir` (a database and, without `dataDir`, the generated month). */
export async function benchWelfare(workDir: string, dataDir?: string): Promise<WelfareFigures> {
  const monthDir = dataDir ?? path.join(workDir, 'welfare-month');
  if (!dataDir) generate(monthDir, ROWS);
  const planted = readPlanted(path.join(monthDir, 'planted.csv'));
  const rss = new RssSampler();

  const dbFile = path.join(workDir, 'welfare-bench.db');
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR });
  const setup = (await core.call(api.auth.setup.name, { username: 'admin', displayName: '管理员', password: PASSWORD })) as SessionOpened;
  const session = setup.sessionToken!;
  await createCounties(core, session);
  console.log(`database: ${dbFile} (encrypted, migrations applied)`);

  const rates: Partial<Record<Dataset, number>> = {};
  let rowsTotal = 0;
  let importSeconds = 0;
  console.log('\nimport (welfare.import after upload through files.*)          rows      seconds     rows/s   peak RSS');
  for (const dataset of ORDER) {
    const file = path.join(monthDir, `${dataset}.csv`);
    const uploadId = await upload(core, session, file);
    rss.take();
    const started = performance.now();
    const report = (await core.call(api.welfare.import.name, { uploadId, dataset }, session)) as WelfareImportReport;
    const seconds = (performance.now() - started) / 1000;
    const rows = report.batch.rows;
    rates[dataset] = rows / seconds;
    rowsTotal += rows;
    importSeconds += seconds;
    const rejected = report.batch.rejected > 0 ? `  (${fmt(report.batch.rejected)} rejected)` : '';
    console.log(
      `  ${dataset.padEnd(58)} ${fmt(rows).padStart(9)} ${seconds.toFixed(2).padStart(10)} ${fmt(rates[dataset]).padStart(10)} ${mib(rss.take()).toFixed(0).padStart(7)} MiB${rejected}`,
    );
  }
  const overall = rowsTotal / importSeconds;
  console.log(`  all datasets: ${fmt(rowsTotal)} rows in ${importSeconds.toFixed(1)} s = ${fmt(overall)} rows/s   target ≥ ${fmt(TARGETS.rowsPerSecond)} rows/s: ${mark(overall >= TARGETS.rowsPerSecond)}`);
  const slowest = Object.entries(rates).filter(([d]) => d !== 'standards').sort((a, b) => a[1] - b[1])[0]!;
  console.log(`  slowest dataset: ${slowest[0]} ${fmt(slowest[1])} rows/s: ${mark(slowest[1] >= TARGETS.rowsPerSecond)}`);

  const sqlite = core.database.sqlite;
  // once untimed, so that the run and the plain SQL after it both find the pages cached
  plainSqlCounts(sqlite);
  rss.take();
  let started = performance.now();
  const run = (await core.call(api.welfare.runRules.name, {}, session)) as RuleRun;
  const ruleSeconds = (performance.now() - started) / 1000;
  const ruleRss = rss.take();

  started = performance.now();
  const plainCounts = plainSqlCounts(sqlite);
  const plainSeconds = (performance.now() - started) / 1000;
  const ratio = ruleSeconds / plainSeconds;
  console.log(`\nfull rule run (welfare.runRules, ${run.rules.length} rules): ${run.hits} hits in ${ruleSeconds.toFixed(2)} s, peak RSS ${mib(ruleRss).toFixed(0)} MiB`);
  console.log(`same joins as plain SQL:                ${Object.values(plainCounts).reduce((a, b) => a + b, 0)} hits in ${plainSeconds.toFixed(2)} s`);
  console.log(`ratio rule run / plain SQL: ${ratio.toFixed(2)}   target ≤ ${TARGETS.ruleRatio}: ${mark(ratio <= TARGETS.ruleRatio)}`);

  const hits = sqlite
    .prepare('SELECT rule, id_number AS idNumber, program, period FROM welfare_hits WHERE current = 1')
    .all() as { rule: RuleCode; idNumber: string; program: string; period: string }[];
  const table = recall(planted, hits);
  console.log('\nrecall of the planted cases            planted    found   not planted   plain SQL hits   run hits');
  for (const r of table) {
    console.log(`  ${r.rule.padEnd(36)} ${String(r.planted).padStart(8)} ${String(r.found).padStart(8)} ${String(r.notPlanted).padStart(13)} ${String(plainCounts[r.rule]).padStart(16)} ${String(run.byRule[r.rule] ?? 0).padStart(10)}`);
  }
  const misses = new Set(readNearMisses(path.join(monthDir, 'near-misses.csv')));
  const expected = new Set(planted.map(keyOf));
  const noise = hits.filter((h) => !expected.has(keyOf(h)));
  if (noise.length > 0) {
    console.log(`  not planted: ${noise.length}, of which ${noise.filter((h) => misses.has(h.idNumber)).length} on a planted near-miss; for example:`);
    for (const rule of RULE_CODES) for (const h of noise.filter((x) => x.rule === rule).slice(0, 3)) console.log(`    ${keyOf(h)}`);
  }
  const plantedTotal = table.reduce((n, r) => n + r.planted, 0);
  const foundTotal = table.reduce((n, r) => n + r.found, 0);
  console.log(`  recall ${foundTotal}/${plantedTotal} = ${((100 * foundTotal) / plantedTotal).toFixed(1)} %   target 100 %: ${mark(foundTotal === plantedTotal)}`);

  rss.stop();
  // maxRSS is in kilobytes on Linux and macOS
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`\npeak RSS of this process (import + rules): ${peak.toFixed(0)} MiB   target < ${TARGETS.peakRssMiB} MiB: ${mark(peak < TARGETS.peakRssMiB)}`);
  const dbBytes = fs.statSync(dbFile).size + (fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0);
  console.log(`database size: ${mib(dbBytes).toFixed(0)} MiB`);
  core.close();
  return { importRowsPerSecond: rates, ruleRunSeconds: ruleSeconds, plainSqlSeconds: plainSeconds, peakRssMiB: peak, recall: table };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const given = process.argv[2] ?? process.env.BENCH_WELFARE_DIR;
  const dataDir = given ? path.resolve(given) : undefined;
  if (dataDir && !fs.existsSync(path.join(dataDir, 'planted.csv'))) {
    console.error(`${dataDir} holds no generated month (planted.csv is missing)`);
    process.exit(2);
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-bench-welfare-'));
  try {
    await benchWelfare(workDir, dataDir);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

