import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTable } from './table-reader';

// A real collection between samples, so the heap measured is what the reader holds on to and
// not garbage waiting for the next GC.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 200_000;
let dir: string;
let path: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-stream-'));
  path = join(dir, 'disbursements.csv');
  const out = createWriteStream(path);
  out.write('发放年月,姓名,身份证号,村社区,发放金额\n');
  for (let i = 0; i < ROWS; i++) {
    const line = `2026-03,测试${i % 1000},ID${String(i).padStart(16, '0')},幸福村第${i % 50}组,${(i % 100_000) / 100}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('streams a 200,000-row CSV from disk without holding it in memory', async () => {
  const fileSize = statSync(path).size;
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;

  const table = await openTable({ path }, 'disbursements.csv');
  let count = 0;
  let lastRowNumber = 0;
  for await (const row of table.rows) {
    count += 1;
    lastRowNumber = row.rowNumber;
    if (count % 25_000 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }

  expect(table.headers).toHaveLength(5);
  expect(count).toBe(ROWS);
  expect(lastRowNumber).toBe(ROWS + 1);
  expect(fileSize).toBeGreaterThan(10_000_000);
  // Holding the file would cost more than its size (JS strings are 1–2 bytes per character, plus
  // a string and an array per cell); streaming holds a few chunks.
  expect(peak).toBeLessThan(fileSize / 4);
}, 20_000);
