import { useSyncExternalStore } from 'react';
import { api } from '../../../../shared/api';
import type { WireError } from '../../../../shared/api/errors';
import type { Batch, Dataset, FileInspection, WelfareImportReport } from '../../../../shared/api/welfare';
import { call, on } from '../../../bridge/client';
import { asWireError } from '../../../errors';
import { onSessionEnd } from '../../../session/session-store';
import type { ProgressEvent } from './progress';
import { discardUpload, uploadFile } from './upload';

interface Of {
  dataset: Dataset;
  fileName: string;
}

/** One welfare import from the chosen file to its report, step by step. */
export type ImportJob =
  | { step: 'idle' }
  | (Of & { step: 'uploading'; sent: number; total: number })
  | (Of & { step: 'inspecting' })
  | (Of & { step: 'duplicate'; batch: Batch })
  | (Of & { step: 'mapping'; uploadId: string; sheet: string | undefined; inspection: FileInspection })
  | (Of & { step: 'importing'; uploadId: string; startedAt: number; progress: ProgressEvent | null; cancelling: boolean })
  | (Of & { step: 'cancelled' })
  | (Of & { step: 'failed'; error: WireError })
  | (Of & { step: 'done'; report: WelfareImportReport });

/**
 * The job lives outside the screen: an import of a large file takes minutes, and the analyst
 * who looks at the batch list or the board meanwhile comes back to its progress or its report.
 */
let job: ImportJob = { step: 'idle' };
const listeners = new Set<() => void>();

function set(next: ImportJob): void {
  job = next;
  listeners.forEach((l) => l());
}

/** Changes the job only if it is still at that step (a late event must not revive a finished one). */
function update<S extends ImportJob['step']>(step: S, over: Partial<Extract<ImportJob, { step: S }>>): void {
  if (job.step === step) set({ ...job, ...over } as ImportJob);
}

// the next user to log in starts afresh
onSessionEnd(() => {
  if (job.step === 'mapping') discardUpload(job.uploadId);
  set({ step: 'idle' });
});

export const isBusy = (j: ImportJob): boolean => j.step === 'uploading' || j.step === 'inspecting' || j.step === 'importing';

export function useImportJob(): ImportJob {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => job,
  );
}

async function inspect(of: Of, uploadId: string, sheet: string | undefined, review: boolean): Promise<void> {
  set({ ...of, step: 'inspecting' });
  const inspection = await call(api.welfare.inspectFile, { uploadId, dataset: of.dataset, ...(sheet ? { sheet } : {}) });
  if (inspection.duplicateOf) {
    discardUpload(uploadId);
    set({ ...of, step: 'duplicate', batch: inspection.duplicateOf });
  } else if (review || inspection.missing.length > 0) {
    set({ ...of, step: 'mapping', uploadId, sheet, inspection });
  } else {
    await runImport(of, uploadId, sheet, undefined);
  }
}

async function runImport(of: Of, uploadId: string, sheet: string | undefined, mapping: Record<string, number> | undefined): Promise<void> {
  set({ ...of, step: 'importing', uploadId, startedAt: Date.now(), progress: null, cancelling: false });
  const stop = on('import.progressed', (event) => {
    if (event.jobId === uploadId) update('importing', { progress: event });
  });
  try {
    const report = await call(api.welfare.import, { uploadId, dataset: of.dataset, ...(sheet ? { sheet } : {}), ...(mapping ? { mapping } : {}) });
    set({ ...of, step: 'done', report });
  } finally {
    stop();
  }
}

/** Runs a step of the job; whatever fails ends the job with its error, the upload dropped. */
async function guarded(of: Of, uploadId: () => string | null, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (failure) {
    const error = asWireError(failure);
    const id = uploadId();
    if (id) discardUpload(id);
    set(error.code === 'IMPORT_CANCELLED' ? { ...of, step: 'cancelled' } : { ...of, step: 'failed', error });
  }
}

/** Uploads the file, checks its header, and imports it unless the mapping is to be looked at first. */
export function startImport(dataset: Dataset, file: File, review: boolean): void {
  if (isBusy(job)) return;
  const of = { dataset, fileName: file.name };
  let uploadId: string | null = null;
  set({ ...of, step: 'uploading', sent: 0, total: file.size });
  void guarded(
    of,
    () => uploadId,
    async () => {
      const uploaded = await uploadFile(file, (sent) => update('uploading', { sent }));
      uploadId = uploaded.uploadId;
      await inspect(of, uploaded.uploadId, undefined, review);
    },
  );
}

/** Reads another sheet of the XLSX file for the mapping step. */
export function chooseSheet(sheet: string): void {
  if (job.step !== 'mapping') return;
  const { dataset, fileName, uploadId } = job;
  void guarded({ dataset, fileName }, () => uploadId, () => inspect({ dataset, fileName }, uploadId, sheet, true));
}

/** Imports with the mapping the user confirmed (field key → 0-based column); the core remembers it. */
export function confirmMapping(mapping: Record<string, number>): void {
  if (job.step !== 'mapping') return;
  const { dataset, fileName, uploadId, sheet } = job;
  void guarded({ dataset, fileName }, () => uploadId, () => runImport({ dataset, fileName }, uploadId, sheet, mapping));
}

/** How often, and how far apart, a cancel the core did not take is asked again. */
const CANCEL_TRIES = 10;
const CANCEL_RETRY_MS = 500;

/**
 * Stops the running import; its pending call then fails with IMPORT_CANCELLED and nothing stays
 * written. The core says "not cancelled" when no import reads the upload: one that has not begun
 * reading yet is asked again, while one that ended answers for itself.
 */
export function cancelImport(): void {
  if (job.step !== 'importing' || job.cancelling) return;
  const { uploadId } = job;
  update('importing', { cancelling: true });
  const stillRunning = () => job.step === 'importing' && job.uploadId === uploadId;
  void (async () => {
    for (let attempt = 1; attempt <= CANCEL_TRIES; attempt += 1) {
      try {
        if ((await call(api.welfare.cancelImport, { uploadId })).cancelled) return;
      } catch {
        break;
      }
      if (!stillRunning()) return;
      await new Promise((resolve) => setTimeout(resolve, CANCEL_RETRY_MS));
      if (!stillRunning()) return;
    }
    if (stillRunning()) update('importing', { cancelling: false });
  })();
}

/** Back to choosing a file; an upload waiting at the mapping step is dropped. */
export function resetImport(): void {
  if (isBusy(job)) return;
  if (job.step === 'mapping') discardUpload(job.uploadId);
  set({ step: 'idle' });
}
