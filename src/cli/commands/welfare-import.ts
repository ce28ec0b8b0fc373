import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { api } from '../../shared/api';
import type { EventMap } from '../../shared/api/events';
import type { Dataset, WelfareImportReport } from '../../shared/api/welfare';
import { AppError } from '../../core/api/errors';
import { run, withSession, type CliIo } from '../context';
import { uploadFile } from '../upload';

/** At most one progress line per this many milliseconds, and one when the import is done. */
const PROGRESS_MS = 1000;

/** `12,345 rows, 150,000 rows/s, about 6 s left`, in the user's language. */
function progressLine(io: CliIo, event: EventMap['import.progressed'], seconds: number): string {
  const rate = seconds > 0 ? event.rows / seconds : 0;
  const fraction = event.totalBytes ? (event.bytes ?? 0) / event.totalBytes : 0;
  const left = fraction > 0 ? Math.max(0, Math.round((seconds * (1 - fraction)) / fraction)) : null;
  const values = { rows: event.rows.toLocaleString('en-US'), rate: Math.round(rate).toLocaleString('en-US'), seconds: left ?? '?' };
  return io.t('cli.importProgress', values);
}

/** `zhijian import --dataset KIND FILE [--sheet NAME] [--json]` for the welfare datasets. */
export async function importDataset(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, dataset: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new AppError('INVALID_INPUT', { issues: ['one FILE to import'] });
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('NOT_FOUND', { file });
  const dataset = values.dataset as Dataset;
  await withSession(values.db, io, async (session) => {
    const uploadId = await uploadFile(session, file);
    const started = Date.now();
    let shown = started;
    const stopProgress = values.json
      ? () => {}
      : session.core.on('import.progressed', (event) => {
          if (event.jobId !== uploadId || Date.now() - shown < PROGRESS_MS) return;
          shown = Date.now();
          io.err(progressLine(io, event, (shown - started) / 1000));
        });
    // Ctrl-C stops the import; the database stays as it was
    const cancel = () => void run(session, api.welfare.cancelImport, { uploadId }).catch(() => {});
    process.once('SIGINT', cancel);
    let report: WelfareImportReport;
    try {
      report = await run(session, api.welfare.import, { uploadId, dataset, ...(values.sheet ? { sheet: values.sheet } : {}) });
    } finally {
      process.off('SIGINT', cancel);
      stopProgress();
      await run(session, api.files.discardUpload, { uploadId }).catch(() => {});
    }
    if (values.json) {
      io.out(JSON.stringify(report));
      return;
    }
    const { batch } = report;
    io.err(progressLine(io, { jobId: uploadId, rows: batch.rows, total: null, bytes: batch.size, totalBytes: batch.size }, (Date.now() - started) / 1000));
    io.out(`${batch.fileName}: ${batch.rows} rows, ${batch.accepted} imported, ${batch.rejected} rejected (batch ${batch.id})`);
    for (const r of report.rejected) io.out(`  row ${r.row} ${r.field}: ${io.t(r.reasonKey, r.details ?? {})}`);
    if (batch.rejected > report.rejected.length) io.out(`  …`);
  });
}
