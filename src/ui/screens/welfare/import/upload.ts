import { api } from '../../../../shared/api';
import { call } from '../../../bridge/client';
import { readAsBase64 } from '../../import/file-base64';

/** 4 MB of file per request: about 5.6 MB of base64, well inside what one request may carry. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Sends a file to the core in chunks (a month's disbursements run to 150 MB, too much for one
 * request or one string), reporting the bytes sent. A failed upload is discarded, not left in
 * the session's temporary files.
 */
export async function uploadFile(file: File, onProgress: (sent: number) => void): Promise<{ uploadId: string; size: number; sha256: string }> {
  const { uploadId } = await call(api.files.beginUpload, { fileName: file.name, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
      const end = Math.min(file.size, offset + CHUNK_BYTES);
      const chunkBase64 = await readAsBase64(new File([file.slice(offset, end)], file.name));
      await call(api.files.appendUpload, { uploadId, offset, chunkBase64 });
      onProgress(end);
    }
    return await call(api.files.finishUpload, { uploadId });
  } catch (error) {
    discardUpload(uploadId);
    throw error;
  }
}

/** Lets the core drop an upload that will not be imported; a failure here changes nothing for the user. */
export function discardUpload(uploadId: string): void {
  call(api.files.discardUpload, { uploadId }).catch(() => undefined);
}
