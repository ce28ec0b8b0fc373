// Verification of hits: the analyst assigns them to a county, the county records its finding
// with its documents, and the confirmed hits of one recipient become one clue in the case
// workflow. Each runs inside the caller's ctx.write and sees only the caller's hits.
import { and, eq } from 'drizzle-orm';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ExportedFile } from '../../shared/api/cases';
import type { ParsedInputOf } from '../../shared/api/procedure';
import { welfare as welfareApi } from '../../shared/api/welfare';
import type { Caller } from '../api/caller';
import { AppError } from '../api/errors';
import { newId } from '../api/ids';
import { shanghaiDate, shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import { requireInScope } from '../auth/scope';
import { intakeClue } from '../cases/commands';
import { fileDocuments, MAX_DOCUMENT_BYTES, type FileUpload } from '../cases/documents';
import type { Db } from '../db/open';
import { blobs, orgUnits, welfareHitDocuments, welfareHitEntries, welfareHits } from '../db/schema';
import { parseIdNumber } from '../registry/id-number';
import { confirmedHitsOf, evidenceRefs, requireHit, visibleHits } from './hits';
import { resolveEvidence } from './evidence';
import { clueText, evidenceCsv } from './exports';

/** A hit the county has found on: its assignment is settled. */
const FOUND_ON = new Set(['confirmed', 'explained', 'data_error', 'handed_over']);

/**
 * Sends hits to a county (or the city) for verification; returns how many moved. A hit already
 * with that unit is left as it is; a hit the county has already found on is refused, all of the
 * request with it (say which): taking it back would silently void the county's finding.
 */
export function assignHits(w: Writer, caller: Caller, hitIds: string[], unitId: string, now: Date): number {
  const unit = w.db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.id, unitId)).get();
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { unit: unitId });
  requireInScope(caller.scope, unitId);
  if (unit.kind !== 'county' && unit.kind !== 'city') {
    throw new AppError('INVALID_INPUT', { issues: [`unitId: ${unit.name} is not a county or the city`] });
  }
  const ids = [...new Set(hitIds)];
  const hits = visibleHits(w.db, caller, ids);
  const seen = new Set(hits.map((h) => h.id));
  const missing = ids.find((id) => !seen.has(id));
  if (missing) throw new AppError('WELFARE_HIT_NOT_FOUND', { id: missing });
  const settled = hits.filter((h) => FOUND_ON.has(h.status));
  if (settled.length > 0) {
    throw new AppError('INVALID_INPUT', {
      issues: settled.slice(0, 20).map((h) => `${h.id} (${h.name} ${h.rule} ${h.period}): already ${h.status}, not re-assigned`),
    });
  }
  const at = shanghaiTimestamp(now);
  // a board's selection runs to thousands of hits: one prepared statement each for the rows
  const moving = hits.filter((h) => h.assignedUnitId !== unitId);
  w.updateMany(
    welfareHits,
    moving.map((h) => ({ id: h.id, current: h, patch: { status: 'assigned' as const, assignedUnitId: unitId } })),
    { updatedAt: at },
  );
  w.insertMany(
    welfareHitEntries,
    moving.map((h) => ({ id: newId(), hitId: h.id, kind: 'assigned' as const, at, by: caller.userId!, actor: caller.actor, unitId })),
  );
  return moving.length;
}

function fileHitDocuments(w: Writer, caller: Caller, hitId: string, entryId: string, files: FileUpload[], now: Date): void {
  const at = shanghaiTimestamp(now);
  for (const file of files) {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES) {
      throw new AppError('INVALID_INPUT', { issues: [`${file.fileName}: a document holds 1 byte to 20 MB`] });
    }
    const hash = bytesToHex(sha256(bytes));
    // the same bytes as case documents: stored once, whoever filed them first
    w.db.insert(blobs).values({ sha256: hash, content: bytes, size: bytes.length }).onConflictDoNothing().run();
    w.insert(welfareHitDocuments, { id: newId(), hitId, entryId, fileName: file.fileName, size: bytes.length, sha256: hash, addedBy: caller.userId!, addedByActor: caller.actor, addedAt: at });
  }
}

/**
 * The county's finding on an assigned hit. Recorded again it is a correction: the new finding
 * sets the status, the history keeps both. A hit already handed over stays as the clue has it.
 */
