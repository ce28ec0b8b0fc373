/**
 * Writes rows of a file into a staged batch: each row read into its record (./records), the
 * records inserted with one prepared statement and the rejections with another, a call per
 * transaction. The importing thread and the worker thread each have one, on their own
 * connections (./run-import).
 */
import type Database from 'better-sqlite3';
import type { Dataset } from '../../../shared/api/datasets';
import type { TableRow } from '../../import/table-reader';
import { recordColumns, recordReader, type RecordReader, type Value } from './records';

export interface RejectedCell {
  row: number;
  field: string;
  reasonKey: string;
  details?: Record<string, string>;
}

export interface Written {
  /** data rows written: accepted plus rejected */
  rows: number;
  accepted: number;
  /** every reason a row was rejected (a row may have several) */
  rejected: RejectedCell[];
}

export interface WriteJob {
  dataset: Dataset;
  /** the table the rows go into: the dataset's, or the import's own (./staging) */
  table: string;
  /** field key → 0-based column */
  columns: Record<string, number>;
  /** the import date, YYYY-MM-DD */
  today: string;
  /** the rows come from XLSX */
  excelSerial: boolean;
}

/**
 * Whose turn it is to write, between the two threads of one import: each waits for the other's
 * transaction to end exactly when it ends (SQLite's busy handler, the fallback, would sleep in
 * steps of up to 100 ms). Both threads hold the same shared memory.
 */
export class WriteTurn {
  private readonly lock: Int32Array;

  constructor(readonly shared: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.lock = new Int32Array(shared);
  }

  take(): void {
    while (Atomics.compareExchange(this.lock, 0, 0, 1) !== 0) Atomics.wait(this.lock, 0, 1, 100);
  }

  give(): void {
    Atomics.store(this.lock, 0, 0);
    Atomics.notify(this.lock, 0, 1);
  }
}

/**
 * Records per INSERT statement: one statement for several rows costs a binding call and a
 * statement step fewer per row (some 12% of writing a row); more than this gains nothing.
 */
const RECORDS_PER_INSERT = 8;

export class RecordWriter {
  private readonly insertRecord: Database.Statement;
  private readonly insertRecords: Database.Statement;
  /** the values of RECORDS_PER_INSERT records, one after another */
  private readonly values: Value[];
  private readonly insertRejected: Database.Statement;
  private readonly reader: RecordReader;

  constructor(
    private readonly sqlite: Database.Database,
    job: WriteJob,
    private readonly no: number,
    private readonly turn?: WriteTurn,
  ) {
    const columns = recordColumns(job.dataset).map((c) => `"${c.name}"`);
    const insert = `INSERT INTO ${job.table} (batch_no, "row", ${columns.join(', ')}) VALUES `;
    const record = `(${no}, ?, ${columns.map(() => '?').join(', ')})`;
    this.insertRecord = sqlite.prepare(insert + record);
    this.insertRecords = sqlite.prepare(insert + Array<string>(RECORDS_PER_INSERT).fill(record).join(', '));
    this.values = new Array<Value>((columns.length + 1) * RECORDS_PER_INSERT);
    this.insertRejected = sqlite.prepare('INSERT INTO welfare_rejected (batch_no, "row", field, reason_key, details) VALUES (?, ?, ?, ?, ?)');
    this.reader = recordReader(job.dataset, job.columns, { today: job.today, excelSerial: job.excelSerial });
  }

  /**
   * Reads the rows, then inserts the records and rejections in one transaction: the reading
   * happens outside it, so that the other thread's connection can write meanwhile.
   */
  write(rows: readonly TableRow[]): Written {
    const written: Written = { rows: rows.length, accepted: 0, rejected: [] };
    const records: Value[][] = [];
    for (const { rowNumber, cells } of rows) {
      const values: Value[] = [rowNumber];
      const rejections = this.reader.read(cells, values);
      if (rejections === null) records.push(values);
      else for (const r of rejections) written.rejected.push({ row: rowNumber, ...r });
    }
    written.accepted = records.length;
    this.turn?.take();
    try {
      this.sqlite
        .transaction(() => {
          this.insert(records);
          for (const r of written.rejected) this.insertRejected.run(this.no, r.row, r.field, r.reasonKey, r.details ? JSON.stringify(r.details) : null);
        })
        .immediate();
    } finally {
      this.turn?.give();
    }
    return written;
  }

  private insert(records: readonly Value[][]): void {
    const { values } = this;
    let i = 0;
    for (; i + RECORDS_PER_INSERT <= records.length; i += RECORDS_PER_INSERT) {
      let k = 0;
      for (let j = i; j < i + RECORDS_PER_INSERT; j++) for (const value of records[j]!) values[k++] = value;
      this.insertRecords.run(values);
    }
    for (; i < records.length; i++) this.insertRecord.run(records[i]!);
  }
}
