import { api } from '../../shared/api';
import { AppError } from '../api/errors';
import { implement } from '../api/implement';
import { shanghaiTimestamp } from '../api/time';
import { currentUser } from '../auth/accounts';
import { alertCounts, approvalInbox, deadlineBoard } from './board';
import { acknowledgeReport, actOnCase, decideProposal, intakeClue, mergeCases, requireCase, resolveConflict, undoLatest } from './commands';
import { fileDocuments, readDocument } from './documents';
import { digestWorkbook, statisticsWorkbook } from './exports';
import { findDuplicates, getCaseDetail, listCases } from './queries';
import { loadSettings, saveSettings } from './settings';
import { caseStatistics } from './statistics';

export const caseProcedures = [
  implement(api.cases.list, (ctx, input) => listCases(ctx.db, ctx.caller, input, ctx.now())),

  implement(api.cases.get, (ctx, input) => {
    const detail = getCaseDetail(ctx.db, ctx.caller, input.id, ctx.now());
    // opening a case file leaves a trace, as opening a person's does
    ctx.audit([{ table: 'cases', id: detail.id }]);
    return detail;
  }),

  implement(api.cases.duplicates, (ctx, input) => findDuplicates(ctx.db, ctx.caller, input.subjects, input.excludeId ?? null, ctx.now())),

  implement(api.cases.intake, (ctx, input) => {
    const id = ctx.write((w) => intakeClue(w, ctx.caller, input, ctx.now()));
    return getCaseDetail(ctx.db, ctx.caller, id, ctx.now());
  }),

  implement(api.cases.act, (ctx, input) => {
    ctx.write((w) => actOnCase(w, ctx.caller, input, ctx.now()), () => ({ action: input.action }));
    return getCaseDetail(ctx.db, ctx.caller, input.caseId, ctx.now());
  }),

  implement(api.cases.decide, (ctx, input) => {
    const name = ctx.caller.userId ? currentUser(ctx.db, ctx.caller.userId).displayName : ctx.caller.actor;
    ctx.write((w) => decideProposal(w, ctx.caller, input, ctx.now(), name), () => ({ approve: input.approve }));
    return getCaseDetail(ctx.db, ctx.caller, input.caseId, ctx.now());
  }),

  implement(api.cases.undo, (ctx, input) => {
    ctx.write((w) => undoLatest(w, ctx.caller, input, ctx.now()));
    return getCaseDetail(ctx.db, ctx.caller, input.caseId, ctx.now());
  }),

  implement(api.cases.resolveConflict, (ctx, input) => {
    ctx.write((w) => resolveConflict(w, ctx.caller, input, ctx.now()), () => ({ keep: input.keep }));
    return getCaseDetail(ctx.db, ctx.caller, input.caseId, ctx.now());
  }),

  implement(api.cases.merge, (ctx, input) => {
    ctx.write((w) => mergeCases(w, ctx.caller, input, ctx.now()));
    return getCaseDetail(ctx.db, ctx.caller, input.intoId, ctx.now());
  }),

  implement(api.cases.acknowledgeReport, (ctx, input) => {
    ctx.write((w) => acknowledgeReport(w, ctx.caller, input, ctx.now()));
    return getCaseDetail(ctx.db, ctx.caller, input.caseId, ctx.now());
  }),

  implement(api.cases.attach, (ctx, input) => {
    ctx.write((w) => {
      requireCase(w.db, ctx.caller, input.caseId);
      return fileDocuments(w, ctx.caller, input.caseId, null, [input], ctx.now());
    });
    return getCaseDetail(ctx.db, ctx.caller, input.caseId, ctx.now());
  }),

  implement(api.cases.document, (ctx, input) => {
    const { caseId, ...file } = readDocument(ctx.db, ctx.caller, input.id);
    ctx.audit([{ table: 'case_documents', id: input.id }], { case: caseId });
    return file;
  }),

  implement(api.cases.inbox, (ctx) => approvalInbox(ctx.db, ctx.caller, ctx.now())),

  implement(api.cases.board, (ctx, input) => deadlineBoard(ctx.db, ctx.caller, input, ctx.now())),

  implement(api.cases.alertCounts, (ctx) => alertCounts(ctx.db, ctx.caller, ctx.now())),

  implement(api.cases.statistics, (ctx, input) => caseStatistics(ctx.db, ctx.caller, input)),

  implement(api.cases.exportStatistics, async (ctx, input) => {
    const file = await statisticsWorkbook(caseStatistics(ctx.db, ctx.caller, input), shanghaiTimestamp(ctx.now()).slice(0, 19));
    ctx.audit([], { export: file.fileName });
    return file;
  }),

  implement(api.cases.exportDigest, async (ctx, input) => {
    const file = await digestWorkbook(deadlineBoard(ctx.db, ctx.caller, { ...input, limit: undefined }, ctx.now()));
    ctx.audit([], { export: file.fileName });
    return file;
  }),

  implement(api.cases.settings, (ctx) => loadSettings(ctx.db)),

  implement(api.cases.updateSettings, (ctx, input) => {
    // settings shape every deadline: only the commission's own users may change them
    if (!ctx.caller.scope.all) throw new AppError('OUT_OF_SCOPE', { unit: '' });
    ctx.write((w) => saveSettings(w, input, ctx.now()));
    return loadSettings(ctx.db);
  }),
];
