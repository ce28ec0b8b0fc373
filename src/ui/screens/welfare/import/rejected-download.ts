import type { TFunction } from 'i18next';
import { api } from '../../../../shared/api';
import type { RejectedRow } from '../../../../shared/api/registry';
import type { Batch, Dataset } from '../../../../shared/api/welfare';
import { call } from '../../../bridge/client';
import { downloadText } from '../../../download';
import { rejectedRowsCsv } from '../../import/rejected-csv';
import { fieldLabel } from '../shared/labels';

/** Rejected rows with their field named as the file's column is (the core may name it by key). */
export function labelRejected(dataset: Dataset, rows: RejectedRow[]): RejectedRow[] {
  return rows.map((row) => ({ ...row, field: fieldLabel(dataset, row.field) }));
}

/** Every rejected row of a batch, fetched whole (the report lists only the first), saved as CSV for fixing. */
export async function downloadRejected(t: TFunction, batch: Batch): Promise<void> {
  const rows = await call(api.welfare.rejectedRows, { batchId: batch.id });
  const baseName = batch.fileName.replace(/\.[^.]+$/, '');
  downloadText(t('ui.welfare.import.rejectedFileName', { fileName: baseName }), rejectedRowsCsv(t, labelRejected(batch.dataset, rows)));
}
