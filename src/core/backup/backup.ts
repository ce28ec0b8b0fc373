import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api';
import { AppError } from '../api/errors';
import { shanghaiTimestamp } from '../api/time';
import { checkDatabase, vacuumInto } from '../db/cipher';
import { loadMigrations } from '../db/migrate';
import { keySlotPath, readKeySlots, unwrapKey } from '../security/keyslots';
import { findUserSlot } from '../auth/accounts';

/**
 * A consistent copy of the live database, still encrypted with the same key (VACUUM INTO, never
 * a file copy of a database in use), with its key slots beside it.
 */
export function writeBackup(sqlite: Database.Database, dbFile: string, outFile: string, now: Date): BackupInfo {
  if (fs.existsSync(outFile)) throw new AppError('DB_EXISTS', { file: outFile });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  vacuumInto(sqlite, outFile);
  fs.copyFileSync(keySlotPath(dbFile), keySlotPath(outFile));
  return { file: outFile, bytes: fs.statSync(outFile).size, createdAt: shanghaiTimestamp(now) };
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.db'))
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { file: path.join(dir, name), bytes: stat.size, createdAt: shanghaiTimestamp(stat.mtime) };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Replaces `target` with a backup after checking it with the user's own password: its key slots
 * open it, it passes integrity_check, and this application knows its schema version. The
 * replaced database and its slots are kept aside, never deleted.
 */
export function restoreBackup(
  backupFile: string,
  target: string,
  credentials: { username: string; password: string },
  migrationsDir: string,
  now: Date,
): { restored: string; keptAside: string | null } {
  if (!fs.existsSync(backupFile)) throw new AppError('DB_NOT_FOUND', { file: backupFile });
  const slots = readKeySlots(backupFile);
  if (!slots) throw new AppError('KEYSLOTS_MISSING', { file: keySlotPath(backupFile) });
  const slot = findUserSlot(slots, credentials.username);
  const key = slot ? unwrapKey(slot, credentials.password, slots.databaseId) : null;
  if (!key) throw new AppError('AUTH_FAILED');
  const check = checkDatabase(backupFile, key);
  if (!check.ok) throw new AppError(check.reason === 'wrongKey' ? 'DB_KEY_REJECTED' : 'DB_CORRUPT', { file: backupFile });
  const known = loadMigrations(migrationsDir).length;
  if (check.userVersion > known) throw new AppError('DB_NEWER_VERSION', { databaseVersion: check.userVersion, applicationVersion: known });
  if (fs.existsSync(`${target}.lock`)) {
    const owner = Number(fs.readFileSync(`${target}.lock`, 'utf8'));
    try {
      process.kill(owner, 0);
      throw new AppError('DATA_DIR_LOCKED', { pid: owner });
    } catch (error) {
      if (error instanceof AppError) throw error;
    }
  }
  let keptAside: string | null = null;
  if (fs.existsSync(target)) {
    keptAside = `${target}.replaced-${shanghaiTimestamp(now).slice(0, 19).replace(/[-:T]/g, '')}`;
    for (const suffix of ['', '-wal', '-shm', '.keys']) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, keptAside + suffix);
    }
  }
  fs.copyFileSync(backupFile, target);
  fs.copyFileSync(keySlotPath(backupFile), keySlotPath(target));
  return { restored: target, keptAside };
}
