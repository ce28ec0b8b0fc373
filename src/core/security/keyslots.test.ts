import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../api/errors';
import { tempDir } from '../testing/fixtures';
import {
  keySlotPath,
  newDatabaseId,
  newMasterKey,
  newRecoveryKey,
  parseRecoveryKey,
  readKeySlots,
  unwrapKey,
  unwrapKeyAsync,
  wrapKey,
  wrapKeyAsync,
  writeKeySlots,
  type KeySlot,
  type KeySlotFile,
} from './keyslots';

/** Cheap scrypt for tests; production slots use USER_KDF / RECOVERY_KDF. */
const FAST = { N: 2 ** 4, r: 8, p: 1 } as const;
const DB_ID = 'db-0123456789abcdef';
const PASSWORD = 'Lijiang-2024-correct';

function userSlot(masterKey = newMasterKey(), secret = PASSWORD): { masterKey: Uint8Array; slot: KeySlot } {
  const slot = wrapKey(masterKey, secret, { kind: 'user', userId: 'u-0001', username: 'hezq', databaseId: DB_ID }, FAST);
  return { masterKey, slot };
}

function flipByte(base64: string, position: number, xor: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[position % bytes.length]! ^= xor;
  return bytes.toString('base64');
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return undefined;
}

describe('wrapKey / unwrapKey', () => {
  it('round-trips the master key and records the parameters', () => {
    const { masterKey, slot } = userSlot();
    expect(unwrapKey(slot, PASSWORD, DB_ID)).toEqual(masterKey);
    expect(slot).toMatchObject({ kind: 'user', userId: 'u-0001', username: 'hezq', failedAttempts: 0, lockedUntil: null, pendingFailures: [] });
    expect(slot.kdf).toMatchObject({ name: 'scrypt', N: 16, r: 8, p: 1, dkLen: 32 });
    expect(Buffer.from(slot.kdf.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(slot.nonce, 'base64')).toHaveLength(24);
    expect(Buffer.from(slot.wrappedKey, 'base64')).toHaveLength(48);
    // the master key does not appear in the slot
    expect(JSON.stringify(slot)).not.toContain(Buffer.from(masterKey).toString('base64'));
  });

  it('uses a fresh salt, nonce and id each time', () => {
    const masterKey = newMasterKey();
    const a = userSlot(masterKey).slot;
    const b = userSlot(masterKey).slot;
    expect(a.id).not.toBe(b.id);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
  });

  it('returns null for a wrong password, without throwing', () => {
    const { slot } = userSlot();
    expect(unwrapKey(slot, 'Lijiang-2024-correcT', DB_ID)).toBeNull();
    expect(unwrapKey(slot, '', DB_ID)).toBeNull();
    expect(unwrapKey(slot, `${PASSWORD} `, DB_ID)).toBeNull();
  });

  it('normalises the password to NFC', () => {
    const composed = 'Café-1234-和志强'; // é as one code point
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const { masterKey, slot } = userSlot(newMasterKey(), composed);
    expect(unwrapKey(slot, decomposed, DB_ID)).toEqual(masterKey);
  });

  it('returns null when any byte of the nonce, wrapped key or salt changes', () => {
    const { masterKey, slot } = userSlot();
    expect(unwrapKey(slot, PASSWORD, DB_ID)).toEqual(masterKey);
    const field = fc.constantFrom('nonce', 'wrappedKey', 'salt');
    fc.assert(
      fc.property(field, fc.nat(47), fc.integer({ min: 1, max: 255 }), (name, position, xor) => {
        const tampered: KeySlot =
          name === 'salt'
            ? { ...slot, kdf: { ...slot.kdf, salt: flipByte(slot.kdf.salt, position, xor) } }
            : { ...slot, [name]: flipByte(slot[name], position, xor) };
        expect(unwrapKey(tampered, PASSWORD, DB_ID)).toBeNull();
      }),
      { numRuns: 300 },
    );
    // and exhaustively, every position with one bit flipped
    for (const name of ['nonce', 'wrappedKey'] as const) {
      for (let i = 0; i < Buffer.from(slot[name], 'base64').length; i++) {
        expect(unwrapKey({ ...slot, [name]: flipByte(slot[name], i, 0x01) }, PASSWORD, DB_ID), `${name}[${i}]`).toBeNull();
      }
    }
    for (let i = 0; i < 16; i++) {
      expect(unwrapKey({ ...slot, kdf: { ...slot.kdf, salt: flipByte(slot.kdf.salt, i, 0x80) } }, PASSWORD, DB_ID), `salt[${i}]`).toBeNull();
    }
  });

  it('binds the slot to its id, kind, user and database (associated data)', () => {
    const { masterKey, slot } = userSlot();
    expect(unwrapKey(slot, PASSWORD, DB_ID)).toEqual(masterKey);
    expect(unwrapKey({ ...slot, username: 'admin' }, PASSWORD, DB_ID)).toBeNull();
    expect(unwrapKey({ ...slot, username: 'HEZQ' }, PASSWORD, DB_ID)).toBeNull();
    expect(unwrapKey({ ...slot, userId: 'u-0002' }, PASSWORD, DB_ID)).toBeNull();
    expect(unwrapKey({ ...slot, kind: 'recovery' }, PASSWORD, DB_ID)).toBeNull();
    expect(unwrapKey({ ...slot, kind: 'recovery', userId: null, username: null }, PASSWORD, DB_ID)).toBeNull();
    expect(unwrapKey({ ...slot, id: 'another-slot-id' }, PASSWORD, DB_ID)).toBeNull();
    expect(unwrapKey(slot, PASSWORD, 'db-fedcba9876543210')).toBeNull();
    expect(unwrapKey({ ...slot, kdf: { ...slot.kdf, N: 32 } }, PASSWORD, DB_ID)).toBeNull();
    // fast-check over arbitrary replacement values of each bound field
    fc.assert(
      fc.property(
        fc.constantFrom('username', 'userId', 'databaseId'),
        fc.string({ minLength: 1, maxLength: 20 }),
        (name, value) => {
          fc.pre(value !== (name === 'databaseId' ? DB_ID : slot[name]));
          const result = name === 'databaseId' ? unwrapKey(slot, PASSWORD, value) : unwrapKey({ ...slot, [name]: value }, PASSWORD, DB_ID);
          expect(result).toBeNull();
        },
      ),
      { numRuns: 100 },
    );
  });

  it('returns null, not an exception, for malformed or absurd slots', () => {
    const { slot } = userSlot();
    const broken: unknown[] = [
      { ...slot, nonce: 'not base64!' },
      { ...slot, nonce: Buffer.alloc(12).toString('base64') },
      { ...slot, wrappedKey: '' },
      { ...slot, kdf: { ...slot.kdf, N: 2 ** 30 } },
      { ...slot, kdf: { ...slot.kdf, N: 1000 } },
      { ...slot, kdf: { ...slot.kdf, name: 'argon2id' } },
      { ...slot, kdf: null },
      null,
      {},
    ];
    for (const value of broken) expect(unwrapKey(value as KeySlot, PASSWORD, DB_ID)).toBeNull();
  });

  it('has async variants that agree with the sync ones', async () => {
    const masterKey = newMasterKey();
    const slot = await wrapKeyAsync(masterKey, PASSWORD, { kind: 'user', userId: 'u-1', username: 'li', databaseId: DB_ID }, FAST);
    expect(unwrapKey(slot, PASSWORD, DB_ID)).toEqual(masterKey);
    expect(await unwrapKeyAsync(slot, PASSWORD, DB_ID)).toEqual(masterKey);
    expect(await unwrapKeyAsync(slot, 'wrong-password-1', DB_ID)).toBeNull();
  });

  it('refuses a master key of the wrong length and a user slot without a user', () => {
    expect(() => wrapKey(new Uint8Array(16), PASSWORD, { kind: 'user', userId: 'u', username: 'x', databaseId: DB_ID }, FAST)).toThrow(RangeError);
    expect(() => wrapKey(newMasterKey(), PASSWORD, { kind: 'user', userId: null, username: null, databaseId: DB_ID }, FAST)).toThrow();
    expect(() => wrapKey(newMasterKey(), PASSWORD, { kind: 'user', userId: 'u', username: 'x', databaseId: DB_ID }, { N: 1000 })).toThrow(RangeError);
  });

  it('defaults to N = 2^17 for a password and 2^14 for a recovery key', () => {
    const masterKey = newMasterKey();
    const started = performance.now();
    const user = wrapKey(masterKey, PASSWORD, { kind: 'user', userId: 'u-1', username: 'hezq', databaseId: DB_ID });
    const elapsed = performance.now() - started;
    expect(user.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    const recoveryKey = newRecoveryKey();
    const recovery = wrapKey(masterKey, recoveryKey, { kind: 'recovery', userId: null, username: null, databaseId: DB_ID });
    expect(recovery.kdf).toMatchObject({ N: 2 ** 14, r: 8, p: 1 });
    expect(unwrapKey(recovery, recoveryKey, DB_ID)).toEqual(masterKey);
    expect(unwrapKey(user, PASSWORD, DB_ID)).toEqual(masterKey);
    console.info(`scrypt N=2^17 r=8 p=1 wrap: ${Math.round(elapsed)} ms`);
  });
});

describe('recovery keys', () => {
  it('are 55 Crockford base32 characters in groups of five, and parse back to themselves', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const key = newRecoveryKey();
      expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){10}$/);
      expect(parseRecoveryKey(key)).toBe(key);
      seen.add(key);
    }
    expect(seen.size).toBe(50);
  });

  it('forgive case, spacing, full-width characters and the O/0, I/L/1 confusions', () => {
    const key = newRecoveryKey();
    const confused = key
      .toLowerCase()
      .replace(/0/g, () => (Math.random() < 0.5 ? 'o' : 'O'))
      .replace(/1/g, () => ['i', 'I', 'l', 'L'][Math.floor(Math.random() * 4)]!)
      .replace(/-/g, ' ');
    expect(parseRecoveryKey(confused)).toBe(key);
    expect(parseRecoveryKey(`  ${key.replace(/-/g, '')}\n`)).toBe(key);
    const fullWidth = key.replace(/[0-9A-Z-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    expect(parseRecoveryKey(fullWidth)).toBe(key);
    const allConfusions = 'O0oIiLl1';
    expect(parseRecoveryKey(allConfusions)).toBeNull(); // too short, but must not throw
  });

  it('reject a wrong length, a foreign character and (almost always) a typo', () => {
    const key = newRecoveryKey();
    expect(parseRecoveryKey(key.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(`${key}0`)).toBeNull();
    expect(parseRecoveryKey(`U${key.slice(1)}`)).toBeNull();
    expect(parseRecoveryKey('')).toBeNull();
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const compact = key.replace(/-/g, '');
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < compact.length; i++) {
      for (const c of alphabet) {
        if (c === compact[i]) continue;
        tried++;
        if (parseRecoveryKey(compact.slice(0, i) + c + compact.slice(i + 1)) === null) caught++;
      }
    }
    // a 19-bit check misses about one typo in half a million
    expect(caught).toBeGreaterThanOrEqual(tried - 1);
    // two adjacent characters swapped
    const swapped = compact.split('');
    const at = swapped.findIndex((c, i) => i + 1 < swapped.length && c !== swapped[i + 1]);
    [swapped[at], swapped[at + 1]] = [swapped[at + 1]!, swapped[at]!];
    expect(parseRecoveryKey(swapped.join(''))).toBeNull();
  });
});

