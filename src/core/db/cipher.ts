/**
 * Database encryption with SQLite3 Multiple Ciphers (the better-sqlite3 build we ship), with a
 * raw 32-byte key, so no KDF runs when the database opens (the key slots did that). The WAL is
 * encrypted too.
 *
 * New databases are AEGIS-256 (authenticated encryption, a random nonce and a tag per page) with
 * 16 KiB pages. The pages a large import writes are encrypted, then decrypted and encrypted
 * again by the checkpoint: with SQLCipher's AES-256-CBC and HMAC-SHA512 that is a third of the
 * cost of writing a welfare row, with AEGIS (on AES instructions) next to nothing
 * (scripts/bench/db-schemes.ts). Databases made before are SQLCipher 4, with 16 KiB pages or
 * SQLCipher's own 4 KiB. The scheme is fixed when a file is made and cannot be read without the
 * key, so a connection tries each (SCHEMES). AEGIS keeps bytes 16–23 of page 1 (page size,
 * reserved bytes) in the clear, so one try fits every page size.
 *
 * What SQLite3MC does, checked on this build (SQLite 3.53.2, SQLite3MC 2.3.5), with either scheme:
 * - a wrong key, a key of the other scheme, and a plaintext file opened with a key, fail on the
 *   first read with SQLITE_NOTADB, as does a file shorter than one page; a file cut after page 1
 *   fails with SQLITE_CORRUPT, as does a page with one bit changed; a zero-length file opens as
 *   a new, empty database;
 * - `PRAGMA rekey` refuses to run in WAL mode ("Rekeying is not supported in WAL journal mode")
 *   and works on a plaintext database in rollback-journal mode, keeping its page size;
 * - `VACUUM INTO` writes a copy encrypted with the source's key and scheme; it takes no URI
 *   parameters here (SQLITE_CANTOPEN), so it cannot encrypt a plaintext source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bytesToHex } from '@noble/hashes/utils.js';
import Database from 'better-sqlite3';
import { AppError } from '../api/errors';
import { fsyncPath } from '../fs/durable';

export const DB_KEY_BYTES = 32;
/** How our databases are encrypted, the one new files get first. */
export interface Scheme {
  cipher: 'aegis' | 'sqlcipher';
  pageSize: number;
}
export const SCHEMES: readonly Scheme[] = [
  { cipher: 'aegis', pageSize: 16_384 },
  // databases made before AEGIS: SQLCipher needs the page size, which it encrypts
  { cipher: 'sqlcipher', pageSize: 16_384 },
  { cipher: 'sqlcipher', pageSize: 4096 },
];
/** The smallest page size of any database of ours: an encrypted file is a whole number of them. */
const SMALLEST_PAGE = 4096;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function cipherPragmas(sqlite: Database.Database, key: Uint8Array, pragma: 'key' | 'rekey', scheme: Scheme): void {
  if (!(key instanceof Uint8Array) || key.length !== DB_KEY_BYTES) throw new RangeError(`a database key has ${DB_KEY_BYTES} bytes`);
  sqlite.pragma(`cipher = '${scheme.cipher}'`);
  if (scheme.cipher === 'sqlcipher') {
    sqlite.pragma('legacy = 4');
    sqlite.pragma(`legacy_page_size = ${scheme.pageSize}`);
  }
  // x'…' with 64 hex digits: a raw key, used as is (no KDF)
  const rows = sqlite.pragma(`${pragma} = "x'${bytesToHex(key)}'"`) as unknown[];
  if (pragma === 'rekey' && JSON.stringify(rows) !== '[{"ok":"ok"}]') throw new Error(`rekey failed: ${JSON.stringify(rows)}`);
  // AEGIS takes the page size of a new file from the usual pragma (a no-op on an existing one)
  if (pragma === 'key' && scheme.cipher === 'aegis') sqlite.pragma(`page_size = ${scheme.pageSize}`);
}

/**
 * Keys a fresh connection: must come before anything else reads the database. Reads the schema
 * once so that a key that does not fit fails here, as DB_KEY_REJECTED (an empty file becomes a
 * new database encrypted with this key).
 */
