// Backups of the encrypted database (backup.create: VACUUM INTO beside the key slots) and their
// restore (restoreBackup): on one demo database per file, built once; the writes that happen
// during a backup come from a separate writer process (src/core/crash/writer-child.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type AuditVerification, type BackupInfo, type SessionOpened } from '../../shared/api';
import { openCore, type Core } from '../api/core';
import { AppError } from '../api/errors';
import { findUserSlot } from '../auth/accounts';
import { buildWriter, halfDoneOperations, missingWrites, startWriter, type Acknowledged } from '../crash/harness';
import { applyKey, checkDatabase } from '../db/cipher';
import { loadMigrations } from '../db/migrate';
import { MIGRATIONS_DIR } from '../paths';
import { readKeySlots, unwrapKey } from '../security/keyslots';
import { ADMIN, syntheticId, TEST_KDF, tempDir, testCore } from '../testing/fixtures';
import { restoreBackup } from './backup';

let live: { core: Core; dbFile: string };
let bundle: string;
/** a backup of the demo database, written by the first test, and the people it holds */
let backup: string;
let backupPeople: number;

beforeAll(async () => {
  const [demo, built] = await Promise.all([testCore({ demo: true, lifetime: 'file' }), buildWriter(tempDir('file'))]);
  live = demo;
  bundle = built;
}, 120_000);

/** The master key behind a backup's slots, unwrapped with the administrator's password. */
function masterKey(dbFile: string): Uint8Array {
  const slots = readKeySlots(dbFile)!;
  return unwrapKey(findUserSlot(slots, ADMIN.username)!, ADMIN.password, slots.databaseId)!;
}

/** The database (and its key slots) as a user opens it: logged in as the administrator. */
async function openAsAdmin(dbFile: string): Promise<{ core: Core; token: string }> {
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
  try {
    const { sessionToken } = (await core.call(api.auth.login.name, ADMIN)) as SessionOpened;
    return { core, token: sessionToken! };
  } catch (error) {
    core.close();
    throw error;
  }
}

function peopleCount(core: Core): number {
  return core.database.sqlite.prepare('SELECT count(*) FROM people').pluck().get() as number;
}

/** Copies a database file and its key slots (the database must be closed). */
function copyDatabase(from: string, to: string): string {
  fs.copyFileSync(from, to);
  fs.copyFileSync(`${from}.keys`, `${to}.keys`);
  return to;
}

/** A file's SHA-256 (a failure then prints two hashes, not two buffers of megabytes). */
function digest(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every file of a folder with its digest, to show that a refused restore touched nothing. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).map((name) => [name, digest(path.join(dir, name))]));
}

function appErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('backup.create', () => {
  it('writes an encrypted copy of the database and its key slots, which opens with the same password', async () => {
    backup = path.join(tempDir('file'), 'backup.db');
    const info = (await live.core.call(api.backup.create.name, { file: backup })) as BackupInfo;
    expect(info).toMatchObject({ file: backup, bytes: fs.statSync(backup).size });
    expect(digest(`${backup}.keys`)).toBe(digest(`${live.dbFile}.keys`));
    expect(fs.readdirSync(path.dirname(backup)).sort()).toEqual(['backup.db', 'backup.db.keys']);

    // no plaintext header, and no demo person's name or ID number anywhere in the file
    const bytes = fs.readFileSync(backup);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const people = live.core.database.sqlite.prepare("SELECT name, id_number AS idNumber FROM people WHERE length(name) >= 3 LIMIT 200").all() as {
      name: string;
      idNumber: string;
    }[];
    expect(people.length).toBeGreaterThan(100);
    const leaked = people.flatMap((p) => [p.name, p.idNumber]).filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
    expect(leaked).toEqual([]);

    const check = checkDatabase(backup, masterKey(backup));
    expect(check).toEqual({ ok: true, userVersion: loadMigrations(MIGRATIONS_DIR).length, applicationId: expect.any(Number) });
    const copy = await openAsAdmin(copyDatabase(backup, path.join(tempDir(), 'copy.db')));
    try {
      backupPeople = peopleCount(copy.core);
      expect(backupPeople).toBe(peopleCount(live.core));
    } finally {
      copy.core.close();
    }

    // an existing file is never overwritten
    await expect(live.core.call(api.backup.create.name, { file: backup })).rejects.toMatchObject({ code: 'DB_EXISTS' });
    expect(digest(backup)).toBe(createHash('sha256').update(bytes).digest('hex'));
  }, 60_000);

  it('is consistent when another process writes while it is taken', async () => {
    const peopleBefore = peopleCount(live.core);
    const writer = startWriter(bundle, live.dbFile, 0, ADMIN);
    const copies: { file: string; before: Acknowledged }[] = [];
    const copy = (a: Acknowledged): Acknowledged => ({ imported: [...a.imported], created: [...a.created], linked: [...a.linked], people: [...a.people] });
    try {
      await writer.writing;
      const dir = tempDir();
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const before = copy(writer.acknowledged);
        const file = path.join(dir, `during-${i}.db`);
        await live.core.call(api.backup.create.name, { file });
        copies.push({ file, before });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      writer.child.kill('SIGKILL');
    }
    expect(await writer.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(writer.stderr()).toBe('');
    // every people write of the writer, in order (all but the last few were long acknowledged by now)
    const written = writer.acknowledged.people;
    // the writer went on writing between the backups
    expect(written.length).toBeGreaterThan(copies.at(-1)!.before.people.length);
    expect(copies.at(-1)!.before.people.length).toBeGreaterThan(copies[0]!.before.people.length);

    for (const { file, before } of copies) {
      const { core, token } = await openAsAdmin(file);
      try {
        const { sqlite } = core.database;
        expect(sqlite.pragma('integrity_check', { simple: true }), file).toBe('ok');
        // every write acknowledged before the backup started is in it, none half done
        expect(missingWrites(sqlite, before), file).toEqual([]);
        expect(halfDoneOperations(sqlite), file).toEqual([]);
        expect((await core.call(api.audit.verify.name, {}, token)) as AuditVerification).toMatchObject({ ok: true, firstBroken: null });
        // one moment of the writer's stream: exactly its first k people, k at least what was acknowledged before
        const k = peopleCount(core) - peopleBefore;
        expect(k).toBeGreaterThanOrEqual(before.people.length);
        expect(k).toBeLessThanOrEqual(written.length);
        const inBackup = sqlite.prepare('SELECT 1 FROM people WHERE id_number = ?').pluck();
        expect(written.slice(0, k).filter((id) => inBackup.get(id) === undefined), file).toEqual([]);
      } finally {
        core.close();
      }
    }
  }, 60_000);

  it('puts backups without a file name into the data folder, two in the same second too, and lists them newest first', async () => {
    const first = (await live.core.call(api.backup.create.name, {})) as BackupInfo;
    const second = (await live.core.call(api.backup.create.name, {})) as BackupInfo;
    expect(path.dirname(first.file)).toBe(path.join(path.dirname(live.dbFile), 'backups'));
    expect(second.file).not.toBe(first.file);
    expect(fs.existsSync(`${first.file}.keys`) && fs.existsSync(`${second.file}.keys`)).toBe(true);
    // the list says what backup.create said
    expect((await live.core.call(api.backup.list.name, {})) as BackupInfo[]).toEqual([second, first]);
  });
});

describe('restoreBackup', () => {
  /** A database of its own (another master key) with one person, closed: what a restore replaces. */
  async function target(): Promise<string> {
    const { core, dbFile } = await testCore();
    await core.call(api.people.create.name, { name: '原有', idNumber: syntheticId('530702', '19760405', '118') });
    core.close();
    return dbFile;
  }

  it('replaces the database, keeping the replaced one aside, still opening with its own key', async () => {
    const dbFile = await target();
    const old = snapshot(path.dirname(dbFile));
    const now = new Date('2026-03-05T02:03:04Z');
    const first = restoreBackup(backup, dbFile, ADMIN, MIGRATIONS_DIR, now);
    expect(first).toEqual({ restored: dbFile, keptAside: `${dbFile}.replaced-20260305100304` });
    expect(digest(first.keptAside!)).toBe(old['test.db']);
    expect(digest(`${first.keptAside!}.keys`)).toBe(old['test.db.keys']);
    expect(digest(`${dbFile}.keys`)).toBe(digest(`${backup}.keys`));

    const restored = await openAsAdmin(dbFile);
    try {
      expect(peopleCount(restored.core)).toBe(backupPeople);
      // the backup, marked as restored: its peers are to send back what it made after (sync/restored.ts)
      const mark = restored.core.database.sqlite.prepare("SELECT value FROM meta WHERE key = 'sync_restored'").pluck().get() as string;
      expect(JSON.parse(mark)).toMatchObject({ at: '2026-03-05T10:03:04.000+08:00', caughtUp: [] });
    } finally {
      restored.core.close();
    }
    const replaced = await openAsAdmin(first.keptAside!);
    try {
      expect(replaced.core.database.sqlite.prepare('SELECT name FROM people').pluck().all()).toEqual(['原有']);
    } finally {
      replaced.core.close();
    }

    // a second restore in the same second keeps the first one's files, under another name
    const aside = [digest(first.keptAside!), digest(`${first.keptAside!}.keys`)];
    const second = restoreBackup(backup, dbFile, ADMIN, MIGRATIONS_DIR, now);
    expect(second.keptAside).toBe(`${dbFile}.replaced-20260305100304-2`);
    expect([digest(first.keptAside!), digest(`${first.keptAside!}.keys`)]).toEqual(aside);
    expect(fs.readdirSync(path.dirname(dbFile)).filter((name) => name.includes('.restoring'))).toEqual([]);
  });

  it('refuses a newer version, a wrong password, missing key slots, a foreign key, and a truncated file, touching nothing', async () => {
    const dbFile = await target();
    const dir = path.dirname(dbFile);
    const backups = tempDir();

    const newer = copyDatabase(backup, path.join(backups, 'newer.db'));
    const sqlite = new Database(newer);
    applyKey(sqlite, masterKey(newer));
    sqlite.pragma(`user_version = ${loadMigrations(MIGRATIONS_DIR).length + 1}`);
    sqlite.close();

    const noKeys = path.join(backups, 'no-keys.db');
    fs.copyFileSync(backup, noKeys);
    // the target's slots (same administrator password) beside the backup: they unwrap a key that does not open it
    const foreign = path.join(backups, 'foreign.db');
    fs.copyFileSync(backup, foreign);
    fs.copyFileSync(`${dbFile}.keys`, `${foreign}.keys`);
    const size = fs.statSync(backup).size;
    const cutMidPage = copyDatabase(backup, path.join(backups, 'cut-mid-page.db'));
    fs.truncateSync(cutMidPage, Math.floor(size / 2) + 100);
    const cutAtPage = copyDatabase(backup, path.join(backups, 'cut-at-page.db'));
    fs.truncateSync(cutAtPage, Math.floor(size / 2 / 4096) * 4096);

    const before = snapshot(dir);
    const cases: [string, string, { username: string; password: string }][] = [
      [newer, 'DB_NEWER_VERSION', ADMIN],
      [backup, 'AUTH_FAILED', { username: ADMIN.username, password: 'not-the-password-1' }],
      [backup, 'AUTH_FAILED', { username: 'nobody', password: ADMIN.password }],
      [noKeys, 'KEYSLOTS_MISSING', ADMIN],
      [foreign, 'DB_KEY_REJECTED', ADMIN],
      [cutMidPage, 'DB_CORRUPT', ADMIN],
      [cutAtPage, 'DB_CORRUPT', ADMIN],
      [path.join(backups, 'missing.db'), 'DB_NOT_FOUND', ADMIN],
      [dbFile, 'INVALID_INPUT', ADMIN],
    ];
    const refused = cases.map(([file, , credentials]) => `${path.basename(file)}: ${appErrorCode(() => restoreBackup(file, dbFile, credentials, MIGRATIONS_DIR, new Date()))}`);
    expect(refused).toEqual(cases.map(([file, code]) => `${path.basename(file)}: ${code}`));
    expect(snapshot(dir)).toEqual(before);
  });
});
