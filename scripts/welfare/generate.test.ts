import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable } from '../../src/core/import/table-reader';
import { parseAmountFen, parseMonth } from '../../src/core/import/normalize';
import { parseIdNumber } from '../../src/core/registry/id-number';
import { normalizeName } from '../../src/core/registry/names';
import { DATASETS, DATASET_FIELDS, RULE_CODES, type Dataset } from '../../src/shared/api/welfare';
import { COUNTIES } from '../demo/places';
import { Rng } from '../demo/random';
import { generateWelfareMonth, readPlanted, type GeneratedMonth } from './generate';
import { isValidCreditCode } from '../../src/core/welfare/import/credit-code';
import { IdAllocator, creditCode, impossibleBirthDate, oneDigitTypo, swapTypo, wrongCheckCharacter } from './ids';
import { standardFen } from './prefecture';

const PERIODS = ['2026-08', '2026-09', '2026-10'];
let dir: string;
let month: GeneratedMonth;

async function readAll(file: string): Promise<{ headers: string[]; rows: string[][] }> {
  const table = await openTable({ path: file }, path.basename(file));
  const rows: string[][] = [];
  for await (const row of table.rows) rows.push(row.cells);
  return { headers: table.headers, rows };
}

const column = (dataset: Dataset, key: string) => DATASET_FIELDS[dataset].findIndex((f) => f.key === key);

function digest(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).sort()) out[name] = createHash('sha256').update(fs.readFileSync(path.join(folder, name))).digest('hex');
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-welfare-gen-'));
  month = generateWelfareMonth(path.join(dir, 'a'), { disbursements: 2_400, periods: PERIODS, seed: 7 });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('generateWelfareMonth', () => {
  it('writes the eight datasets with their canonical headers, disbursements in GB18030, every row readable', async () => {
    expect(Object.keys(month.files).sort()).toEqual([...DATASETS].sort());
    for (const dataset of DATASETS) {
      const { headers, rows } = await readAll(month.files[dataset]);
      expect(headers, dataset).toEqual(DATASET_FIELDS[dataset].map((f) => f.label));
      expect(rows.length, dataset).toBe(month.rows[dataset]);
      for (const row of rows) expect(row.length, dataset).toBe(headers.length);
    }
    const raw = fs.readFileSync(month.files.disbursements);
    expect(raw.toString('utf8')).not.toContain('项目名称');
    expect(month.rows.disbursements).toBe(2_400);
  });

  it('plants cases of every rule, listed in planted.csv', () => {
    const listed = readPlanted(month.plantedFile);
    expect(listed).toEqual(month.planted);
    for (const rule of RULE_CODES) expect(listed.filter((h) => h.rule === rule).length, rule).toBeGreaterThan(0);
    // a case whose condition changes within the months hits only some of them
    expect(new Set(listed.filter((h) => h.rule === 'R1').map((h) => h.period)).size).toBe(3);
    expect(month.nearMisses.length).toBeGreaterThan(15);
  });

  it('is deterministic for a seed, and another seed gives another month', () => {
    const again = generateWelfareMonth(path.join(dir, 'b'), { disbursements: 2_400, periods: PERIODS, seed: 7 });
    expect(digest(again.dir)).toEqual(digest(month.dir));
    const other = generateWelfareMonth(path.join(dir, 'c'), { disbursements: 2_400, periods: PERIODS, seed: 8 });
    expect(digest(other.dir)['disbursements.csv']).not.toEqual(digest(month.dir)['disbursements.csv']);
  });

  it('is messy only in ways that normalise: month and amount styles, 15-digit IDs in deaths; credit codes valid', async () => {
    const { rows } = await readAll(month.files.disbursements);
    const months = rows.map((r) => r[column('disbursements', 'period')]!);
    expect(months.some((m) => m.includes('年'))).toBe(true);
    expect(months.every((m) => parseMonth(m).ok)).toBe(true);
    const amounts = rows.map((r) => r[column('disbursements', 'amount')]!);
    expect(amounts.some((a) => a.endsWith('元'))).toBe(true);
    expect(amounts.some((a) => a.includes(','))).toBe(true);
    expect(amounts.every((a) => parseAmountFen(a).ok)).toBe(true);
    const businesses = await readAll(month.files.businesses);
    expect(businesses.rows.every((r) => isValidCreditCode(r[column('businesses', 'credit_code')]!))).toBe(true);
    const deaths = await readAll(month.files.deaths);
    expect(deaths.rows.some((r) => r[column('deaths', 'id_number')]!.trim().length === 15)).toBe(true);
  });

  it('keeps the background clean: only planted rows are invalid, over the standard, paid twice or found in a registry', async () => {
    const planted = new Set(month.planted.map((h) => `${h.rule}|${h.idNumber}|${h.program}|${h.period}`));
    const plantedIds = new Set([...month.planted.map((h) => h.idNumber), ...month.nearMisses.map((m) => m.idNumber)]);
    const { rows } = await readAll(month.files.disbursements);
    const code = new Map(COUNTIES.map((c) => [c.short, c.code]));
    const at = (key: string) => column('disbursements', key);
    const seen = new Map<string, number>();
    const recipients = new Set<string>();
    const names = new Map<string, string>();
    for (const r of rows) {
      const id = parseIdNumber(r[at('id_number')]!);
      const program = r[at('program')]!;
      const period = (parseMonth(r[at('period')]!) as { value: string }).value;
      const key = `${id.idNumber}|${program}|${period}`;
      if (!id.valid) expect(planted.has(`R11|${key}`), key).toBe(true);
      else recipients.add(id.idNumber);
      if (id.valid) names.set(id.idNumber, normalizeName(r[at('name')]!));
      const amount = (parseAmountFen(r[at('amount')]!) as { value: number }).value;
      if (amount > standardFen(program, code.get(r[at('county')]!)!, period)) expect(planted.has(`R9|${key}`), key).toBe(true);
      seen.set(key, (seen.get(key) ?? 0) + 1);
      expect(parseIdNumber(r[at('household_head_id')]!).valid).toBe(true);
      expect(r[at('approver_id')]!).not.toBe('');
    }
    for (const [key, n] of seen) if (n > 1) expect(planted.has(`R8|${key}`), key).toBe(true);
    expect(month.planted.filter((h) => h.rule === 'R8').every((h) => seen.get(`${h.idNumber}|${h.program}|${h.period}`) === 2)).toBe(true);

    const registries: [Dataset, string][] = [
      ['deaths', 'id_number'],
      ['officials', 'id_number'],
      ['relatives', 'id_number'],
      ['vehicles', 'id_number'],
      ['properties', 'id_number'],
      ['businesses', 'id_number'],
    ];
    for (const [dataset, key] of registries) {
      const { rows: records } = await readAll(month.files[dataset]);
      let valid = 0;
      for (const record of records) {
        const text = record[column(dataset, key)]!;
        if (!text) continue;
        const id = parseIdNumber(text);
        if (id.valid) valid += 1;
        if (id.valid && recipients.has(id.idNumber)) expect(plantedIds.has(id.idNumber), `${dataset} ${id.idNumber}`).toBe(true);
      }
      expect(valid / records.length, dataset).toBeGreaterThan(0.8);
    }
  });
});