export function recordFinding(w: Writer, caller: Caller, input: ParsedInputOf<typeof welfareApi.recordFinding>, now: Date): void {
  const hit = requireHit(w.db, caller, input.hitId);
  if (hit.status === 'new') throw new AppError('WELFARE_HIT_NOT_ASSIGNED', { id: hit.id });
  if (hit.status === 'handed_over') throw new AppError('INVALID_INPUT', { issues: [`hitId: already handed over as a clue (${hit.caseId})`] });
  if (input.finding !== 'confirmed' && !input.reason) throw new AppError('INVALID_INPUT', { issues: [`reason: required for ${input.finding}`] });
  if (input.finding !== 'confirmed' && input.recoverableFen !== undefined) {
    throw new AppError('INVALID_INPUT', { issues: ['recoverableFen: only a confirmed hit has an amount to recover'] });
  }
  const at = shanghaiTimestamp(now);
  const entryId = newId();
  w.insert(welfareHitEntries, {
    id: entryId,
    hitId: hit.id,
    kind: 'finding',
    at,
    by: caller.userId!,
    actor: caller.actor,
    unitId: hit.assignedUnitId,
    finding: input.finding,
    reason: input.reason,
    recoverableFen: input.recoverableFen ?? null,
  });
  fileHitDocuments(w, caller, hit.id, entryId, input.documents, now);
  w.update(welfareHits, hit.id, { status: input.finding }, { updatedAt: at });
}

/** A document filed with a hit the caller may see. */
export function readHitDocument(db: Db, caller: Caller, hitId: string, documentId: string): ExportedFile {
  requireHit(db, caller, hitId);
  const doc = db
    .select({ fileName: welfareHitDocuments.fileName, content: blobs.content })
    .from(welfareHitDocuments)
    .innerJoin(blobs, eq(blobs.sha256, welfareHitDocuments.sha256))
    .where(and(eq(welfareHitDocuments.id, documentId), eq(welfareHitDocuments.hitId, hitId)))
    .get();
  if (!doc) throw new AppError('NOT_FOUND', { document: documentId });
  return { fileName: doc.fileName, contentBase64: doc.content.toString('base64') };
}

/**
 * Turns the recipient's confirmed hits into one clue (source: big data) in the unit the named
 * hit is assigned to, the evidence attached as a CSV; the hits become handed_over. Confirmed
 * hits of the same recipient assigned to another unit are that unit's to hand over.
 *
 * intakeClue checks the unit's scope but not the permission of `cases.intake` (the procedure
 * does): registering a clue is intake, so the caller must hold it besides `welfare.verify`.
 */
export function handOver(w: Writer, caller: Caller, hitId: string, now: Date): { caseId: string; hitIds: string[] } {
  if (!caller.permissions.has('cases.intake')) throw new AppError('FORBIDDEN', { procedure: 'welfare.handOver', permission: 'cases.intake' });
  const named = requireHit(w.db, caller, hitId);
  const unitId = named.assignedUnitId;
  const hits = unitId ? confirmedHitsOf(w.db, caller, named.idNumber, unitId) : [];
  if (!unitId || hits.length === 0) throw new AppError('WELFARE_NOTHING_TO_HAND_OVER', { idNumber: named.idNumber });
  const text = clueText(named, hits);
  const today = shanghaiDate(now);
  // an invalid ID number (R11) cannot name a subject: it stays in the summary and the evidence
  const idNumber = parseIdNumber(named.idNumber).valid ? named.idNumber : null;
  const caseId = intakeClue(
    w,
    caller,
    { title: text.title, source: 'big_data', receivedDate: today, unitId, summary: text.summary, subjects: [{ name: named.name, idNumber }] },
    now,
  );
  const evidence = hits.map((h) => ({ hit: h, records: resolveEvidence(w.db, evidenceRefs(h), h.idNumber) }));
  fileDocuments(w, caller, caseId, null, [evidenceCsv(named.name, today, evidence)], now);
  const at = shanghaiTimestamp(now);
  for (const hit of hits) {
    w.update(welfareHits, hit.id, { status: 'handed_over', caseId }, { updatedAt: at });
    w.insert(welfareHitEntries, { id: newId(), hitId: hit.id, kind: 'handed_over', at, by: caller.userId!, actor: caller.actor, unitId, caseId });
  }
  return { caseId, hitIds: hits.map((h) => h.id) };
}
