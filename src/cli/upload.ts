import fs from 'node:fs';
import path from 'node:path';
import { api } from '../shared/api';
import { run, type CliSession } from './context';

/** Raw bytes per files.appendUpload: its base64 stays under the contract's 12,000,000 characters. */
const CHUNK_BYTES = 8 * 1024 * 1024;

/** A file through the same chunked upload as the application's (files.*); returns the upload id. */
export async function uploadFile(session: CliSession, file: string): Promise<string> {
  const size = fs.statSync(file).size;
  const { uploadId } = await run(session, api.files.beginUpload, { fileName: path.basename(file), size });
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(size, 1)));
    for (let offset = 0; offset < size; ) {
      const read = fs.readSync(handle, buffer, 0, buffer.length, offset);
      if (read === 0) break;
      await run(session, api.files.appendUpload, { uploadId, offset, chunkBase64: buffer.subarray(0, read).toString('base64') });
      offset += read;
    }
  } catch (error) {
    await run(session, api.files.discardUpload, { uploadId });
    throw error;
  } finally {
    fs.closeSync(handle);
  }
  await run(session, api.files.finishUpload, { uploadId });
  return uploadId;
}