describe('identifiers', () => {
  it('hands out unique valid ID numbers of the right gender, however many share a birthday', () => {
    const ids = new IdAllocator();
    const seen = new Set<string>();
    for (let i = 0; i < 1_200; i++) {
      const gender = i % 2 === 0 ? 'M' : 'F';
      const id = ids.idNumber('530721', { year: 1980, month: 2, day: 28 }, gender);
      const parsed = parseIdNumber(id);
      expect(parsed.valid && parsed.gender).toBe(gender);
      seen.add(id);
    }
    expect(seen.size).toBe(1_200);
  });

  it('makes typos that are invalid ID numbers, a digit or a swap away', () => {
    const rng = new Rng(3);
    const id = new IdAllocator().idNumber('530724', { year: 1968, month: 8, day: 4 }, 'M');
    for (let i = 0; i < 50; i++) {
      for (const typo of [oneDigitTypo(rng, id), swapTypo(rng, id), wrongCheckCharacter(rng, id)]) {
        expect(parseIdNumber(typo).valid).toBe(false);
        expect([...typo].filter((c, k) => c !== id[k]).length).toBeLessThanOrEqual(2);
      }
      expect(parseIdNumber(impossibleBirthDate(rng, id))).toMatchObject({ valid: false, problem: 'birthDate' });
    }
  });

  it('gives each company its own valid unified social credit code', () => {
    const codes = Array.from({ length: 500 }, (_, i) => creditCode('530702', i));
    expect(new Set(codes).size).toBe(500);
    for (const c of codes) expect(isValidCreditCode(c), c).toBe(true);
  });
});
