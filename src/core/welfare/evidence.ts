// A hit names its evidence as (dataset, batch, row in the file); this reads those rows back from
// the dataset tables, normalised as the import stored them, with the file each came from.
import { getTableColumns, inArray, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Dataset, EvidenceRecord, EvidenceRef } from '../../shared/api/welfare';
import type { Db } from '../db/open';
import { DATASET_TABLES, welfareBatches } from '../db/schema';

const TABLES: Record<Dataset, SQLiteTable> = DATASET_TABLES;

/** bookkeeping columns, not part of the record as the file gave it */
const HIDDEN = new Set(['id', 'batch_no', 'row']);

type Row = Record<string, string | number | null>;

/** The rows of one batch of one dataset at these row numbers, by row number. */
function readRows(db: Db, dataset: Dataset, batchNo: number, rows: number[], idNumber: string): Map<number, Row> {
  const table = TABLES[dataset];
  const at = (wanted: number[]) => sql`SELECT * FROM ${table} WHERE batch_no = ${batchNo} AND row IN ${wanted}`;
  const found = new Map<number, Row>();
  const keep = (list: Row[]) => list.forEach((r) => found.set(Number(r.row), r));
  // The dataset tables are indexed by ID number only (every index slows a million-row import):
  // most evidence rows are the recipient's own, found through that index; the others take one
  // scan of the table for all of them.
  if ('idNumber' in getTableColumns(table)) keep(db.all<Row>(sql`${at(rows)} AND id_number = ${idNumber}`));
  const missing = rows.filter((r) => !found.has(r));
  if (missing.length > 0) keep(db.all<Row>(at(missing)));
  return found;
}

/**
 * The evidence records of a hit. A row that is no longer stored (it cannot be, short of a
 * damaged database) is still listed, with no fields, so that the reference is not lost.
 */
export function resolveEvidence(db: Db, refs: Omit<EvidenceRef, 'fileName'>[], idNumber: string): EvidenceRecord[] {
  const batchIds = [...new Set(refs.map((r) => r.batchId))];
  const batches = new Map(
    batchIds.length === 0
      ? []
      : db
          .select({ id: welfareBatches.id, no: welfareBatches.no, fileName: welfareBatches.fileName })
          .from(welfareBatches)
          .where(inArray(welfareBatches.id, batchIds))
          .all()
          .map((b) => [b.id, b]),
  );
  const stored = new Map<string, Map<number, Row>>();
  for (const batch of batches.values()) {
    for (const dataset of new Set(refs.filter((r) => r.batchId === batch.id).map((r) => r.dataset))) {
      const rows = refs.filter((r) => r.batchId === batch.id && r.dataset === dataset).map((r) => r.row);
      stored.set(`${dataset}|${batch.id}`, readRows(db, dataset, batch.no, rows, idNumber));
    }
  }
  return refs.map((ref) => {
    const row = stored.get(`${ref.dataset}|${ref.batchId}`)?.get(ref.row);
    const fields = Object.fromEntries(Object.entries(row ?? {}).filter(([key]) => !HIDDEN.has(key)));
    return { dataset: ref.dataset, batchId: ref.batchId, fileName: batches.get(ref.batchId)?.fileName ?? '', row: ref.row, fields };
  });
}
