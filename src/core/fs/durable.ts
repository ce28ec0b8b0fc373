import fs from 'node:fs';

/**
 * Flushes a file, or a folder's entries (after a rename into it), to disk. Best effort: Windows
 * cannot open a folder, and its renames are made durable by NTFS's own journal.
 */
export function fsyncPath(target: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch {
    // see above
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
