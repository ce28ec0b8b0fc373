import fs from 'node:fs';
import { AppError } from '../api/errors';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Keeps a second application instance off the same database: a lock file holding the owner's
 * pid, taken atomically, replaced when its owner is gone (a crash leaves it behind).
 */
export function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new AppError('DATA_DIR_LOCKED', { pid: owner });
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new AppError('DATA_DIR_LOCKED', {});
}
