/** What the mapping screen shows of a file before it is imported. */
import type { Dataset, FileInspection } from '../../../shared/api/welfare';
import type { Db } from '../../db/open';
import { openTable } from '../../import/table-reader';
import { completeBatchWith } from './batches';
import { resolveMapping } from './mapping';

const SAMPLE_ROWS = 5;

export async function inspectFile(
  db: Db,
  file: { path: string; fileName: string; sha256: string },
  dataset: Dataset,
  sheet: string | undefined,
): Promise<FileInspection> {
  const table = await openTable({ path: file.path }, file.fileName, sheet ? { sheet } : {});
  const sample: string[][] = [];
  try {
    for await (const batch of table.batches) {
      for (const row of batch.rows.slice(0, SAMPLE_ROWS - sample.length)) sample.push(row.cells);
      if (sample.length === SAMPLE_ROWS) break;
    }
  } finally {
    await table.close();
  }
  const mapping = resolveMapping(db, dataset, table.headers);
  return {
    format: table.format,
    sheets: table.sheets,
    headers: table.headers,
    mapping: mapping.columns,
    remembered: mapping.remembered,
    missing: mapping.missing,
    sample,
    duplicateOf: completeBatchWith(db, dataset, file.sha256),
  };
}
