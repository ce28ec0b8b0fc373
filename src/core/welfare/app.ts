import { api } from '../../shared/api';
import { implement } from '../api/implement';
import { appendUpload, beginUpload, cancelImport, discardUpload, finishUpload, importUpload, uploadedFile } from '../files/uploads';
import { batchRejections, listBatches, withdrawBatch } from './import/batches';
import { importWelfareFile } from './import/import-file';
import { inspectFile } from './import/inspect';
import { listRuns, runRules } from './check';
import { cancelRun, runUnderWay } from './run-jobs';
import { loadWelfareSettings, saveWelfareSettings } from './settings';
import { shanghaiDate, shanghaiTimestamp } from '../api/time';
import { requireInScope } from '../auth/scope';
import { getUnit } from '../registry/units';
import { boardWorkbook, countyWorkbook, summaryDocument } from './exports';
import { allHits, assignedHits, getHitDetail, hitGroups, listHits } from './hits';
import { assignHits, handOver, readHitDocument, recordFinding } from './verify';

export const fileProcedures = [
  implement(api.files.beginUpload, beginUpload),
  implement(api.files.appendUpload, appendUpload),
  implement(api.files.finishUpload, finishUpload),
  implement(api.files.discardUpload, discardUpload),
];

export const welfareProcedures = [
  // import (src/core/welfare/import/)
  implement(api.welfare.inspectFile, (ctx, input) => inspectFile(ctx.db, uploadedFile(ctx, input.uploadId), input.dataset, input.sheet)),
  implement(api.welfare.import, (ctx, input) =>
    importUpload(ctx, input.uploadId, (file, signal) =>
      importWelfareFile(ctx, { ...input, path: file.path, fileName: file.fileName, jobId: input.uploadId, totalBytes: file.size, sha256: file.sha256, signal }),
    ),
  ),
  implement(api.welfare.cancelImport, cancelImport),
  implement(api.welfare.batches, (ctx, input) => listBatches(ctx.db, input.dataset)),
  implement(api.welfare.rejectedRows, (ctx, input) => batchRejections(ctx.db, input.batchId)),
  implement(api.welfare.withdrawBatch, (ctx, input) => withdrawBatch(ctx, input.batchId, input.reason)),
  // rules (src/core/welfare/rules/, check.ts, settings.ts)
  implement(api.welfare.runRules, (ctx, input) => runRules(ctx, input.rules, input.jobId)),
  implement(api.welfare.cancelRun, cancelRun),
  implement(api.welfare.runUnderWay, runUnderWay),
  implement(api.welfare.runs, (ctx) => listRuns(ctx.db)),
  implement(api.welfare.settings, (ctx) => loadWelfareSettings(ctx.db)),
  implement(api.welfare.updateSettings, (ctx, input) =>
    ctx.write((w) => saveWelfareSettings(w, input, ctx.now()), () => ({ settings: 'welfare' })),
  ),
  // verification (src/core/welfare/hits.ts, verify.ts, exports.ts)
  implement(api.welfare.hits, (ctx, input) => listHits(ctx.db, ctx.caller, input)),
  implement(api.welfare.getHit, (ctx, input) => {
    const detail = getHitDetail(ctx.db, ctx.caller, input.id);
    // a hit shows a person's payments and registry records: opening it leaves a trace, as opening a case does
    ctx.audit([{ table: 'welfare_hits', id: detail.id }]);
    return detail;
  }),
  implement(api.welfare.assign, (ctx, input) => ({
    assigned: ctx.write((w) => assignHits(w, ctx.caller, input.hitIds, input.unitId, ctx.now()), (assigned) => ({ unitId: input.unitId, assigned })),
  })),
  implement(api.welfare.recordFinding, (ctx, input) => {
    ctx.write((w) => recordFinding(w, ctx.caller, input, ctx.now()), () => ({ finding: input.finding }));
    return getHitDetail(ctx.db, ctx.caller, input.hitId);
  }),
  implement(api.welfare.getDocument, (ctx, input) => {
    const file = readHitDocument(ctx.db, ctx.caller, input.hitId, input.documentId);
    ctx.audit([{ table: 'welfare_hit_documents', id: input.documentId }], { hit: input.hitId });
    return file;
  }),
  implement(api.welfare.handOver, (ctx, input) =>
    ctx.write((w) => handOver(w, ctx.caller, input.hitId, ctx.now()), (r) => ({ caseId: r.caseId, hits: r.hitIds.length })),
  ),
  implement(api.welfare.exportBoard, async (ctx, input) => {
    const { rows, totals } = allHits(ctx.db, ctx.caller, input);
    const countyName = input.countyUnitId ? getUnit(ctx.db, input.countyUnitId).name : null;
    const file = await boardWorkbook(rows, totals, input, countyName, shanghaiTimestamp(ctx.now()).slice(0, 19));
    ctx.audit([], { export: file.fileName, rows: rows.length });
    return file;
  }),
  implement(api.welfare.exportCountyList, async (ctx, input) => {
    const unit = getUnit(ctx.db, input.unitId);
    requireInScope(ctx.caller.scope, unit.id);
    const rows = assignedHits(ctx.db, ctx.caller, unit.id);
    const file = await countyWorkbook(unit, rows, shanghaiTimestamp(ctx.now()).slice(0, 19));
    ctx.audit([], { export: file.fileName, rows: rows.length });
    return file;
  }),
  implement(api.welfare.exportSummary, async (ctx) => {
    const file = await summaryDocument(hitGroups(ctx.db, ctx.caller), shanghaiDate(ctx.now()));
    ctx.audit([], { export: file.fileName });
    return file;
  }),
];