export function applyKey(sqlite: Database.Database, key: Uint8Array): void {
  try {
    keyConnection(sqlite, key);
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw new AppError('DB_KEY_REJECTED', { file: sqlite.name });
    throw error;
  }
}

/** Keys a connection to a new, empty file with a scheme of SCHEMES: for tests and benchmarks of databases made before. */
export function keyWithScheme(sqlite: Database.Database, key: Uint8Array, scheme: Scheme): void {
  cipherPragmas(sqlite, key, 'key', scheme);
}

/**
 * Keys the connection with the scheme the file has, trying each (SQLITE_NOTADB when none fits:
 * a wrong key). An empty file takes the first, as a new database.
 *
 * SQLite3MC encrypts the database, its WAL and its journal, but not SQLite's other temporary
 * files: TEMP tables, statement journals and the pieces of a sort larger than the page cache
 * (2 MB by default) would reach the temp folder in the clear. With temp_store = MEMORY they stay
 * in memory.
 */
function keyConnection(sqlite: Database.Database, key: Uint8Array): void {
  for (const [i, scheme] of SCHEMES.entries()) {
    cipherPragmas(sqlite, key, 'key', scheme);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
      sqlite.pragma('temp_store = MEMORY');
      return;
    } catch (error) {
      if (sqliteCode(error) !== 'SQLITE_NOTADB' || i === SCHEMES.length - 1) throw error;
    }
  }
}

/** Whether the file starts with SQLite's plaintext header (false for a missing, empty or encrypted file). */
export function fileLooksPlaintext(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (sqliteCode(error) === 'ENOENT') return false;
    throw error;
  }
  try {
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Best effort on POSIX: overwrites the content of a file that is no longer linked (the plaintext
 * database just replaced) through a descriptor opened before the rename. Not a guarantee on
 * SSDs, copy-on-write or journalling file systems; full-disk encryption is.
 */
function scrubDescriptor(fd: number): void {
  try {
    const size = fs.fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let offset = 0; offset < size; offset += zeros.length) {
      fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - offset), offset);
    }
    fs.fsyncSync(fd);
  } catch {
    // best effort
  }
}

/**
 * Encrypts an existing plaintext database file with the key, replacing it atomically. No other
 * connection may have it open (the caller holds the data folder lock).
 *
 * 1. The plaintext database is brought into the main file alone: a read (rolls back a hot
 *    journal, replays the WAL), `wal_checkpoint(TRUNCATE)`, `journal_mode = DELETE`
 *    (refused while another connection is open), close: no -wal or -shm remains.
 * 2. A copy, `${file}.encrypting`, is rekeyed (SQLite3MC cannot rekey in WAL mode, hence 1),
 *    then checked with the key (integrity, user_version, application_id as before).
 * 3. The copy is flushed and renamed over the file; stale -wal/-shm/-journal files are removed;
 *    on POSIX the replaced plaintext's blocks are overwritten with zeros (best effort).
 *
 * A crash before the rename leaves the plaintext database intact (and a `.encrypting` file that
 * the next run deletes); after it, the encrypted one. The result is in rollback-journal mode;
 * openDatabase switches it back to WAL.
 */
