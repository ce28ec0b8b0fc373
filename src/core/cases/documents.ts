// Documents filed with a case: letters, replies, reports, decisions. The bytes are stored once
// by their SHA-256 inside the encrypted database; a case names them through `case_documents`.
import { asc, eq } from 'drizzle-orm';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { CaseDocument, ExportedFile } from '../../shared/api/cases';
import type { Caller } from '../api/caller';
import { AppError } from '../api/errors';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { blobs, caseDocuments } from '../db/schema';
import { requireCase } from './commands';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface FileUpload {
  fileName: string;
  contentBase64: string;
}

function decode(file: FileUpload): Buffer {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('INVALID_INPUT', { issues: [`${file.fileName}: a document holds 1 byte to 20 MB`] });
  }
  return bytes;
}

/** Files documents with a case (and a step of it); returns their ids. */
export function fileDocuments(w: Writer, caller: Caller, caseId: string, eventId: string | null, files: FileUpload[], now: Date): string[] {
  const at = shanghaiTimestamp(now);
  return files.map((file) => {
    const bytes = decode(file);
    const hash = bytesToHex(sha256(bytes));
    // content-addressed: the same file filed twice is stored once
    w.db.insert(blobs).values({ sha256: hash, content: bytes, size: bytes.length }).onConflictDoNothing().run();
    const id = newId();
    w.insert(caseDocuments, { id, caseId, eventId, fileName: file.fileName, size: bytes.length, sha256: hash, addedBy: caller.actor, addedAt: at });
    return id;
  });
}

export function listDocuments(db: Db, caseId: string): CaseDocument[] {
  return db.select().from(caseDocuments).where(eq(caseDocuments.caseId, caseId)).orderBy(asc(caseDocuments.addedAt), asc(caseDocuments.id)).all();
}

/** A document's bytes, after checking the caller may see its case. */
export function readDocument(db: Db, caller: Caller, id: string): ExportedFile & { caseId: string } {
  const doc = db.select().from(caseDocuments).where(eq(caseDocuments.id, id)).get();
  if (!doc) throw new AppError('NOT_FOUND', { document: id });
  requireCase(db, caller, doc.caseId);
  const content = db.select({ content: blobs.content }).from(blobs).where(eq(blobs.sha256, doc.sha256)).get();
  if (!content) throw new AppError('NOT_FOUND', { document: id });
  return { caseId: doc.caseId, fileName: doc.fileName, contentBase64: content.content.toString('base64') };
}
