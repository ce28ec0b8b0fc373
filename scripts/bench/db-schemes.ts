/**
 * What the database's encryption costs a large write: the same disbursement records (as the
 * welfare import writes them, 8 to a statement, 4,096 to a transaction, a checkpoint every 8
 * transactions) into a new file of each scheme of src/core/db/cipher.ts, and into a plaintext
 * one for comparison. Prints µs per row for the inserts and commits, the checkpoints, and the
 * total; asserts nothing. BENCH_SCHEME_ROWS sets the rows (300,000), BENCH_SCHEME_RUNS the runs
 * of each (3, interleaved: this machine's speed varies from minute to minute; the best is shown).
 *
 *   node --import tsx scripts/bench/db-schemes.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { keyWithScheme, SCHEMES, type Scheme } from '../../src/core/db/cipher';
import { newMasterKey } from '../../src/core/security/keyslots';
import { datasetTable, recordColumns } from '../../src/core/welfare/import/records';

const ROWS = Number(process.env.BENCH_SCHEME_ROWS ?? 300_000);
const RUNS = Number(process.env.BENCH_SCHEME_RUNS ?? 3);
const PER_INSERT = 8;
const PER_TRANSACTION = 4096;
const CHECKPOINT_EVERY = 8;

type Value = string | number | null;

const columns = recordColumns('disbursements').map((c) => c.name);
const table = datasetTable('disbursements');

/** A normalised disbursement record as the import binds it: row number, then the columns in order. */
function record(i: number): Value[] {
  const byName: Record<string, Value> = {
    program: ['城乡低保', '特困供养', '临时救助'][i % 3]!,
    period: '2026-03',
    name: `王${'伟芳娜'[i % 3]}${'秀英敏'[i % 3]}`,
    name_raw: null,
    id_number: `53072119${String(400_000 + i).padStart(10, '0')}`,
    id_valid: 1,
    household_head_id: `53072119${String(400_000 + i - (i % 3)).padStart(10, '0')}`,
    household_head_valid: 1,
    relation_to_head: i % 3 ? '子女' : '本人',
    county: '玉龙县',
    township: '黄山镇',
    village: ['黄山上村', '黄山中村', '黄山下村'][i % 3]!,
    amount_fen: 30_000 + (i % 60_000),
    paid_on: '2026-03-15',
    bank_account: `6217${10_000_000_000_000 + i}`,
    account_holder: `王${'伟芳娜'[i % 3]}${'秀英敏'[i % 3]}`,
    approver_name: '和建国',
    approver_id: '530721197001011236',
    approver_valid: 1,
  };
  return [i + 2, ...columns.map((c) => byName[c] ?? null)];
}

interface Figures {
  write: number;
  checkpoint: number;
}

function measure(label: string, scheme: Scheme | null, records: readonly Value[][]): Figures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-schemes-'));
  const sqlite = new Database(path.join(dir, 'bench.db'));
  try {
    if (scheme) keyWithScheme(sqlite, newMasterKey(), scheme);
    else sqlite.pragma('page_size = 16384');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('wal_autocheckpoint = 0');
    sqlite.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, batch_no INTEGER NOT NULL, "row" INTEGER NOT NULL, ${columns.map((c) => `"${c}"`).join(', ')})`);
    const one = `(1, ?, ${columns.map(() => '?').join(', ')})`;
    const insert = sqlite.prepare(`INSERT INTO ${table} (batch_no, "row", ${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array<string>(PER_INSERT).fill(one).join(', ')}`);
    const values = new Array<Value>((columns.length + 1) * PER_INSERT);
    let write = 0;
    let checkpoint = 0;
    for (let at = 0, chunk = 1; at + PER_TRANSACTION <= records.length; at += PER_TRANSACTION, chunk++) {
      const start = performance.now();
      sqlite
        .transaction(() => {
          for (let i = at; i < at + PER_TRANSACTION; i += PER_INSERT) {
            let k = 0;
            for (let j = i; j < i + PER_INSERT; j++) for (const value of records[j]!) values[k++] = value;
            insert.run(values);
          }
        })
        .immediate();
      const written = performance.now();
      write += written - start;
      if (chunk % CHECKPOINT_EVERY === 0) {
        sqlite.pragma('wal_checkpoint(PASSIVE)');
        checkpoint += performance.now() - written;
      }
    }
    const start = performance.now();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint += performance.now() - start;
    console.log(`  ${label}: ${format({ write, checkpoint }, records.length)}`);
    return { write, checkpoint };
  } finally {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function format(f: Figures, rows: number): string {
  const us = (ms: number) => ((ms * 1000) / rows).toFixed(2);
  return `insert and commit ${us(f.write)} µs/row, checkpoint ${us(f.checkpoint)} µs/row, total ${us(f.write + f.checkpoint)} µs/row`;
}

const rows = Math.floor(ROWS / PER_TRANSACTION) * PER_TRANSACTION;
const records = Array.from({ length: rows }, (_, i) => record(i));
const subjects: [string, Scheme | null][] = [['plaintext, 16 KiB pages', null], ...SCHEMES.map((s): [string, Scheme] => [`${s.cipher}, ${s.pageSize / 1024} KiB pages`, s])];
const results = new Map<string, Figures[]>(subjects.map(([label]) => [label, []]));
console.log(`${rows.toLocaleString('en-US')} disbursement records into a new database, ${RUNS} interleaved runs:`);
for (let run = 1; run <= RUNS; run++) {
  console.log(`run ${run}`);
  for (const [label, scheme] of subjects) results.get(label)!.push(measure(label, scheme, records));
}
console.log(`best of ${RUNS}:`);
for (const [label, figures] of results) {
  const best = figures.reduce((a, b) => (a.write + a.checkpoint <= b.write + b.checkpoint ? a : b));
  console.log(`  ${label}: ${format(best, rows)}`);
}
