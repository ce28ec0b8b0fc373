/**
 * The import of one month's disbursements at a prefecture's scale: a synthetic 1,000,000-row
 * file (BENCH_IMPORT_ROWS) written in UTF-8 and in GB18030, each uploaded and imported through
 * the procedures a user's import goes through, into a new encrypted database, BENCH_IMPORT_RUNS
 * times. Prints rows per second (wall clock and CPU) of each run, the best and the median, the
 * upload's time and the peak memory; asserts nothing. BENCH_IMPORT_FILE=PATH imports that file
 * instead (one of scripts/welfare/generate-cli.ts's, say), as BENCH_IMPORT_DATASET (disbursements).
 *
 *   node --import tsx scripts/bench/welfare-import.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { api, type SessionOpened } from '../../src/shared/api';
import type { Dataset, WelfareImportReport } from '../../src/shared/api/welfare';
import { openCore, type Core } from '../../src/core/api/core';
import { MIGRATIONS_DIR } from '../../src/core/paths';
import { IMPORT_TUNING } from '../../src/core/welfare/import/import-file';
import { checkCharacter } from '../../src/core/registry/id-number';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
/** Imports of each file, each into a new database: this machine's speed varies from minute to minute */
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
/** BENCH_IMPORT_THREADS=1: without the worker thread, for comparison */
const ONE_THREAD = process.env.BENCH_IMPORT_THREADS === '1';
const GIVEN_FILE = process.env.BENCH_IMPORT_FILE;
const DATASET = (process.env.BENCH_IMPORT_DATASET ?? 'disbursements') as Dataset;
const PASSWORD = 'bench-pass-2026';
const CHUNK = 8 * 1024 * 1024;
const TARGET = 150_000;

const HEADER = '项目名称,发放年月,姓名,身份证号,户主身份证号,与户主关系,县区,乡镇,村社区,发放金额,发放日期,收款账号,收款人,审批人,审批人身份证号';
const PROGRAMS = ['城乡低保', '特困供养', '临时救助', '耕地地力保护补贴', '生态护林员补助'];
const COUNTIES = [
  ['530702', '古城区', '金山镇'],
  ['530721', '玉龙县', '黄山镇'],
  ['530722', '永胜县', '程海镇'],
  ['530723', '华坪县', '石龙坝镇'],
  ['530724', '宁蒗县', '大兴镇'],
] as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗和木';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉';

function id(region: string, i: number): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 25_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${region}${birth}${String(Math.floor(i / 25_000) % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A synthetic month as a civil-affairs export writes it: households of 1–3, clean cells, a few typed by hand. */
function line(i: number): string {
  const [code, county, township] = COUNTIES[i % COUNTIES.length]!;
  const head = i - (i % 3);
  const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 4 ? GIVEN[(i * 11) % GIVEN.length]! : '');
  const amount = i % 50 === 0 ? `${(300 + (i % 600)).toLocaleString('en-US')}元` : `${300 + (i % 600)}.${String(i % 100).padStart(2, '0')}`;
  const paid = i % 10 === 0 ? '' : i % 10 === 1 ? '2026年3月15日' : '2026-03-15';
  return [
    PROGRAMS[i % PROGRAMS.length],
    i % 20 === 0 ? '202603' : '2026-03',
    i % 97 === 0 ? `${name[0]} ${name.slice(1)}` : name,
    id(code, i),
    id(code, head),
    i === head ? '本人' : '子女',
    county,
    township,
    `${township.slice(0, 2)}${['上', '中', '下'][i % 3]}村`,
    amount,
    paid,
    `6217${String(10_000_000_000_000 + i)}`,
    name,
    '和建国',
    id(code, 999_999 - (i % 100)),
  ].join(',');
}

function writeFile(file: string, encoding: 'utf-8' | 'gb18030'): void {
  const fd = fs.openSync(file, 'w');
  const write = (text: string) => fs.writeSync(fd, encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, 'gb18030'));
  write(`${HEADER}\r\n`);
  for (let at = 0; at < ROWS; at += 10_000) {
    const lines: string[] = [];
    for (let i = at; i < Math.min(ROWS, at + 10_000); i++) lines.push(line(i));
    write(`${lines.join('\r\n')}\r\n`);
  }
  fs.closeSync(fd);
}

async function upload(core: Core, session: string, file: string): Promise<string> {
  const size = fs.statSync(file).size;
  const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName: path.basename(file), size }, session)) as { uploadId: string };
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(CHUNK);
  for (let offset = 0; offset < size; ) {
    const read = fs.readSync(fd, buffer, 0, CHUNK, offset);
    await core.call(api.files.appendUpload.name, { uploadId, offset, chunkBase64: buffer.subarray(0, read).toString('base64') }, session);
    offset += read;
  }
  fs.closeSync(fd);
  await core.call(api.files.finishUpload.name, { uploadId }, session);
  return uploadId;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MiB`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-bench-import-'));
try {
  const files: Record<string, string> = GIVEN_FILE
    ? { [path.basename(GIVEN_FILE)]: GIVEN_FILE }
    : { 'UTF-8': path.join(dir, 'disbursements-utf8.csv'), GB18030: path.join(dir, 'disbursements-gb18030.csv') };
  let started = performance.now();
  if (!GIVEN_FILE) {
    writeFile(files['UTF-8']!, 'utf-8');
    writeFile(files.GB18030!, 'gb18030');
    console.log(`wrote ${fmt(ROWS)} rows: UTF-8 ${mib(fs.statSync(files['UTF-8']!).size)}, GB18030 ${mib(fs.statSync(files.GB18030!).size)} in ${fmt(performance.now() - started)} ms`);
  }

  if (ONE_THREAD) IMPORT_TUNING.workerMinBytes = Number.POSITIVE_INFINITY;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  for (const [label, file] of Object.entries(files)) {
    const rates: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const dbFile = path.join(dir, `bench-${run}.db`);
      const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR });
      const setup = (await core.call(api.auth.setup.name, { username: 'admin', displayName: '管理员', password: PASSWORD })) as SessionOpened;
      const session = setup.sessionToken!;
      started = performance.now();
      const uploadId = await upload(core, session, file);
      const uploadMs = performance.now() - started;
      peakRss = 0;
      const cpu = process.cpuUsage();
      started = performance.now();
      const report = (await core.call(api.welfare.import.name, { uploadId, dataset: DATASET }, session)) as WelfareImportReport;
      const ms = performance.now() - started;
      const { user, system } = process.cpuUsage(cpu);
      const rate = report.batch.rows / (ms / 1000);
      rates.push(rate);
      console.log(
        `import ${label} (run ${run}): ${fmt(report.batch.rows)} rows (${fmt(report.batch.rejected)} rejected) in ${fmt(ms)} ms = ${fmt(rate)} rows/s; ` +
          `CPU ${fmt((user + system) / 1000)} ms on both threads; upload ${fmt(uploadMs)} ms; peak RSS ${mib(peakRss)}`,
      );
      core.close();
      for (const suffix of ['', '-wal', '-shm', '.keys']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
    }
    const sorted = [...rates].sort((a, b) => b - a);
    const best = sorted[0]!;
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`import ${label}: best ${fmt(best)} rows/s, median ${fmt(median)} rows/s of ${RUNS} [target ${fmt(TARGET)}: best ${best >= TARGET ? 'ok' : 'MISSED'}, median ${median >= TARGET ? 'ok' : 'MISSED'}]`);
  }
  clearInterval(sampler);
  console.log(`peak RSS of the process: ${mib(process.resourceUsage().maxRSS * 1024)}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
