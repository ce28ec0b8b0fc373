import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { newMasterKey } from '../security/keyslots';
import { syntheticId, tempDir } from '../testing/fixtures';
import { applyKey, checkDatabase, encryptInPlace, fileLooksPlaintext, keyWithScheme, SCHEMES, vacuumInto } from './cipher';
import { APPLICATION_ID } from './open';

const NAME = '和志强';
/** 530721 (Yulong county, Lijiang), born 1988-01-01, sequence 123: the check character is 7 */
const ID_NUMBER = syntheticId('530721', '19880101', '123');

/** The telltale strings in every encoding a file could hold them in. */
const NEEDLES = [NAME, ID_NUMBER].flatMap((text) => [
  Buffer.from(text, 'utf8'),
  Buffer.from(text, 'utf16le'),
  Buffer.from(text, 'utf16le').swap16(),
]);

/** Files in the folder that contain a telltale string or a plaintext SQLite header. */
function plaintextLeaks(dir: string): string[] {
  const leaks: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const content = fs.readFileSync(path.join(dir, name));
    if (NEEDLES.some((needle) => content.includes(needle))) leaks.push(`${name}: data`);
    if (content.includes(Buffer.from('SQLite format 3\0', 'latin1'))) leaks.push(`${name}: header`);
  }
  return leaks;
}

function createPeople(sqlite: Database.Database, rows = 200): void {
  sqlite.exec('CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, id_number TEXT NOT NULL UNIQUE, note TEXT)');
  sqlite.exec('CREATE INDEX person_name ON person (name)');
  const insert = sqlite.prepare('INSERT INTO person (name, id_number, note) VALUES (?, ?, ?)');
  sqlite.transaction(() => {
    insert.run(NAME, ID_NUMBER, '玉龙县');
    for (let i = 1; i < rows; i++) insert.run(`${NAME}${i}`, `${ID_NUMBER}-${i}`, 'x'.repeat(200));
  })();
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  sqlite.pragma('user_version = 3');
}

function openEncrypted(file: string, key: Uint8Array, options: Database.Options = {}): Database.Database {
  const sqlite = new Database(file, options);
  applyKey(sqlite, key);
  return sqlite;
}

function readPerson(file: string, key: Uint8Array): unknown {
  const sqlite = openEncrypted(file, key, { readonly: true });
  try {
    return sqlite.prepare('SELECT name, id_number AS idNumber FROM person WHERE id_number = ?').get(ID_NUMBER);
  } finally {
    sqlite.close();
  }
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : (error as { code?: string }).code;
  }
  return undefined;
}

describe('the synthetic ID number', () => {
  it('is a valid one', () => {
    expect(ID_NUMBER).toBe('530721198801011237');
  });
});

