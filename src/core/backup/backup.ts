import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api';
import { AppError } from '../api/errors';
import { shanghaiTimestamp } from '../api/time';
import { applyKey, checkDatabase, vacuumInto } from '../db/cipher';
import { loadMigrations } from '../db/migrate';
import { keySlotPath, readKeySlots, unwrapKey, type KeySlotFile } from '../security/keyslots';
import { findUserSlot } from '../auth/accounts';
import { fsyncPath } from '../fs/durable';
import { markRestored } from '../sync/restored';

/**
 * A consistent copy of the live database, still encrypted with the same key (VACUUM INTO, never
 * a file copy of a database in use), with its key slots beside it.
 */
export function writeBackup(sqlite: Database.Database, dbFile: string, outFile: string, now: Date): BackupInfo {
  if (fs.existsSync(outFile)) throw new AppError('DB_EXISTS', { file: outFile });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  vacuumInto(sqlite, outFile);
  fs.copyFileSync(keySlotPath(dbFile), keySlotPath(outFile));
  // listBackups reads the time from the file: the same moment as the one returned here
  fs.utimesSync(outFile, now, now);
  return { file: outFile, bytes: fs.statSync(outFile).size, createdAt: shanghaiTimestamp(now) };
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** `backups/zhijian-YYYYMMDDHHmmss.db` in the data folder, with -2, -3 … for a second backup in the same second. */
export function defaultBackupFile(dataDir: string, now: Date): string {
  const base = path.join(backupsDir(dataDir), `zhijian-${shanghaiTimestamp(now).slice(0, 19).replace(/[-:T]/g, '')}`);
  let file = `${base}.db`;
  for (let n = 2; fs.existsSync(file) || fs.existsSync(keySlotPath(file)); n++) file = `${base}-${n}.db`;
  return file;
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

const DATABASE_SUFFIXES = ['', '-wal', '-shm', '-journal'];

function removeDatabaseFiles(file: string): void {
  for (const suffix of [...DATABASE_SUFFIXES, '.keys']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** `${target}.replaced-YYYYMMDDHHmmss`, with -2, -3 … when a restore in the same second already used it. */
function asideName(target: string, now: Date): string {
  const base = `${target}.replaced-${shanghaiTimestamp(now).slice(0, 19).replace(/[-:T]/g, '')}`;
  let name = base;
  for (let n = 2; [...DATABASE_SUFFIXES, '.keys'].some((suffix) => fs.existsSync(name + suffix)); n++) name = `${base}-${n}`;
  return name;
}

/** A backup's key slots: DB_NOT_FOUND without the backup, KEYSLOTS_MISSING without its `.keys`. */
export function backupKeySlots(backupFile: string): KeySlotFile {
  if (!fs.existsSync(backupFile)) throw new AppError('DB_NOT_FOUND', { file: backupFile });
  const slots = readKeySlots(backupFile);
  if (!slots) throw new AppError('KEYSLOTS_MISSING', { file: keySlotPath(backupFile) });
  return slots;
}

function refuseLockedTarget(target: string): void {
  if (!fs.existsSync(`${target}.lock`)) return;
  const owner = Number(fs.readFileSync(`${target}.lock`, 'utf8'));
  try {
    process.kill(owner, 0);
  } catch {
    return; // a stale lock of a process that is gone
  }
  throw new AppError('DATA_DIR_LOCKED', { pid: owner });
}

/**
 * Replaces `target` with a backup after checking it with the user's own password: its key slots
 * open it, it passes integrity_check, and this application knows its schema version. The check
 * runs on a copy beside the target (what is checked is what goes in); the target is touched only
 * once the copy checks out. The replaced database and its slots are kept aside, never deleted.
 */
export function restoreBackup(
  backupFile: string,
  target: string,
  credentials: { username: string; password: string },
  migrationsDir: string,
  now: Date,
): { restored: string; keptAside: string | null } {
  if (path.resolve(backupFile) === path.resolve(target)) throw new AppError('INVALID_INPUT', { issues: ['the backup is the database itself'] });
  const slots = backupKeySlots(backupFile);
  const slot = findUserSlot(slots, credentials.username);
  const key = slot ? unwrapKey(slot, credentials.password, slots.databaseId) : null;
  if (!key) throw new AppError('AUTH_FAILED');
  refuseLockedTarget(target);

  const incoming = `${target}.restoring`;
  removeDatabaseFiles(incoming);
  try {
    fs.copyFileSync(backupFile, incoming);
    fs.copyFileSync(keySlotPath(backupFile), keySlotPath(incoming));
    const check = checkDatabase(incoming, key);
    if (!check.ok) throw new AppError(check.reason === 'wrongKey' ? 'DB_KEY_REJECTED' : 'DB_CORRUPT', { file: backupFile });
    const known = loadMigrations(migrationsDir).length;
    if (check.userVersion > known) throw new AppError('DB_NEWER_VERSION', { databaseVersion: check.userVersion, applicationVersion: known });
    // the node is behind what its peers hold of it: they are to send that back (sync/restored.ts)
    const sqlite = new Database(incoming, { fileMustExist: true });
    try {
      applyKey(sqlite, key);
      markRestored(sqlite, shanghaiTimestamp(now));
    } finally {
      sqlite.close();
    }
    // the read-only check may leave -wal/-shm files of its own: the copy goes in alone
    for (const suffix of DATABASE_SUFFIXES.slice(1)) fs.rmSync(`${incoming}${suffix}`, { force: true });
    fsyncPath(incoming);
    fsyncPath(keySlotPath(incoming));
  } catch (error) {
    removeDatabaseFiles(incoming);
    throw error;
  } finally {
    key.fill(0);
  }

  let keptAside: string | null = null;
  if ([...DATABASE_SUFFIXES, '.keys'].some((suffix) => fs.existsSync(target + suffix))) {
    keptAside = asideName(target, now);
    for (const suffix of [...DATABASE_SUFFIXES, '.keys']) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, keptAside + suffix);
    }
  }
  // the database before its slots: a crash in between leaves KEYSLOTS_MISSING, never slots that open an empty file
  fs.renameSync(incoming, target);
  fs.renameSync(keySlotPath(incoming), keySlotPath(target));
  fsyncPath(path.dirname(target));
  return { restored: target, keptAside };
}