describe('key slot file', () => {
  function sampleFile(): KeySlotFile {
    const masterKey = newMasterKey();
    const databaseId = newDatabaseId();
    return {
      format: 'zhijian-keyslots',
      version: 1,
      databaseId,
      slots: [
        wrapKey(masterKey, PASSWORD, { kind: 'user', userId: 'u-1', username: 'hezq', databaseId }, FAST),
        wrapKey(masterKey, newRecoveryKey(), { kind: 'recovery', userId: null, username: null, databaseId }, FAST),
      ],
    };
  }

  it('lives beside the database', () => {
    expect(keySlotPath(path.join('data', 'zhijian.db'))).toBe(path.join('data', 'zhijian.db.keys'));
  });

  it('is absent until written, then reads back as written, mode 0600, with no temporary file left', () => {
    const dbFile = path.join(tempDir(), 'zhijian.db');
    expect(readKeySlots(dbFile)).toBeNull();
    const file = sampleFile();
    writeKeySlots(dbFile, file);
    expect(readKeySlots(dbFile)).toEqual(file);
    if (process.platform !== 'win32') expect(fs.statSync(keySlotPath(dbFile)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(dbFile))).toEqual(['zhijian.db.keys']);

    const next = { ...file, slots: [{ ...file.slots[0]!, failedAttempts: 3 }, file.slots[1]!] };
    writeKeySlots(dbFile, next);
    expect(readKeySlots(dbFile)?.slots[0]?.failedAttempts).toBe(3);
    expect(fs.readdirSync(path.dirname(dbFile))).toEqual(['zhijian.db.keys']);
  });

  it('replaces the old file atomically through a temporary file of its own, leaving none behind', () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'zhijian.db');
    const file = sampleFile();
    writeKeySlots(dbFile, file);
    fs.writeFileSync(`${keySlotPath(dbFile)}.tmp`, 'half-written by a crash', { mode: 0o644 });
    writeKeySlots(dbFile, { ...file, slots: [file.slots[0]!] });
    expect(readKeySlots(dbFile)?.slots).toHaveLength(1);
    // each write had a temporary name of its own: nothing of ours is left beside the crash's leftover
    expect(fs.readdirSync(dir).sort()).toEqual(['zhijian.db.keys', 'zhijian.db.keys.tmp']);
  });

  it('refuses to write an invalid file, leaving the old one', () => {
    const dbFile = path.join(tempDir(), 'zhijian.db');
    const file = sampleFile();
    writeKeySlots(dbFile, file);
    expect(() => writeKeySlots(dbFile, { ...file, slots: [] })).toThrow();
    expect(() => writeKeySlots(dbFile, { ...file, slots: [file.slots[0]!, file.slots[0]!] })).toThrow();
    expect(readKeySlots(dbFile)).toEqual(file);
  });

  it('reports a damaged file as KEYSLOTS_DAMAGED', () => {
    const dbFile = path.join(tempDir(), 'zhijian.db');
    const keys = keySlotPath(dbFile);
    const good = sampleFile();
    const damaged: string[] = [
      '',
      '{',
      'null',
      '[]',
      JSON.stringify(good).slice(0, 200),
      JSON.stringify({ ...good, format: 'something-else' }),
      JSON.stringify({ ...good, version: 0 }),
      JSON.stringify({ ...good, version: '2' }),
      JSON.stringify({ ...good, slots: [] }),
      JSON.stringify({ ...good, slots: [{ ...good.slots[0], nonce: 'short' }] }),
      JSON.stringify({ ...good, slots: [{ ...good.slots[0], kdf: { ...good.slots[0]!.kdf, N: 2 ** 24 } }] }),
      JSON.stringify({ ...good, slots: [{ ...good.slots[0], kind: 'admin' }] }),
      JSON.stringify({ ...good, slots: [{ ...good.slots[0], userId: null }] }),
      JSON.stringify({ ...good, slots: [{ ...good.slots[0], failedAttempts: -1 }] }),
      JSON.stringify({ ...good, slots: [{ ...good.slots[0], lockedUntil: 'tomorrow' }] }),
    ];
    for (const text of damaged) {
      fs.writeFileSync(keys, text);
      expect(errorCode(() => readKeySlots(dbFile)), text.slice(0, 60)).toBe('KEYSLOTS_DAMAGED');
    }
    fs.writeFileSync(keys, Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
    expect(errorCode(() => readKeySlots(dbFile))).toBe('KEYSLOTS_DAMAGED');
    try {
      readKeySlots(dbFile);
    } catch (error) {
      expect((error as AppError).details).toEqual({ file: keys });
    }
  });

  it('reports a file of a newer format version as KEYSLOTS_NEWER', () => {
    const dbFile = path.join(tempDir(), 'zhijian.db');
    fs.writeFileSync(keySlotPath(dbFile), JSON.stringify({ format: 'zhijian-keyslots', version: 2, databaseId: 'x', slots: 'whatever' }));
    expect(errorCode(() => readKeySlots(dbFile))).toBe('KEYSLOTS_NEWER');
    try {
      readKeySlots(dbFile);
    } catch (error) {
      expect((error as AppError).details).toEqual({ file: keySlotPath(dbFile), version: 2 });
    }
  });

  it('keeps slots working after a write and read (the unwrap reads only the file)', () => {
    const dbFile = path.join(tempDir(), 'zhijian.db');
    const masterKey = newMasterKey();
    const databaseId = newDatabaseId();
    const slot = wrapKey(masterKey, PASSWORD, { kind: 'user', userId: 'u-1', username: 'hezq', databaseId }, FAST);
    writeKeySlots(dbFile, { format: 'zhijian-keyslots', version: 1, databaseId, slots: [slot] });
    const read = readKeySlots(dbFile)!;
    expect(unwrapKey(read.slots[0]!, PASSWORD, read.databaseId)).toEqual(masterKey);
  });
});