describe('an encrypted database', () => {
  it('holds no plaintext in the file or its WAL, open or closed', () => {
    const dir = tempDir();
    const file = path.join(dir, 'zhijian.db');
    const key = newMasterKey();
    const writer = openEncrypted(file, key);
    writer.pragma('journal_mode = WAL');
    const reader = openEncrypted(file, key);
    reader.prepare('SELECT count(*) FROM sqlite_schema').get();
    // a read transaction held open keeps the writes in the WAL
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_schema').get();
    createPeople(writer);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(50_000);
    expect(plaintextLeaks(dir)).toEqual([]);
    reader.exec('COMMIT');
    reader.close();
    writer.close();
    expect(plaintextLeaks(dir)).toEqual([]);
    expect(fileLooksPlaintext(file)).toBe(false);
    expect(readPerson(file, key)).toEqual({ name: NAME, idNumber: ID_NUMBER });
  });

  it('cannot be read with another key or without one', () => {
    const file = path.join(tempDir(), 'zhijian.db');
    const key = newMasterKey();
    const sqlite = openEncrypted(file, key);
    createPeople(sqlite, 5);
    sqlite.close();

    const wrong = new Database(file, { readonly: true });
    expect(codeOf(() => applyKey(wrong, newMasterKey()))).toBe('DB_KEY_REJECTED');
    wrong.close();
    const none = new Database(file, { readonly: true });
    expect(codeOf(() => none.prepare('SELECT * FROM person').all())).toBe('SQLITE_NOTADB');
    none.close();
    try {
      const again = new Database(file, { readonly: true });
      applyKey(again, newMasterKey());
    } catch (error) {
      expect((error as AppError).details).toEqual({ file });
    }
  });

  it('makes new databases AEGIS-256 with 16 KiB pages, and still opens, reads, backs up and checks those made with SQLCipher', () => {
    const dir = tempDir();
    const key = newMasterKey();
    const fresh = openEncrypted(path.join(dir, 'new.db'), key);
    createPeople(fresh, 5);
    expect(fresh.pragma('page_size', { simple: true })).toBe(16_384);
    fresh.close();
    for (const scheme of SCHEMES) {
      const keyed = new Database(path.join(dir, 'new.db'), { readonly: true });
      keyWithScheme(keyed, key, scheme);
      const read = () => keyed.prepare('SELECT count(*) FROM person').pluck().get();
      if (scheme === SCHEMES[0]) expect(read()).toBe(5);
      else expect(codeOf(read)).toBe('SQLITE_NOTADB');
      keyed.close();
    }

    // as this application made databases before
    for (const scheme of SCHEMES.slice(1)) {
      const old = path.join(dir, `old-${scheme.pageSize}.db`);
      const made = new Database(old);
      keyWithScheme(made, key, scheme);
      made.pragma('journal_mode = WAL');
      createPeople(made, 50);
      expect(made.pragma('page_size', { simple: true })).toBe(scheme.pageSize);
      made.close();

      expect(readPerson(old, key)).toEqual({ name: NAME, idNumber: ID_NUMBER });
      const reopened = openEncrypted(old, key);
      expect(reopened.pragma('page_size', { simple: true })).toBe(scheme.pageSize);
      const copy = path.join(dir, `old-${scheme.pageSize}-copy.db`);
      vacuumInto(reopened, copy);
      reopened.close();
      expect(checkDatabase(copy, key)).toMatchObject({ ok: true });
      expect(readPerson(copy, key)).toEqual({ name: NAME, idNumber: ID_NUMBER });
      expect(checkDatabase(old, newMasterKey())).toEqual({ ok: false, reason: 'wrongKey' });
    }
  });

  it.runIf(process.platform === 'linux')('keeps TEMP tables and large sorts in memory: SQLite3MC would write them to the temp folder in the clear', () => {
    /** Files this process has open in the temp folder (SQLite unlinks its temporary files at once: only the descriptor is left). */
    const openTempFiles = () =>
      fs
        .readdirSync('/proc/self/fd')
        .map((fd) => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`);
          } catch {
            return '';
          }
        })
        .filter((target) => target.includes('etilqs_'));
    const sqlite = openEncrypted(path.join(tempDir(), 'zhijian.db'), newMasterKey());
    sqlite.exec('CREATE TEMP TABLE scratch (id INTEGER PRIMARY KEY, note TEXT)');
    const insert = sqlite.prepare('INSERT INTO temp.scratch (note) VALUES (?)');
    // 24 MB: well past the 2 MB page cache, which is when a temporary table or a sort goes to disk
    sqlite.transaction(() => {
      for (let i = 0; i < 24_000; i++) insert.run(`${NAME}${ID_NUMBER}${i}`.padEnd(1000, 'x'));
    })();
    const during: string[] = [];
    for (const _ of sqlite.prepare('SELECT note FROM temp.scratch ORDER BY note DESC').iterate()) {
      during.push(...openTempFiles());
      break;
    }
    expect(during).toEqual([]);
    expect(openTempFiles()).toEqual([]);
    sqlite.close();
  });

  it('refuses a key of the wrong length', () => {
    const sqlite = new Database(path.join(tempDir(), 'zhijian.db'));
    expect(() => applyKey(sqlite, new Uint8Array(16))).toThrow(RangeError);
    sqlite.close();
  });

  it('rejects a plaintext database opened with a key', () => {
    const file = path.join(tempDir(), 'plain.db');
    const plain = new Database(file);
    createPeople(plain, 5);
    plain.close();
    expect(fileLooksPlaintext(file)).toBe(true);
    const keyed = new Database(file, { readonly: true });
    expect(codeOf(() => applyKey(keyed, newMasterKey()))).toBe('DB_KEY_REJECTED');
    keyed.close();
  });
});

describe('fileLooksPlaintext', () => {
  it('is false for a missing, empty, short or foreign file', () => {
    const dir = tempDir();
    expect(fileLooksPlaintext(path.join(dir, 'missing.db'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'empty.db'), '');
    expect(fileLooksPlaintext(path.join(dir, 'empty.db'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'short.db'), 'SQLite format');
    expect(fileLooksPlaintext(path.join(dir, 'short.db'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'text.db'), 'SQLite format 3 but not really');
    expect(fileLooksPlaintext(path.join(dir, 'text.db'))).toBe(false);
  });
});

describe('encryptInPlace', () => {
  /** A plaintext WAL database whose rows are still in the WAL when it is encrypted (as after a crash). */
  function plaintextWithWal(dir: string): string {
    const scratch = tempDir();
    const original = path.join(scratch, 'zhijian.db');
    const writer = new Database(original);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    const reader = new Database(original);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_schema').get();
    createPeople(writer);
    // copy the files as they are on disk at this moment: the rows exist only in the WAL
    const file = path.join(dir, 'zhijian.db');
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(`${original}${suffix}`, `${file}${suffix}`);
    reader.exec('COMMIT');
    reader.close();
    writer.close();
    expect(fs.readFileSync(file).includes(Buffer.from(NAME))).toBe(false);
    expect(fs.readFileSync(`${file}-wal`).includes(Buffer.from(NAME))).toBe(true);
    return file;
  }

  it('encrypts a database whose rows are still in its WAL, leaving no plaintext in the folder', () => {
    const dir = tempDir();
    const file = plaintextWithWal(dir);
    expect(fs.readdirSync(dir).sort()).toEqual(['zhijian.db', 'zhijian.db-shm', 'zhijian.db-wal']);
    const key = newMasterKey();
    encryptInPlace(file, key);
    expect(fs.readdirSync(dir)).toEqual(['zhijian.db']);
    expect(plaintextLeaks(dir)).toEqual([]);
    expect(readPerson(file, key)).toEqual({ name: NAME, idNumber: ID_NUMBER });
    const check = checkDatabase(file, key);
    expect(check).toEqual({ ok: true, userVersion: 3, applicationId: APPLICATION_ID });
    const sqlite = openEncrypted(file, key, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) FROM person').pluck().get()).toBe(200);
    expect(sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'person_name'").pluck().get()).toBe('person_name');
    sqlite.close();
  });

  it('encrypts a database written in WAL mode by two connections and then closed', () => {
    const dir = tempDir();
    const file = path.join(dir, 'zhijian.db');
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_schema').get();
    createPeople(writer);
    reader.exec('COMMIT');
    reader.close();
    writer.close();
    expect(plaintextLeaks(dir).length).toBeGreaterThan(0);
    const key = newMasterKey();
    encryptInPlace(file, key);
    expect(plaintextLeaks(dir)).toEqual([]);
    expect(readPerson(file, key)).toEqual({ name: NAME, idNumber: ID_NUMBER });
  });

  it('leaves a database that works in WAL mode afterwards, still without plaintext', () => {
    const dir = tempDir();
    const file = plaintextWithWal(dir);
    const key = newMasterKey();
    encryptInPlace(file, key);
    const sqlite = openEncrypted(file, key);
    expect(sqlite.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
    sqlite.prepare('INSERT INTO person (name, id_number) VALUES (?, ?)').run(`${NAME}新`, `${ID_NUMBER}-new`);
    expect(plaintextLeaks(dir)).toEqual([]);
    sqlite.close();
    expect(plaintextLeaks(dir)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('overwrites the replaced plaintext file with zeros (seen through a hard link)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'zhijian.db');
    const plain = new Database(file);
    createPeople(plain, 50);
    plain.close();
    const otherName = path.join(tempDir(), 'hard-link.db');
    fs.linkSync(file, otherName);
    encryptInPlace(file, newMasterKey());
    const old = fs.readFileSync(otherName);
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((byte) => byte === 0)).toBe(true);
  });

  it('refuses, changing nothing, while another connection has the database open', () => {
    const dir = tempDir();
    const file = path.join(dir, 'zhijian.db');
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    createPeople(writer, 10);
    expect(() => encryptInPlace(file, newMasterKey())).toThrow(/in use/);
    expect(fs.readdirSync(dir).filter((name) => name.includes('encrypting'))).toEqual([]);
    expect(writer.prepare('SELECT count(*) FROM person').pluck().get()).toBe(10);
    writer.close();
    expect(fileLooksPlaintext(file)).toBe(true);
  });

  it('refuses a file that is not a plaintext database, and cleans up the leftover of a crashed run', () => {
    const dir = tempDir();
    const file = path.join(dir, 'zhijian.db');
    const key = newMasterKey();
    const sqlite = openEncrypted(file, key);
    createPeople(sqlite, 5);
    sqlite.close();
    expect(() => encryptInPlace(file, key)).toThrow(/not a plaintext/);

    const plainFile = path.join(dir, 'plain.db');
    const plain = new Database(plainFile);
    createPeople(plain, 5);
    plain.close();
    fs.writeFileSync(`${plainFile}.encrypting`, 'left by a crash');
    encryptInPlace(plainFile, key);
    expect(fs.existsSync(`${plainFile}.encrypting`)).toBe(false);
    expect(readPerson(plainFile, key)).toEqual({ name: NAME, idNumber: ID_NUMBER });
  });
});

describe('vacuumInto', () => {
  it('writes a consistent copy encrypted with the same key', () => {
    const dir = tempDir();
    const file = path.join(dir, 'zhijian.db');
    const key = newMasterKey();
    const sqlite = openEncrypted(file, key);
    sqlite.pragma('journal_mode = WAL');
    createPeople(sqlite);
    const backupDir = tempDir();
    const copy = path.join(backupDir, 'backup.db');
    vacuumInto(sqlite, copy);
    sqlite.close();
    expect(fs.readdirSync(backupDir)).toEqual(['backup.db']);
    expect(plaintextLeaks(backupDir)).toEqual([]);
    expect(readPerson(copy, key)).toEqual({ name: NAME, idNumber: ID_NUMBER });
    expect(checkDatabase(copy, key)).toEqual({ ok: true, userVersion: 3, applicationId: APPLICATION_ID });
    expect(checkDatabase(copy, newMasterKey())).toEqual({ ok: false, reason: 'wrongKey' });
  });

  it('refuses an existing file, and a plaintext source', () => {
    const dir = tempDir();
    const key = newMasterKey();
    const sqlite = openEncrypted(path.join(dir, 'zhijian.db'), key);
    createPeople(sqlite, 5);
    const existing = path.join(dir, 'exists.db');
    fs.writeFileSync(existing, '');
    expect(codeOf(() => vacuumInto(sqlite, existing))).toBe('DB_EXISTS');
    expect(fs.readFileSync(existing)).toHaveLength(0);
    sqlite.close();

    const plain = new Database(path.join(dir, 'plain.db'));
    createPeople(plain, 5);
    expect(() => vacuumInto(plain, path.join(dir, 'plain-backup.db'))).toThrow(/not encrypted/);
    plain.close();
    expect(fs.existsSync(path.join(dir, 'plain-backup.db'))).toBe(false);
  });
});

describe('checkDatabase', () => {
  function encryptedFile(): { file: string; key: Uint8Array } {
    const file = path.join(tempDir(), 'zhijian.db');
    const key = newMasterKey();
    const sqlite = openEncrypted(file, key);
    createPeople(sqlite, 2000);
    sqlite.close();
    return { file, key };
  }

  it('reports a good database with its versions', () => {
    const { file, key } = encryptedFile();
    expect(checkDatabase(file, key)).toEqual({ ok: true, userVersion: 3, applicationId: APPLICATION_ID });
  });

  it('reports a wrong key, and a plaintext file, as wrongKey', () => {
    const { file } = encryptedFile();
    expect(checkDatabase(file, newMasterKey())).toEqual({ ok: false, reason: 'wrongKey' });
    const plainFile = path.join(tempDir(), 'plain.db');
    const plain = new Database(plainFile);
    createPeople(plain, 5);
    plain.close();
    expect(checkDatabase(plainFile, newMasterKey())).toEqual({ ok: false, reason: 'wrongKey' });
  });

  it('reports a file cut to half, or to less than a page, as corrupt', () => {
    const { file, key } = encryptedFile();
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(100_000);
    fs.truncateSync(file, Math.floor(size / 2));
    expect(checkDatabase(file, key)).toEqual({ ok: false, reason: 'corrupt' });
    fs.truncateSync(file, 16_384 * 3); // whole pages, the rest missing
    expect(checkDatabase(file, key)).toEqual({ ok: false, reason: 'corrupt' });
    fs.truncateSync(file, 1000);
    expect(checkDatabase(file, key)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('reports a changed byte inside the data as corrupt (each page is authenticated)', () => {
    const { file, key } = encryptedFile();
    const bytes = fs.readFileSync(file);
    bytes[4096 * 5 + 1234]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    expect(checkDatabase(file, key)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('throws DB_NOT_FOUND for a missing file', () => {
    expect(codeOf(() => checkDatabase(path.join(tempDir(), 'missing.db'), newMasterKey()))).toBe('DB_NOT_FOUND');
  });
});