export function encryptInPlace(file: string, key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== DB_KEY_BYTES) throw new RangeError(`a database key has ${DB_KEY_BYTES} bytes`);
  if (!fileLooksPlaintext(file)) throw new Error(`encryptInPlace: ${file} is not a plaintext SQLite database`);
  const temp = `${file}.encrypting`;
  removeDatabaseFiles(temp);

  let before: { userVersion: number; applicationId: number };
  const plain = new Database(file, { fileMustExist: true });
  try {
    plain.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
    const [checkpoint] = plain.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    if (!checkpoint || checkpoint.busy !== 0) throw new Error(`encryptInPlace: ${file} is in use by another connection`);
    const mode = plain.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new Error(`encryptInPlace: cannot leave WAL mode on ${file} (${String(mode)})`);
    before = {
      userVersion: plain.pragma('user_version', { simple: true }) as number,
      applicationId: plain.pragma('application_id', { simple: true }) as number,
    };
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_BUSY') throw new Error(`encryptInPlace: ${file} is in use by another connection`, { cause: error });
    throw error;
  } finally {
    plain.close();
  }
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error(`encryptInPlace: ${file}-wal was not emptied`);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });

  let scrubFd: number | undefined;
  try {
    fs.copyFileSync(file, temp, fs.constants.COPYFILE_EXCL);
    const copy = new Database(temp, { fileMustExist: true });
    try {
      // rekey keeps the plaintext's page size
      cipherPragmas(copy, key, 'rekey', SCHEMES[0]!);
    } finally {
      copy.close();
    }
    if (fileLooksPlaintext(temp)) throw new Error('encryptInPlace: rekey left the copy in plaintext');
    const check = checkDatabase(temp, key);
    if (!check.ok || check.userVersion !== before.userVersion || check.applicationId !== before.applicationId) {
      throw new Error(`encryptInPlace: the encrypted copy does not check out (${JSON.stringify(check)})`);
    }
    fsyncFile(temp);
    if (process.platform !== 'win32') scrubFd = fs.openSync(file, 'r+');
    fs.renameSync(temp, file);
  } catch (error) {
    if (scrubFd !== undefined) fs.closeSync(scrubFd);
    removeDatabaseFiles(temp);
    throw error;
  }
  fsyncPath(path.dirname(file));
  for (const suffix of ['-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.rmSync(`${temp}-journal`, { force: true });
  if (scrubFd !== undefined) {
    scrubDescriptor(scrubFd);
    fs.closeSync(scrubFd);
  }
}

/**
 * A consistent copy of an open, encrypted database (`VACUUM INTO`), encrypted with the same key:
 * written beside `outFile`, flushed, then renamed to it. Refuses an existing `outFile`
 * (DB_EXISTS), and a plaintext source, so that a backup never carries the data in the clear.
 */
export function vacuumInto(sqlite: Database.Database, outFile: string): void {
  if (sqlite.memory || !sqlite.name || fileLooksPlaintext(sqlite.name)) {
    throw new Error('vacuumInto: the source database is not encrypted');
  }
  if (fs.existsSync(outFile)) throw new AppError('DB_EXISTS', { file: outFile });
  const temp = `${outFile}.partial`;
  removeDatabaseFiles(temp);
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp);
    if (fileLooksPlaintext(temp)) throw new Error('vacuumInto: the copy came out in plaintext');
    fsyncFile(temp);
    if (fs.existsSync(outFile)) throw new AppError('DB_EXISTS', { file: outFile });
    fs.renameSync(temp, outFile);
  } catch (error) {
    removeDatabaseFiles(temp);
    throw error;
  }
  fsyncPath(path.dirname(outFile));
}

export type DatabaseCheck = { ok: true; userVersion: number; applicationId: number } | { ok: false; reason: 'wrongKey' | 'corrupt' };

/**
 * Opens the file read-only with the key and runs `PRAGMA integrity_check`. SQLITE_NOTADB means
 * page 1 did not decrypt: a wrong key (or a plaintext file, or page 1 itself damaged, which no
 * one can tell apart from a wrong key), except for a file that is not a whole number of pages,
 * which is corrupt (truncated). Any SQLITE_CORRUPT, or an integrity problem, is corrupt. A
 * missing file is DB_NOT_FOUND; a zero-length file checks as an empty database (application id 0).
 */
export function checkDatabase(file: string, key: Uint8Array): DatabaseCheck {
  if (!fs.existsSync(file)) throw new AppError('DB_NOT_FOUND', { file });
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    keyConnection(sqlite, key);
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') return { ok: false, reason: 'corrupt' };
    return {
      ok: true,
      userVersion: sqlite.pragma('user_version', { simple: true }) as number,
      applicationId: sqlite.pragma('application_id', { simple: true }) as number,
    };
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') {
      const size = fs.statSync(file).size;
      return { ok: false, reason: size % SMALLEST_PAGE === 0 ? 'wrongKey' : 'corrupt' };
    }
    if (code.startsWith('SQLITE_CORRUPT')) return { ok: false, reason: 'corrupt' };
    throw error;
  } finally {
    sqlite?.close();
  }
}
