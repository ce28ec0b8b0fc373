/** Imported batches: their provenance, their rejected rows, and withdrawing one. */
import { and, desc, eq } from 'drizzle-orm';
import type { RejectedRow } from '../../../shared/api/registry';
import type { Batch, Dataset } from '../../../shared/api/welfare';
import { createTranslator } from '../../../shared/i18n/translate';
import type { Context } from '../../api/context';
import { AppError } from '../../api/errors';
import { shanghaiTimestamp } from '../../api/time';
import type { Db } from '../../db/open';
import { users } from '../../db/schema/auth';
import { welfareBatches, welfareRejected } from '../../db/schema/welfare';

const columns = {
  id: welfareBatches.id,
  no: welfareBatches.no,
  dataset: welfareBatches.dataset,
  fileName: welfareBatches.fileName,
  sha256: welfareBatches.sha256,
  size: welfareBatches.size,
  sheet: welfareBatches.sheet,
  importedBy: welfareBatches.importedBy,
  importedByName: users.displayName,
  importedAt: welfareBatches.importedAt,
  rows: welfareBatches.rows,
  accepted: welfareBatches.accepted,
  rejected: welfareBatches.rejected,
  status: welfareBatches.status,
  withdrawnReason: welfareBatches.withdrawnReason,
};

function selectBatches(db: Db) {
  return db.select(columns).from(welfareBatches).innerJoin(users, eq(users.id, welfareBatches.importedBy));
}

const asBatch = ({ no: _no, ...batch }: { no: number } & Batch): Batch => batch;

/** Every batch, or one dataset's, newest first. */
export function listBatches(db: Db, dataset?: Dataset): Batch[] {
  const query = selectBatches(db);
  const rows = dataset ? query.where(eq(welfareBatches.dataset, dataset)) : query;
  return rows.orderBy(desc(welfareBatches.importedAt), desc(welfareBatches.no)).all().map(asBatch);
}

export function getBatch(db: Db, id: string): Batch & { no: number } {
  const batch = selectBatches(db).where(eq(welfareBatches.id, id)).get();
  if (!batch) throw new AppError('WELFARE_BATCH_NOT_FOUND', { batchId: id });
  return batch;
}

/** A complete batch of the dataset with the same content: importing it again would duplicate its rows. */
export function completeBatchWith(db: Db, dataset: Dataset, sha256: string): Batch | null {
  const batch = selectBatches(db)
    .where(and(eq(welfareBatches.dataset, dataset), eq(welfareBatches.sha256, sha256), eq(welfareBatches.status, 'complete')))
    .get();
  return batch ? asBatch(batch) : null;
}

let english: ReturnType<typeof createTranslator> | null = null;

/** The reason in English, for RejectedRow.reason (the UI translates reasonKey itself). */
export function reasonText(reasonKey: string, details: Record<string, string> | undefined): string {
  english ??= createTranslator('en');
  return english(reasonKey, details ?? {});
}

export function rejectedRow(row: number, field: string, reasonKey: string, details: Record<string, string> | undefined): RejectedRow {
  return { row, field, reason: reasonText(reasonKey, details), reasonKey, ...(details ? { details } : {}) };
}

/** Every reason a row of the batch was rejected, in file order. */
export function batchRejections(db: Db, batchId: string): RejectedRow[] {
  const { no } = getBatch(db, batchId);
  return db
    .select({ row: welfareRejected.row, field: welfareRejected.field, reasonKey: welfareRejected.reasonKey, details: welfareRejected.details })
    .from(welfareRejected)
    .where(eq(welfareRejected.batchNo, no))
    .orderBy(welfareRejected.row, welfareRejected.id)
    .all()
    .map((r) => rejectedRow(r.row, r.field, r.reasonKey, r.details ? (JSON.parse(r.details) as Record<string, string>) : undefined));
}

/** Takes a batch out of every later rule run; its rows stay for the record. Withdrawing again changes nothing. */
export function withdrawBatch(ctx: Context, batchId: string, reason: string): Batch {
  const batch = getBatch(ctx.db, batchId);
  if (batch.status === 'withdrawn') return asBatch(batch);
  ctx.write(
    (w) => w.update(welfareBatches, batchId, { status: 'withdrawn', withdrawnReason: reason }, { withdrawnAt: shanghaiTimestamp(ctx.now()) }),
    () => ({ batchId, dataset: batch.dataset, fileName: batch.fileName, reason }),
  );
  return asBatch(getBatch(ctx.db, batchId));
}
