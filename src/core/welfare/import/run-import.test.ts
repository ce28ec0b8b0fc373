import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api';
import type { WelfareImportReport } from '../../../shared/api/welfare';
import type { Core } from '../../api/core';
import { testCore } from '../../testing/fixtures';
import { IMPORT_TUNING } from './import-file';
import { CHUNK_ROWS } from './protocol';
import { csvText, DISBURSEMENT_HEADER, importThrough, paymentRow } from './testing';

const NOW = new Date('2026-03-20T09:00:00+08:00');
const threshold = IMPORT_TUNING.workerMinBytes;
afterEach(() => {
  IMPORT_TUNING.workerMinBytes = threshold;
});

/** Imports with or without the worker thread; returns the report and how many threads wrote. */
async function importWith(core: Core, file: string, worker: boolean): Promise<{ report: WelfareImportReport; threads: number }> {
  IMPORT_TUNING.workerMinBytes = worker ? 0 : Number.POSITIVE_INFINITY;
  const report = await importThrough(core, file, 'disbursements');
  const summary = core.database.sqlite.prepare("SELECT summary FROM audit_log WHERE procedure = 'welfare.import' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
  return { report, threads: (JSON.parse(summary) as { threads: number }).threads };
}

function rowsOf(core: Core, batchId: string): unknown[] {
  const { no } = core.database.sqlite.prepare('SELECT no FROM welfare_batches WHERE id = ?').get(batchId) as { no: number };
  const records = core.database.sqlite.prepare('SELECT * FROM wf_disbursements WHERE batch_no = ? ORDER BY "row"').all(no) as Record<string, unknown>[];
  return records.map(({ id: _id, batch_no: _no, ...rest }) => rest);
}

describe('importing with a worker thread', () => {
  it('writes the same records and rejections as one thread does, whichever thread wrote each chunk', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const rows = Array.from({ length: 3 * CHUNK_ROWS + 100 }, (_, i) => paymentRow(i));
    rows[5]![9] = '五元';
    rows[CHUNK_ROWS + 7]![1] = '';
    rows[3 * CHUNK_ROWS + 50]![2] = ' 胡 敏凤';
    // the same rows, once as GB18030 and once as UTF-8 with blank lines: two files, not one imported twice
    const gbk = path.join(path.dirname(dbFile), 'gbk.csv');
    const utf8 = path.join(path.dirname(dbFile), 'utf8.csv');
    fs.writeFileSync(gbk, iconv.encode(csvText(DISBURSEMENT_HEADER, rows), 'gb18030'));
    fs.writeFileSync(utf8, csvText(DISBURSEMENT_HEADER, rows) + '\r\n\r\n');

    const one = await importWith(core, gbk, false);
    const two = await importWith(core, utf8, true);
    expect([one.threads, two.threads]).toEqual([1, 2]);
    for (const { report } of [one, two]) {
      expect(report.batch).toMatchObject({ rows: rows.length, accepted: rows.length - 2, rejected: 2 });
      expect(report.rejected.map((r) => [r.row, r.field, r.reasonKey])).toEqual([
        [7, '发放金额', 'import.reason.badAmount'],
        [CHUNK_ROWS + 9, '发放年月', 'import.reason.required'],
      ]);
    }
    expect(rowsOf(core, two.report.batch.id)).toEqual(rowsOf(core, one.report.batch.id));
    expect(rowsOf(core, two.report.batch.id)).toContainEqual(expect.objectContaining({ row: 3 * CHUNK_ROWS + 52, name: '胡敏凤', name_raw: '胡 敏凤' }));
  });

  it("passes on the worker's failure, and leaves nothing behind", async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const file = path.join(path.dirname(dbFile), 'broken.csv');
    const rows = Array.from({ length: 2 * CHUNK_ROWS }, (_, i) => paymentRow(i));
    fs.writeFileSync(file, `${csvText(DISBURSEMENT_HEADER, rows)}${paymentRow(1).join(',').replace('城乡低保', '"城乡低保')}\r\n`);
    IMPORT_TUNING.workerMinBytes = 0;
    await expect(importThrough(core, file, 'disbursements')).rejects.toMatchObject({ code: 'FILE_UNREADABLE', details: { file: 'broken.csv', row: 2 * CHUNK_ROWS + 2 } });
    const count = (table: string) => core.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('wf_disbursements'), count('welfare_rejected'), count('welfare_staging'), count('welfare_batches')]).toEqual([0, 0, 0, 0]);
    expect(await core.call(api.welfare.batches.name, {})).toEqual([]);
  });
});
