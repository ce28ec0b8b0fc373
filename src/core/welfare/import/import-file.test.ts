import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { api, type OrgUnit, type RejectedRow, type Role } from '../../../shared/api';
import type { Batch, Dataset, FileInspection, WelfareImportReport } from '../../../shared/api/welfare';
import type { Core } from '../../api/core';
import { AppError } from '../../api/errors';
import { REPO_ROOT } from '../../paths';
import { ADMIN, bareCore, logIn, syntheticId, testCore } from '../../testing/fixtures';
import { IMPORT_TUNING } from './import-file';
import { beginStaging, MOVE_TUNING } from './staging';
import { RecordWriter } from './writer';
import { csvText, DISBURSEMENT_HEADER, importThrough, paymentRow, uploadFile } from './testing';

const SAMPLES = path.join(REPO_ROOT, 'test-data/welfare-samples');
const NOW = new Date('2026-03-20T09:00:00+08:00');

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

const count = (core: Core, table: string): number => core.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** What an import leaves behind: rows, rejections, staged batches, batches, upload files. */
function footprint(core: Core, dir: string) {
  const uploads = path.join(dir, 'uploads');
  return {
    rows: count(core, 'wf_disbursements'),
    rejected: count(core, 'welfare_rejected'),
    staging: count(core, 'welfare_staging'),
    batches: count(core, 'welfare_batches'),
    uploads: fs.existsSync(uploads) ? fs.readdirSync(uploads).length : 0,
  };
}

/** The dataset rows of a batch, without what differs between two imports of the same rows. */
function records(core: Core, table: string, batchId: string): Record<string, unknown>[] {
  const { no } = core.database.sqlite.prepare('SELECT no FROM welfare_batches WHERE id = ?').get(batchId) as { no: number };
  return (core.database.sqlite.prepare(`SELECT * FROM ${table} WHERE batch_no = ? ORDER BY "row"`).all(no) as Record<string, unknown>[]).map(
    ({ id: _id, batch_no: _no, ...rest }) => rest,
  );
}

/** Payment rows with three bad ones at known rows (the header is row 1). */
function paymentsWithMistakes(n: number): string[][] {
  const rows = Array.from({ length: n }, (_, i) => paymentRow(i));
  rows[3]![9] = '-12.00'; // row 5
  rows[7]![1] = '2026-13'; // row 9
  rows[8]![2] = ''; // row 10
  rows[8]![9] = '十元';
  return rows;
}

