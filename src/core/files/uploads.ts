/**
 * Files too large for one request (a month's disbursements run to 150 MB) arrive in chunks into
 * a temporary file, `<data folder>/uploads/<upload id>`, which an import then streams. The
 * temporary file is plaintext (the database is encrypted), so it lives only as long as it must:
 * it is deleted after its import (whatever the outcome), on discard, when left idle, and when a
 * core starts.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { newId } from '../api/ids';

/** An upload nobody has touched for this long is abandoned (a closed window, a lost connection). */
const IDLE_MS = 60 * 60 * 1000;

// a plain class, not groups of four: a backtracking group overflows the stack on an 11 MB chunk
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

interface Upload {
  id: string;
  userId: string;
  fileName: string;
  size: number;
  path: string;
  received: number;
  hash: Hash;
  handle: FileHandle | null;
  /** the writes so far, in order */
  pending: Promise<unknown>;
  sha256: string | null;
  /** set while an import reads the file */
  importing: AbortController | null;
  touchedAt: number;
}

/** One core's uploads: two cores in one process (tests) each keep their own. */
class Uploads {
  readonly byId = new Map<string, Upload>();
  constructor(readonly dir: string) {}
}

const registries = new WeakMap<object, Uploads>();

function uploadsOf(ctx: Context): Uploads {
  let uploads = registries.get(ctx.vault);
  if (!uploads) registries.set(ctx.vault, (uploads = new Uploads(path.join(ctx.dataDir, 'uploads'))));
  return uploads;
}

/** The caller's upload: someone else's is as unknown as one that never existed. */
function ownUpload(ctx: Context, uploadId: string): Upload {
  const upload = uploadsOf(ctx).byId.get(uploadId);
  if (!upload || upload.userId !== ctx.caller.userId) throw new AppError('UPLOAD_NOT_FOUND', { uploadId });
  upload.touchedAt = Date.now();
  return upload;
}

async function remove(uploads: Uploads, upload: Upload): Promise<void> {
  uploads.byId.delete(upload.id);
  await upload.pending.catch(() => {});
  await upload.handle?.close().catch(() => {});
  upload.handle = null;
  await rm(upload.path, { force: true });
}

async function removeIdle(uploads: Uploads, now: number): Promise<void> {
  for (const upload of [...uploads.byId.values()]) {
    if (!upload.importing && now - upload.touchedAt > IDLE_MS) await remove(uploads, upload);
  }
}

export async function beginUpload(ctx: Context, input: { fileName: string; size: number }): Promise<{ uploadId: string }> {
  const uploads = uploadsOf(ctx);
  await removeIdle(uploads, Date.now());
  await mkdir(uploads.dir, { recursive: true, mode: 0o700 });
  const id = newId();
  const file = path.join(uploads.dir, id);
  const handle = await open(file, 'wx', 0o600);
  uploads.byId.set(id, {
    id,
    userId: ctx.caller.userId!,
    fileName: input.fileName,
    size: input.size,
    path: file,
    received: 0,
    hash: createHash('sha256'),
    handle,
    pending: Promise.resolve(),
    sha256: null,
    importing: null,
    touchedAt: Date.now(),
  });
  return { uploadId: id };
}

/** Appends a chunk at `offset`, which must be where the last one ended, never beyond the declared size. */
export async function appendUpload(ctx: Context, input: { uploadId: string; offset: number; chunkBase64: string }): Promise<{ received: number }> {
  const upload = ownUpload(ctx, input.uploadId);
  if (input.offset !== upload.received) throw new AppError('UPLOAD_OUT_OF_ORDER', { offset: input.offset, expected: upload.received });
  // Buffer.from would skip what is not base64 and store a damaged chunk
  if (input.chunkBase64.length % 4 !== 0 || !BASE64.test(input.chunkBase64)) throw new AppError('INVALID_INPUT', { issues: ['chunkBase64: not base64'] });
  const bytes = Buffer.from(input.chunkBase64, 'base64');
  if (upload.received + bytes.length > upload.size) throw new AppError('UPLOAD_TOO_LARGE', { size: upload.size });
  // taken before the write, so that a second chunk sent at once is checked against it
  const offset = upload.received;
  upload.received += bytes.length;
  upload.hash.update(bytes);
  const handle = upload.handle!;
  const write = upload.pending.then(() => handle.write(bytes, 0, bytes.length, offset));
  upload.pending = write;
  try {
    await write;
  } catch (error) {
    await remove(uploadsOf(ctx), upload);
    throw error;
  }
  return { received: upload.received };
}

