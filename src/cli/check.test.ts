// `zhijian check` run in-process (runCli with a captured terminal) on a real database file:
// the hits as FORMATS.md specifies them, as JSON, as CSV, into a file.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../shared/i18n/translate';
import { ADMIN, syntheticId, tempDir, testCore } from '../core/testing/fixtures';
import { insertBatch, type TestBatch } from '../core/welfare/testing';
import type { CliIo } from './context';
import { runCli } from './run';

const DEAD = syntheticId('530721', '19400101', '011');
const TWICE = syntheticId('530721', '19521025', '033');

async function zhijian(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { ZHIJIAN_USER: ADMIN.username, ZHIJIAN_PASSWORD: ADMIN.password },
    t: createTranslator('en'),
  };
  const code = await runCli(args, io);
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}

let dbFile: string;
let deaths: TestBatch;
let paid: TestBatch;

beforeAll(async () => {
  const made = await testCore({ dbFile: path.join(tempDir('file'), 'zhijian.db'), lifetime: 'file' });
  dbFile = made.dbFile;
  deaths = insertBatch(made.core.database, 'deaths', [{ idNumber: DEAD, name: '和丽', diedOn: '2025-12-01' }], { fileName: '死亡名单.csv' });
  paid = insertBatch(
    made.core.database,
    'disbursements',
    [
      { idNumber: DEAD, name: '和丽', amountFen: 61_000, township: '黑坪镇', village: '黑坪上村' },
      { idNumber: TWICE, name: '木, "三"', amountFen: 50_000, paidOn: '2026-01-10' },
      { idNumber: TWICE, name: '木, "三"', amountFen: 50_000 },
    ],
    { fileName: '2026年1月低保.csv' },
  );
  made.core.close();
});

describe('zhijian check', () => {
  it('--json prints the run and every hit with its evidence rows and files', async () => {
    const result = await zhijian(['check', '--db', dbFile, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { run, hits } = JSON.parse(result.stdout) as { run: { hits: number; byRule: Record<string, number> }; hits: Record<string, unknown>[] };
    expect(run).toMatchObject({ hits: 2, byRule: { R1: 1, R8: 1 } });
    expect(hits).toEqual([
      {
        rule: 'R1', id_number: DEAD, name: '和丽', program: '城乡低保', period: '2026-01', amount_fen: 61_000, recoverable_fen: 61_000,
        county: '玉龙县', township: '黑坪镇', village: '黑坪上村', confidence: 1, status: 'new',
        evidence: [
          { dataset: 'disbursements', batch: paid.id, file: '2026年1月低保.csv', row: 2 },
          { dataset: 'deaths', batch: deaths.id, file: '死亡名单.csv', row: 2 },
        ],
      },
      expect.objectContaining({ rule: 'R8', id_number: TWICE, amount_fen: 100_000, recoverable_fen: 50_000 }),
    ]);
  });

  it('--csv --out writes the same hits flat into the file, for the rules asked for', async () => {
    const out = path.join(tempDir(), 'hits.csv');
    const result = await zhijian(['check', '--db', dbFile, '--rules', 'R8,r1', '--csv', '--out', out]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true }).data;
    expect(rows.map((r) => [r.rule, r.id_number, r.name, r.amount_fen])).toEqual([
      ['R1', DEAD, '和丽', '61000'],
      ['R8', TWICE, '木, "三"', '100000'],
    ]);
    expect(rows[1]!.evidence).toBe('disbursements:2026年1月低保.csv:3; disbursements:2026年1月低保.csv:4');
  });

  it('prints a summary without --json or --csv, and refuses unknown rules or both formats with one line', async () => {
    const plain = await zhijian(['check', '--db', dbFile, '--rules', 'R1']);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^run [0-9A-Z]{26}: 1 hits, 0 new, 0 no longer found$/),
      '  R1 Paid after death: 1',
      `R1\t${DEAD}\t和丽\t城乡低保\t2026-01\t610.00\t黑坪镇\t黑坪上村`,
    ]);
    // each rule done, on stderr: stdout has the summary only
    expect(plain.stderr).toBe('Rule 1/1: R1 Paid after death\n');
    const two = await zhijian(['check', '--db', dbFile, '--rules', 'R8,R1']);
    expect(two.stderr.trimEnd().split('\n')).toEqual(['Rule 1/2: R1 Paid after death', 'Rule 2/2: R8 Paid twice']);
    expect(two.stdout).toMatch(/^run [0-9A-Z]{26}: 2 hits/);
    for (const args of [['--rules', 'R13'], ['--json', '--csv']]) {
      const refused = await zhijian(['check', '--db', dbFile, ...args]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