describe('importing a dataset file', () => {
  it('reads the same rows from UTF-8, GB18030 and XLSX into the same records, and reports the rejected rows', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const dir = path.dirname(dbFile);
    const rows = paymentsWithMistakes(40);
    rows[10]![2] = '胡 敏凤';
    rows[11]![10] = '2026年3月5日';
    fs.writeFileSync(path.join(dir, 'utf8.csv'), csvText(DISBURSEMENT_HEADER, rows));
    fs.writeFileSync(path.join(dir, 'gbk.csv'), iconv.encode(csvText(DISBURSEMENT_HEADER, rows), 'gb18030'));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('三月');
    sheet.addRow(DISBURSEMENT_HEADER);
    for (const row of rows) {
      // as Excel keeps typed values: amounts as numbers, a typed date as a date
      const cells: unknown[] = [...row];
      if (/^\d+\.\d+$/.test(row[9]!)) cells[9] = Number(row[9]);
      if (row[10] === '2026年3月5日') cells[10] = new Date(Date.UTC(2026, 2, 5));
      sheet.addRow(cells);
    }
    await book.xlsx.writeFile(path.join(dir, 'book.xlsx'));

    const reports: WelfareImportReport[] = [];
    for (const name of ['utf8.csv', 'gbk.csv', 'book.xlsx']) reports.push(await importThrough(core, path.join(dir, name), 'disbursements'));
    for (const report of reports) {
      expect(report.batch).toMatchObject({ dataset: 'disbursements', rows: 40, accepted: 37, rejected: 3, status: 'complete', importedByName: '管理员' });
      expect(report.rejected.map((r) => [r.row, r.field, r.reasonKey, r.details?.value])).toEqual([
        [5, '发放金额', 'import.reason.negativeAmount', '-12.00'],
        [9, '发放年月', 'import.reason.badMonth', '2026-13'],
        [10, '姓名', 'import.reason.required', undefined],
        [10, '发放金额', 'import.reason.badAmount', '十元'],
      ]);
      expect(report.rejected[0]!.reason).toBe('The amount is negative: -12.00');
      expect(report.mapping).toMatchObject({ program: '项目名称', amount: '发放金额', approver_id: '审批人身份证号' });
    }
    expect(reports[2]!.batch.sheet).toBe('三月');
    expect(reports[0]!.batch.sheet).toBeNull();
    const [utf8, gbk, xlsx] = reports.map((r) => records(core, 'wf_disbursements', r.batch.id)) as [Record<string, unknown>[], Record<string, unknown>[], Record<string, unknown>[]];
    expect(utf8).toHaveLength(37);
    expect(gbk).toEqual(utf8);
    expect(xlsx).toEqual(utf8);
    expect(utf8.find((r) => r.row === 12)).toMatchObject({ name: '胡敏凤', name_raw: '胡 敏凤' });
    expect(utf8.find((r) => r.row === 13)).toMatchObject({ paid_on: '2026-03-05' });
    expect(utf8.find((r) => r.row === 2)).toMatchObject({ paid_on: '2026-03-15', amount_fen: 30000 });
  });

  it('imports every sample file: 15-digit IDs converted, full-width digits and spaces folded, no row dropped', async () => {
    const { core } = await testCore({ now: () => NOW });
    const datasets: Dataset[] = ['standards', 'officials', 'relatives', 'deaths', 'vehicles', 'properties', 'businesses', 'disbursements'];
    for (const dataset of datasets) {
      const file = path.join(SAMPLES, `${dataset}.csv`);
      const report = await importThrough(core, file, dataset);
      const text = fs.readFileSync(file);
      let lines: string;
      try {
        lines = new TextDecoder('utf-8', { fatal: true }).decode(text);
      } catch {
        lines = iconv.decode(text, 'gb18030');
      }
      const dataLines = lines.split(/\r?\n/).slice(1).filter((l) => l.replace(/,/g, '').trim() !== '').length;
      expect(report.batch.rows, dataset).toBe(dataLines);
      expect(report.batch.accepted + report.batch.rejected, dataset).toBe(report.batch.rows);
      expect(count(core, `wf_${dataset}`), dataset).toBe(report.batch.accepted);
    }
    const sqlite = core.database.sqlite;
    const death = (name: string) => sqlite.prepare('SELECT id_number, id_valid, died_on FROM wf_deaths WHERE name = ?').get(name);
    expect(death('高荣')).toEqual({ id_number: syntheticId('530723', '19421009', '581'), id_valid: 1, died_on: '2024-06-01' });
    expect(death('彭林菊')).toMatchObject({ died_on: '2024-06-01' });
    // row 20 of the payments has the ID in full-width digits, row 11 with spaces around it, row 10 with a lowercase x
    const payment = (row: number) => sqlite.prepare('SELECT name, name_raw, id_number, id_valid FROM wf_disbursements WHERE "row" = ?').get(row);
    expect(payment(20)).toMatchObject({ id_number: '530721197906130692', id_valid: 1 });
    expect(payment(11)).toMatchObject({ id_number: '530722200309108893', id_valid: 1 });
    expect(payment(10)).toMatchObject({ id_number: '53072319520626022X', id_valid: 1 });
    const spaced = sqlite.prepare("SELECT name, name_raw FROM wf_disbursements WHERE name_raw = '胡 敏凤'").get();
    expect(spaced).toEqual({ name: '胡敏凤', name_raw: '胡 敏凤' });
    // R11 of expected-hits.csv: a check character that fits and a birth in 2979
    const future = sqlite.prepare("SELECT DISTINCT id_valid FROM wf_disbursements WHERE id_number = '530724297904112430'").pluck().all();
    expect(future).toEqual([0]);
  });

  it('lists every rejection of a batch, beyond the first hundred the report carries', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const rows = Array.from({ length: 300 }, (_, i) => paymentRow(i));
    for (let i = 0; i < 300; i += 2) rows[i]![1] = '三月';
    const file = path.join(path.dirname(dbFile), 'many-bad.csv');
    fs.writeFileSync(file, csvText(DISBURSEMENT_HEADER, rows));
    const report = await importThrough(core, file, 'disbursements');
    expect(report.batch).toMatchObject({ rows: 300, accepted: 150, rejected: 150 });
    expect(report.rejected).toHaveLength(100);
    const all = (await core.call(api.welfare.rejectedRows.name, { batchId: report.batch.id })) as RejectedRow[];
    expect(all).toHaveLength(150);
    expect(all.map((r) => r.row)).toEqual(Array.from({ length: 150 }, (_, i) => 2 + 2 * i));
    expect(all[149]).toEqual({ row: 300, field: '发放年月', reasonKey: 'import.reason.badMonth', reason: expect.any(String), details: { value: '三月' } });
    expect((await failure(core.call(api.welfare.rejectedRows.name, { batchId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }))).code).toBe('WELFARE_BATCH_NOT_FOUND');
  });

  it('refuses the same file twice before reading it, and takes it again once its batch is withdrawn', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const dir = path.dirname(dbFile);
    const file = path.join(dir, 'march.csv');
    fs.writeFileSync(file, csvText(DISBURSEMENT_HEADER, [paymentRow(1), paymentRow(2)]));
    const first = await importThrough(core, file, 'disbursements');
    const before = footprint(core, dir);
    const again = await failure(importThrough(core, file, 'disbursements', { fileName: '三月（重发）.csv' }));
    expect(again.code).toBe('IMPORT_DUPLICATE_FILE');
    expect(again.details).toEqual({ importedAt: first.batch.importedAt, fileName: 'march.csv', batchId: first.batch.id });
    expect(footprint(core, dir)).toEqual(before);
    // the same bytes as another dataset are another matter
    expect((await failure(importThrough(core, file, 'deaths'))).code).toBe('FILE_MISSING_COLUMNS');

    const withdrawn = (await core.call(api.welfare.withdrawBatch.name, { batchId: first.batch.id, reason: '县区重报' })) as Batch;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnReason: '县区重报' });
    const second = await importThrough(core, file, 'disbursements');
    expect(second.batch.rows).toBe(2);
    const batches = (await core.call(api.welfare.batches.name, {})) as Batch[];
    expect(batches.map((b) => [b.id, b.status])).toEqual([
      [second.batch.id, 'complete'],
      [first.batch.id, 'withdrawn'],
    ]);
    expect(await core.call(api.welfare.batches.name, { dataset: 'deaths' })).toEqual([]);
  });

  it('cancelled mid-file, leaves no row, no rejection, no staged batch and no upload', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const dir = path.dirname(dbFile);
    const rows = paymentsWithMistakes(30_000);
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(file, csvText(DISBURSEMENT_HEADER, rows));
    const uploadId = await uploadFile(core, file);
    const seen: number[] = [];
    const stop = core.on('import.progressed', (event) => {
      expect(event).toMatchObject({ jobId: uploadId, total: null, totalBytes: fs.statSync(file).size });
      seen.push(event.rows);
      // the first chunk is written: cancel before the second
      if (event.rows > 0 && seen.filter((r) => r > 0).length === 1) {
        expect(count(core, 'wf_disbursements')).toBeGreaterThan(0);
        void core.call(api.welfare.cancelImport.name, { uploadId });
      }
    });
    const error = await failure(core.call(api.welfare.import.name, { uploadId, dataset: 'disbursements' }));
    stop();
    expect(error.code).toBe('IMPORT_CANCELLED');
    expect(seen.filter((r) => r > 0)).toHaveLength(1);
    expect(footprint(core, dir)).toEqual({ rows: 0, rejected: 0, staging: 0, batches: 0, uploads: 0 });
    expect(await core.call(api.welfare.cancelImport.name, { uploadId })).toEqual({ cancelled: false });
    // nothing was left that a second import of the file would trip over
    expect((await importThrough(core, file, 'disbursements')).batch).toMatchObject({ rows: 30_000, rejected: 3 });
  });

  it.each([
    { stagedIn: 'memory', worker: false, schema: 'sqlite_temp_schema', sorted: false },
    { stagedIn: 'the file', worker: true, schema: 'sqlite_schema', sorted: true },
  ])(
    'writes a registry into a table of its own in $stagedIn, moved into place when the import completes (sorted by ID number: $sorted); cancelled, leaves no table',
    async ({ worker, schema, sorted }) => {
      const { core, dbFile } = await testCore({ now: () => NOW });
      const dir = path.dirname(dbFile);
      const header = ['公职人员身份证号', '亲属姓名', '亲属身份证号', '关系'];
      // ID numbers in no order, as a registry lists them; one row without the relative's ID
      const relatives = (n: number) =>
        Array.from({ length: n }, (_, i) => {
          const scrambled = String((i * 7919) % n).padStart(3, '0');
          return [syntheticId('530721', '19700101', String(i % 1000).padStart(3, '0')), `和${i}`, i === 3 ? '' : syntheticId('530722', `19${String(50 + (i % 40))}0101`, scrambled.slice(-3)), '配偶'];
        });
      const tables = (where: string) => core.database.sqlite.prepare(`SELECT name FROM ${where} WHERE name GLOB 'wf_staged_*'`).pluck().all();
      const staged = () => [...tables('sqlite_schema'), ...tables('sqlite_temp_schema')];
      const threshold = IMPORT_TUNING.workerMinBytes;
      const sortFrom = MOVE_TUNING.sortFromRows;
      IMPORT_TUNING.workerMinBytes = worker ? 0 : Number.POSITIVE_INFINITY;
      MOVE_TUNING.sortFromRows = sorted ? 0 : Number.POSITIVE_INFINITY;
      try {
        const small = path.join(dir, 'relatives.csv');
        fs.writeFileSync(small, csvText(header, relatives(5000)));
        const report = await importThrough(core, small, 'relatives');
        expect(report.batch).toMatchObject({ rows: 5000, accepted: 5000, rejected: 0 });
        expect(staged()).toEqual([]);
        const rows = records(core, 'wf_relatives', report.batch.id);
        expect(rows).toHaveLength(5000);
        expect(rows.find((r) => r.row === 5)).toMatchObject({ name: '和3', id_number: null, official_id: relatives(5000)[3]![0] });
        const inTable = core.database.sqlite.prepare('SELECT id_number FROM wf_relatives ORDER BY id').pluck().all() as (string | null)[];
        const byIdNumber = [...inTable].sort((a, b) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
        if (sorted) expect(inTable).toEqual(byIdNumber);
        else expect(inTable).toEqual(relatives(5000).map((r) => r[2] || null));

        const big = path.join(dir, 'relatives-big.csv');
        fs.writeFileSync(big, csvText(header, relatives(30_000)));
        const uploadId = await uploadFile(core, big);
        let cancelled = false;
        const stop = core.on('import.progressed', (event) => {
          if (event.rows > 0 && !cancelled) {
            cancelled = true;
            expect(tables(schema)).toHaveLength(1);
            void core.call(api.welfare.cancelImport.name, { uploadId });
          }
        });
        const error = await failure(core.call(api.welfare.import.name, { uploadId, dataset: 'relatives' }));
        stop();
        expect(error.code).toBe('IMPORT_CANCELLED');
        expect(staged()).toEqual([]);
        expect(count(core, 'wf_relatives')).toBe(5000);
        expect(count(core, 'welfare_staging')).toBe(0);
      } finally {
        IMPORT_TUNING.workerMinBytes = threshold;
        MOVE_TUNING.sortFromRows = sortFrom;
      }
    },
  );

  it('removes the rows of an import whose process died when a core next opens the database, and keeps those of imports still running', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const sqlite = core.database.sqlite;
    const insert = sqlite.prepare(
      `INSERT INTO wf_deaths (batch_no, "row", name, id_number, id_valid, died_on) VALUES (?, 2, '李志强', '${syntheticId('530721', '19500101', '011')}', 1, '2025-01-01')`,
    );
    const stage = (no: number, owner: string | null) => {
      sqlite.prepare("INSERT INTO welfare_staging (no, started_at, owner) VALUES (?, '2026-03-20T09:00:00.000+08:00', ?)").run(no, owner);
      insert.run(no);
      sqlite.prepare("INSERT INTO welfare_rejected (batch_no, \"row\", field, reason_key) VALUES (?, 3, '姓名', 'import.reason.required')").run(no);
    };
    const exited = spawnSync(process.execPath, ['-e', '']).pid!;
    const host = (await import('node:os')).hostname();
    stage(101, `${host}#${exited}`); // killed mid-import
    stage(102, null);
    stage(103, `${host}#${process.ppid}`); // another process on this machine, still running
    // an import under way in this process, on this database
    const { no: running, table } = beginStaging(sqlite, 'deaths', '2026-03-20T09:00:00.000+08:00', { inMemory: false });
    expect(table).toBe(`main.wf_staged_${running}`); // deaths has indexes: the import writes into a table of its own
    new RecordWriter(sqlite, { dataset: 'deaths', table, columns: { name: 0, id_number: 1, died_on: 2 }, today: '2026-03-20', excelSerial: false }, running).write([
      { rowNumber: 2, cells: ['李志强', syntheticId('530721', '19500101', '011'), '2025-01-01'] },
    ]);
    // a table of an import whose staging row is gone (written by hand: nothing makes one)
    sqlite.exec('CREATE TABLE wf_staged_99 AS SELECT * FROM wf_deaths WHERE 0');
    const stagedTables = (s: typeof sqlite) => s.prepare("SELECT name FROM sqlite_schema WHERE name GLOB 'wf_staged_*' ORDER BY name").pluck().all();

    // a second core on the same file (the command line beside the application) logs in
    const { core: second } = bareCore({ dbFile, now: () => NOW });
    await logIn(second, ADMIN.username, ADMIN.password);
    const staged = () => second.database.sqlite.prepare('SELECT no FROM welfare_staging ORDER BY no').pluck().all();
    expect(staged()).toEqual([103, running]);
    expect(second.database.sqlite.prepare('SELECT DISTINCT batch_no FROM wf_deaths ORDER BY 1').pluck().all()).toEqual([103]);
    expect(second.database.sqlite.prepare(`SELECT batch_no FROM ${table}`).pluck().all()).toEqual([running]);
    expect(second.database.sqlite.prepare('SELECT DISTINCT batch_no FROM welfare_rejected ORDER BY 1').pluck().all()).toEqual([103]);
    expect(stagedTables(second.database.sqlite)).toEqual([`wf_staged_${running}`]);
    second.close();

    // this process's import can never complete once its core is closed: the next start removes it
    core.close();
    const { core: third } = bareCore({ dbFile, now: () => NOW });
    await logIn(third, ADMIN.username, ADMIN.password);
    expect(third.database.sqlite.prepare('SELECT no FROM welfare_staging').pluck().all()).toEqual([103]);
    expect(third.database.sqlite.prepare('SELECT DISTINCT batch_no FROM wf_deaths').pluck().all()).toEqual([103]);
    expect(stagedTables(third.database.sqlite)).toEqual([]);
  });

  it('refuses what is not a readable table before writing anything', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const dir = path.dirname(dbFile);
    const write = (name: string, content: string | Buffer) => {
      fs.writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    const cases: [string, () => Promise<unknown>, string, Record<string, unknown>?][] = [
      ['a zip renamed .csv', () => importThrough(core, write('binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 0x21])), 'deaths'), 'FILE_UNREADABLE'],
      ['a Word file', () => importThrough(core, write('notes.docx', 'PK'), 'deaths'), 'FILE_UNREADABLE'],
      ['an empty file', () => importThrough(core, write('empty.csv', ''), 'deaths'), 'FILE_NO_HEADER'],
      ['blank lines', () => importThrough(core, write('blank.csv', '\r\n,,\r\n'), 'deaths'), 'FILE_NO_HEADER'],
      [
        'a header that maps to nothing',
        () => importThrough(core, write('other.csv', '序号,备注\n1,x\n'), 'deaths'),
        'FILE_MISSING_COLUMNS',
        { columns: ['姓名', '身份证号', '死亡日期'] },
      ],
      ['a corrupt workbook', () => importThrough(core, write('broken.xlsx', 'PK\u0003\u0004 not really'), 'deaths'), 'FILE_UNREADABLE'],
      [
        'a mapping to a column the file lacks',
        () => importThrough(core, write('mapped.csv', 'A,B,C\n张三,1,2\n'), 'deaths', { mapping: { name: 0, id_number: 1, died_on: 5 } }),
        'IMPORT_MAPPING_INVALID',
        { why: ['import.reason.mappingUnknownColumn'], field: 'died_on', column: 5 },
      ],
      [
        'a mapping of a field the dataset lacks',
        () => importThrough(core, write('mapped2.csv', 'A,B,C\n张三,1,2\n'), 'deaths', { mapping: { name: 0, id_number: 1, died_on: 2, plate: 2 } }),
        'IMPORT_MAPPING_INVALID',
      ],
      [
        'one column for two fields',
        () => importThrough(core, write('mapped3.csv', 'A,B,C\n张三,1,2\n'), 'deaths', { mapping: { name: 0, id_number: 1, died_on: 1 } }),
        'IMPORT_MAPPING_INVALID',
      ],
      [
        'a mapping that leaves out a required field',
        () => importThrough(core, write('mapped4.csv', 'A,B,C\n张三,1,2\n'), 'deaths', { mapping: { name: 0, id_number: 1 } }),
        'FILE_MISSING_COLUMNS',
        { columns: ['死亡日期'] },
      ],
      ['an unclosed quote', () => importThrough(core, write('quote.csv', '姓名,身份证号,死亡日期\n张三,1,2024-01-01\n李四,"2,2024-01-01\n'), 'deaths'), 'FILE_UNREADABLE', { file: 'quote.csv', row: 3 }],
    ];
    for (const [what, attempt, code, details] of cases) {
      const error = await failure(attempt());
      expect(error.code, what).toBe(code);
      if (details) expect(error.details, what).toEqual(details);
    }
    expect({ ...footprint(core, dir), deaths: count(core, 'wf_deaths'), mappings: count(core, 'welfare_mappings') }).toEqual({
      rows: 0,
      rejected: 0,
      staging: 0,
      batches: 0,
      uploads: 0,
      deaths: 0,
      mappings: 0,
    });
  });

  it('remembers a mapping chosen for a header, and uses it for the next file with that header', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const dir = path.dirname(dbFile);
    const header = ['序号', '死者', '证件', '日期', '备注'];
    const file = (name: string, i: number) => {
      fs.writeFileSync(path.join(dir, name), csvText(header, [[String(i), '李志强', syntheticId('530721', '19500101', String(100 + i)), '2025-12-0' + i, '']]));
      return path.join(dir, name);
    };
    const inspect = async (path_: string) => {
      const uploadId = await uploadFile(core, path_);
      return { uploadId, inspection: (await core.call(api.welfare.inspectFile.name, { uploadId, dataset: 'deaths' })) as FileInspection };
    };
    const first = await inspect(file('一月.csv', 1));
    expect(first.inspection).toEqual({
      format: 'csv',
      sheets: [],
      headers: header,
      mapping: {},
      remembered: false,
      missing: ['name', 'id_number', 'died_on'],
      sample: [['1', '李志强', syntheticId('530721', '19500101', '101'), '2025-12-01', '']],
      duplicateOf: null,
    });
    const mapping = { name: 1, id_number: 2, died_on: 3, source: 4 };
    const report = (await core.call(api.welfare.import.name, { uploadId: first.uploadId, dataset: 'deaths', mapping })) as WelfareImportReport;
    expect(report.mapping).toEqual({ name: '死者', id_number: '证件', died_on: '日期', source: '备注' });

    const second = await inspect(file('二月.csv', 2));
    expect(second.inspection).toMatchObject({ mapping, remembered: true, missing: [] });
    const next = (await core.call(api.welfare.import.name, { uploadId: second.uploadId, dataset: 'deaths' })) as WelfareImportReport;
    expect(next.batch).toMatchObject({ rows: 1, accepted: 1 });
    expect(records(core, 'wf_deaths', next.batch.id)).toMatchObject([{ name: '李志强', died_on: '2025-12-02', source: null }]);
    // not for another dataset, nor another header
    const again = await inspect(file('一月.csv', 1));
    expect(again.inspection.duplicateOf?.id).toBe(report.batch.id);
    await core.call(api.files.discardUpload.name, { uploadId: again.uploadId });
    fs.writeFileSync(path.join(dir, 'other.csv'), csvText([...header, '附注'], [['3', '李志强', syntheticId('530721', '19500101', '103'), '2025-12-03', '', '']]));
    expect((await inspect(path.join(dir, 'other.csv'))).inspection).toMatchObject({ remembered: false, mapping: {} });
  });

  it('names the sheets of a workbook and reads the one asked for', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['本表为死亡人员信息']);
    const deaths = book.addWorksheet('名单');
    deaths.addRow(['姓名', '公民身份号码', '死亡日期']);
    deaths.addRow(['李志强', syntheticId('530721', '19500101', '011'), new Date(Date.UTC(2025, 11, 1))]);
    deaths.addRow(['王建华', syntheticId('530721', '19500101', '021'), 46000]);
    const file = path.join(path.dirname(dbFile), 'deaths.xlsx');
    await book.xlsx.writeFile(file);
    const uploadId = await uploadFile(core, file);
    const first = (await core.call(api.welfare.inspectFile.name, { uploadId, dataset: 'deaths' })) as FileInspection;
    expect(first).toMatchObject({ format: 'xlsx', sheets: ['说明', '名单'], headers: ['本表为死亡人员信息'], missing: ['name', 'id_number', 'died_on'] });
    const named = (await core.call(api.welfare.inspectFile.name, { uploadId, dataset: 'deaths', sheet: '名单' })) as FileInspection;
    expect(named).toMatchObject({ mapping: { name: 0, id_number: 1, died_on: 2 }, missing: [], sample: [expect.any(Array), expect.any(Array)] });
    const report = (await core.call(api.welfare.import.name, { uploadId, dataset: 'deaths', sheet: '名单' })) as WelfareImportReport;
    expect(report.batch).toMatchObject({ sheet: '名单', rows: 2, accepted: 2 });
    expect(records(core, 'wf_deaths', report.batch.id).map((r) => r.died_on)).toEqual(['2025-12-01', '2025-12-09']);
  });

  it('checks the caller: uploads are their own, and importing needs welfare.import', async () => {
    const { core, dbFile } = await testCore({ now: () => NOW });
    const file = path.join(path.dirname(dbFile), 'march.csv');
    fs.writeFileSync(file, csvText(DISBURSEMENT_HEADER, [paymentRow(1)]));
    const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
    const roles = (await core.call(api.roles.list.name, {})) as Role[];
    const user = async (username: string, displayName: string, role: string) => {
      const roleId = roles.find((r) => r.code === role)!.id;
      await core.call(api.users.create.name, { username, displayName, unitId: root!.id, roleId, password: 'welfare-pass-2026' });
      return logIn(core, username, 'welfare-pass-2026');
    };
    const analyst = await user('analyst', '数据分析员', 'data_analyst');
    const auditor = await user('auditor', '审计员', 'auditor');
    const uploadId = await uploadFile(core, file, { token: analyst });
    for (const [name, input] of [
      [api.welfare.inspectFile.name, { uploadId, dataset: 'disbursements' }],
      [api.welfare.import.name, { uploadId, dataset: 'disbursements' }],
      [api.files.finishUpload.name, { uploadId }],
    ] as const) {
      // the administrator may import, but not someone else's upload
      expect((await failure(core.call(name, input))).code, name).toBe('UPLOAD_NOT_FOUND');
    }
    expect(await core.call(api.files.discardUpload.name, { uploadId })).toEqual({ discarded: false });
    const auditorUpload = await uploadFile(core, file, { token: auditor });
    expect((await failure(core.call(api.welfare.import.name, { uploadId: auditorUpload, dataset: 'disbursements' }, auditor))).code).toBe('FORBIDDEN');
    const report = (await core.call(api.welfare.import.name, { uploadId, dataset: 'disbursements' }, analyst)) as WelfareImportReport;
    expect(report.batch.importedByName).toBe('数据分析员');
    // welfare data is city-wide: whoever may read it sees every batch
    expect(((await core.call(api.welfare.batches.name, {}, auditor)) as Batch[]).map((b) => b.id)).toEqual([report.batch.id]);
  });
});
