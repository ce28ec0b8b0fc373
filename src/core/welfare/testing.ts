/**
 * For tests of the rules and of what reads their hits: dataset rows and a batch written straight
 * into the database, as an import would leave them (values already normalised), without a file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { api } from '../../shared/api';
import type { BatchStatus, Dataset, WelfareImportReport } from '../../shared/api/welfare';
import type { Core } from '../api/core';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import type { OpenedDatabase } from '../db/open';
import {
  DATASET_TABLES,
  users,
  welfareBatches,
  welfareHits,
  wfBusinesses,
  wfDeaths,
  wfDisbursements,
  wfOfficials,
  wfProperties,
  wfRelatives,
  wfStandards,
  wfVehicles,
} from '../db/schema';
import { parseIdNumber } from '../registry/id-number';

type Columns<T> = Partial<Omit<T, 'id' | 'batchNo'>>;

/** A row of each dataset: the columns of its `wf_*` table by drizzle key, the key fields required. */
export interface RowInput {
  disbursements: Columns<typeof wfDisbursements.$inferInsert> & { idNumber: string };
  deaths: Columns<typeof wfDeaths.$inferInsert> & { idNumber: string };
  officials: Columns<typeof wfOfficials.$inferInsert> & { idNumber: string };
  relatives: Columns<typeof wfRelatives.$inferInsert> & { officialId: string };
  vehicles: Columns<typeof wfVehicles.$inferInsert> & { idNumber: string };
  properties: Columns<typeof wfProperties.$inferInsert> & { idNumber: string };
  businesses: Columns<typeof wfBusinesses.$inferInsert> & { idNumber: string };
  standards: Columns<typeof wfStandards.$inferInsert>;
}

export interface TestBatch {
  id: string;
  no: number;
  dataset: Dataset;
  fileName: string;
}

export interface BatchOptions {
  /** default 'complete' */
  status?: BatchStatus;
  fileName?: string;
  /** the importing user's id; default the first user (the administrator of testCore) */
  importedBy?: string;
  /** default: the current time */
  importedAt?: Date;
}

const TABLES: Record<Dataset, SQLiteTable> = DATASET_TABLES;

const valid = (id: string | null | undefined): boolean | null => (id ? parseIdNumber(id).valid : null);

/** A plausible value for every column the test left out; `*_valid` flags as parseIdNumber says. */
const DEFAULTS: { [D in Dataset]: (row: RowInput[D]) => Record<string, unknown> } = {
  disbursements: (r) => {
    const period = r.period ?? '2026-01';
    return {
      program: '城乡低保',
      period,
      name: '李志强',
      idValid: valid(r.idNumber),
      householdHeadValid: valid(r.householdHeadId),
      approverValid: valid(r.approverId),
      county: '玉龙县',
      township: '黑坪镇',
      village: '黑坪上村',
      amountFen: 50_000,
      paidOn: `${period}-15`,
    };
  },
  deaths: (r) => ({ name: '李志强', idValid: valid(r.idNumber), diedOn: '2025-12-01' }),
  officials: (r) => ({ name: '王建华', idValid: valid(r.idNumber), unit: '黑坪镇人民政府', category: '公务员' }),
  relatives: (r) => ({ name: '李志强', officialValid: valid(r.officialId), idValid: valid(r.idNumber), relation: '配偶' }),
  vehicles: (r) => ({ ownerName: '李志强', idValid: valid(r.idNumber), plate: '云P00001', vehicleType: '小型轿车', registeredOn: '2020-01-01' }),
  properties: (r) => ({ ownerName: '李志强', idValid: valid(r.idNumber), location: '某路1号', use: '住宅', registeredOn: '2020-01-01' }),
  businesses: (r) => ({
    company: '某商贸有限公司',
    creditCode: '91530700MA6K000000',
    creditCodeValid: false,
    personName: '李志强',
    idValid: valid(r.idNumber),
    role: '法定代表人',
    foundedOn: '2018-01-01',
    status: '存续',
  }),
  standards: () => ({ program: '城乡低保', county: null, fromPeriod: '2025-01', maxAmountFen: 70_000 }),
};

/**
 * Writes `rows` as one batch of `dataset` (row numbers from 2, as under a header row) and the
 * batch itself, complete unless `options.status` says otherwise. Bypasses the write path, like
 * the importer's dataset rows do.
 */
export function insertBatch<D extends Dataset>(
  database: Pick<OpenedDatabase, 'db'>,
  dataset: D,
  rows: RowInput[D][],
  options: BatchOptions = {},
): TestBatch {
  const { db } = database;
  const importedBy = options.importedBy ?? db.select({ id: users.id }).from(users).orderBy(users.id).limit(1).get()?.id;
  if (!importedBy) throw new Error('insertBatch needs a user: set up the database first');
  const no = (db.get<{ no: number | null }>(sql`SELECT max(no) AS no FROM welfare_batches`).no ?? 0) + 1;
  const batch: TestBatch = { id: newId(), no, dataset, fileName: options.fileName ?? `${dataset}-${no}.csv` };
  const values = rows.map((r, i) => ({ row: i + 2, ...DEFAULTS[dataset](r), ...r, batchNo: no }));
  db.transaction((tx) => {
    for (let at = 0; at < values.length; at += 500) tx.insert(TABLES[dataset]).values(values.slice(at, at + 500)).run();
    tx.insert(welfareBatches)
      .values({
        id: batch.id,
        no,
        dataset,
        fileName: batch.fileName,
        sha256: randomBytes(32).toString('hex'),
        size: 100 * rows.length,
        mapping: '{}',
        importedBy,
        importedAt: shanghaiTimestamp(options.importedAt ?? new Date()),
        rows: rows.length,
        accepted: rows.length,
        rejected: 0,
        status: options.status ?? 'complete',
      })
      .run();
  });
  return batch;
}

/** The current hits, by key, with their stored evidence parsed: what a rule test looks at. */
export function currentHits(database: Pick<OpenedDatabase, 'db'>): Map<string, typeof welfareHits.$inferSelect & { evidenceRefs: { dataset: Dataset; batchId: string; row: number }[] }> {
  const rows = database.db.select().from(welfareHits).where(eq(welfareHits.current, true)).orderBy(welfareHits.key).all();
  return new Map(rows.map((h) => [h.key, { ...h, evidenceRefs: JSON.parse(h.evidence) as { dataset: Dataset; batchId: string; row: number }[] }]));
}

/** Imports a file as a user does: uploaded through files.*, then welfare.import. */
export async function importThroughUpload(core: Core, file: string, dataset: Dataset): Promise<WelfareImportReport> {
  const bytes = fs.readFileSync(file);
  const { uploadId } = (await core.call(api.files.beginUpload.name, { fileName: path.basename(file), size: bytes.length })) as { uploadId: string };
  await core.call(api.files.appendUpload.name, { uploadId, offset: 0, chunkBase64: bytes.toString('base64') });
  await core.call(api.files.finishUpload.name, { uploadId });
  return (await core.call(api.welfare.import.name, { uploadId, dataset })) as WelfareImportReport;
}