/** Closes the file once every declared byte has arrived; its size and SHA-256 identify it from now on. */
export async function finishUpload(ctx: Context, input: { uploadId: string }): Promise<{ uploadId: string; size: number; sha256: string }> {
  const upload = ownUpload(ctx, input.uploadId);
  if (upload.sha256 === null) {
    if (upload.received !== upload.size) throw new AppError('UPLOAD_OUT_OF_ORDER', { offset: upload.received, expected: upload.size });
    await upload.pending;
    await upload.handle?.close();
    upload.handle = null;
    upload.sha256 = upload.hash.digest('hex');
  }
  return { uploadId: upload.id, size: upload.size, sha256: upload.sha256 };
}

/** Deletes the upload, stopping its import if one reads it. Unknown (already gone): false. */
export async function discardUpload(ctx: Context, input: { uploadId: string }): Promise<{ discarded: boolean }> {
  let upload: Upload;
  try {
    upload = ownUpload(ctx, input.uploadId);
  } catch {
    return { discarded: false };
  }
  // the import deletes the file once it has stopped
  if (upload.importing) upload.importing.abort();
  else await remove(uploadsOf(ctx), upload);
  return { discarded: true };
}

export interface UploadedFile {
  path: string;
  fileName: string;
  size: number;
  sha256: string;
}

/** A finished upload of the caller's, to read. */
export function uploadedFile(ctx: Context, uploadId: string): UploadedFile {
  const upload = ownUpload(ctx, uploadId);
  if (upload.sha256 === null) throw new AppError('UPLOAD_OUT_OF_ORDER', { offset: upload.received, expected: upload.size });
  return { path: upload.path, fileName: upload.fileName, size: upload.size, sha256: upload.sha256 };
}

/**
 * Runs an import of a finished upload, which `cancelImport` (or a discard) can stop through the
 * signal; the upload is deleted afterwards, whatever the outcome.
 */
export async function importUpload<T>(ctx: Context, uploadId: string, run: (file: UploadedFile, signal: AbortSignal) => Promise<T>): Promise<T> {
  const file = uploadedFile(ctx, uploadId);
  const upload = ownUpload(ctx, uploadId);
  if (upload.importing) throw new AppError('UPLOAD_NOT_FOUND', { uploadId });
  const controller = new AbortController();
  upload.importing = controller;
  try {
    return await run(file, controller.signal);
  } finally {
    await remove(uploadsOf(ctx), upload);
  }
}

/** Stops the import reading the upload; false when none does (it ended, or never started). */
export function cancelImport(ctx: Context, input: { uploadId: string }): { cancelled: boolean } {
  const upload = uploadsOf(ctx).byId.get(input.uploadId);
  if (!upload || upload.userId !== ctx.caller.userId || !upload.importing) return { cancelled: false };
  upload.importing.abort();
  return { cancelled: true };
}

/**
 * At a core's start: removes upload files a process that ended left behind. A core that owns the
 * data folder (`all`: the desktop or the server) removes them all; a command run beside it only
 * those idle long enough that no upload can still be under way.
 */
export function removeStaleUploads(dataDir: string, options: { all: boolean; now?: number }): number {
  const dir = path.join(dataDir, 'uploads');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  const now = options.now ?? Date.now();
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (options.all || now - fs.statSync(file).mtimeMs > IDLE_MS) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    } catch {
      // in use elsewhere (Windows) or gone meanwhile: left for the next start
    }
  }
  return removed;
}
