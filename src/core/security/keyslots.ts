/**
 * Key slots: the database's random master key, wrapped once per user password and once per
 * recovery key, kept beside the database in `${dbFile}.keys`.
 *
 * A slot is scrypt(secret, salt) → XChaCha20-Poly1305 over the 32-byte master key, with the
 * slot's identity (id, kind, user, database) as associated data: a slot copied onto another user
 * or into the key file of another database no longer opens. A wrong secret and a tampered slot
 * look the same to the caller (null).
 *
 * The file holds no secret in the clear, but each slot is an offline guessing target: the scrypt
 * cost, not the lockout counters (which whoever holds the file can reset), is what protects a
 * password against someone who has copied the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scrypt, scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { AppError } from '../api/errors';
import { fsyncPath } from '../fs/durable';

export const KEYSLOTS_FORMAT = 'zhijian-keyslots';
export const KEYSLOTS_VERSION = 1;
export const MASTER_KEY_BYTES = 32;

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  dkLen: 32;
  /** base64 */
  salt: string;
}

export type KeySlotKind = 'user' | 'recovery';

export interface KeySlot {
  id: string;
  kind: KeySlotKind;
  userId: string | null;
  username: string | null;
  kdf: KdfParams;
  /** base64, 24 bytes */
  nonce: string;
  /** base64: the encrypted master key and the Poly1305 tag, 48 bytes */
  wrappedKey: string;
  createdAt: string;
  failedAttempts: number;
  lastFailureAt: string | null;
  lockedUntil: string | null;
  /** failures not yet written to the audit trail (the trail is inside the encrypted database) */
  pendingFailures: { at: string; username: string }[];
}

export interface KeySlotFile {
  format: typeof KEYSLOTS_FORMAT;
  version: typeof KEYSLOTS_VERSION;
  databaseId: string;
  slots: KeySlot[];
}

export interface KeySlotMeta {
  kind: KeySlotKind;
  userId: string | null;
  username: string | null;
  databaseId: string;
}

/**
 * scrypt cost of a password slot. N = 2^17, r = 8 (128 MiB) took 1.1 s with @noble/hashes on
 * the development machine (AMD EPYC, Node 20), 2^16 took 0.6 s.
 */
export const USER_KDF: Readonly<Pick<KdfParams, 'N' | 'r' | 'p'>> = { N: 2 ** 17, r: 8, p: 1 };
/** A recovery key has 256 bits of entropy: the KDF only has to be a KDF (0.16 s). */
export const RECOVERY_KDF: Readonly<Pick<KdfParams, 'N' | 'r' | 'p'>> = { N: 2 ** 14, r: 8, p: 1 };

const SALT_BYTES = 16;
const NONCE_BYTES = 24;
const WRAPPED_BYTES = MASTER_KEY_BYTES + 16;
/** A key file larger than this is not ours (and is not parsed). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** scrypt needs 128·N·r bytes: bounded so that a doctored slot cannot make unlocking exhaust memory. */
const MAX_KDF_MEMORY = 2 ** 30;

// ---------------------------------------------------------------------------------------------
// the file

const isoTime = z.iso.datetime({ offset: true });

function base64Bytes(min: number, max = min) {
  return z.string().refine((text) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return false;
    const length = Buffer.from(text, 'base64').length;
    return length >= min && length <= max;
  }, 'not base64 of the expected length');
}

const kdfSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 4)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of 2'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    dkLen: z.literal(32),
    salt: base64Bytes(SALT_BYTES, 64),
  })
  .refine((kdf) => 128 * kdf.N * kdf.r <= MAX_KDF_MEMORY, 'scrypt memory too large');

const slotSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    kind: z.enum(['user', 'recovery']),
    userId: z.string().min(1).max(200).nullable(),
    username: z.string().min(1).max(200).nullable(),
    kdf: kdfSchema,
    nonce: base64Bytes(NONCE_BYTES),
    wrappedKey: base64Bytes(WRAPPED_BYTES),
    createdAt: isoTime,
    failedAttempts: z.number().int().min(0),
    lastFailureAt: isoTime.nullable(),
    lockedUntil: isoTime.nullable(),
    pendingFailures: z.array(z.object({ at: isoTime, username: z.string().max(200) })).max(10_000),
  })
  .refine((slot) => slot.kind !== 'user' || (slot.userId !== null && slot.username !== null), 'a user slot names its user');

const fileSchema = z
  .object({
    format: z.literal(KEYSLOTS_FORMAT),
    version: z.literal(KEYSLOTS_VERSION),
    databaseId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    slots: z.array(slotSchema).min(1),
  })
  .refine((file) => new Set(file.slots.map((s) => s.id)).size === file.slots.length, 'slot ids are unique');

/** Where the key slots of a database live: beside it, `${dbFile}.keys`. */
export function keySlotPath(dbFile: string): string {
  return `${dbFile}.keys`;
}

/** A new random database id, for a new key slot file. */
export function newDatabaseId(): string {
  return Buffer.from(randomBytes(16)).toString('base64url');
}

/**
 * The key slots of a database; null when the file does not exist. A file that is not a valid
 * key slot file is KEYSLOTS_DAMAGED; one written by a newer format version is KEYSLOTS_NEWER.
 */
export function readKeySlots(dbFile: string): KeySlotFile | null {
  const file = keySlotPath(dbFile);
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) throw new AppError('KEYSLOTS_DAMAGED', { file });
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('KEYSLOTS_DAMAGED', { file });
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (
    typeof head === 'object' &&
    head !== null &&
    head.format === KEYSLOTS_FORMAT &&
    typeof head.version === 'number' &&
    head.version > KEYSLOTS_VERSION
  ) {
    throw new AppError('KEYSLOTS_NEWER', { file, version: head.version });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('KEYSLOTS_DAMAGED', { file });
  return parsed.data as KeySlotFile;
}

/**
 * Replaces the key slot file atomically: the new content goes to a temporary file in the same
 * folder (mode 0600), is flushed to disk, then renamed over the old file. A crash leaves either
 * the old file or the new one, never a mix.
 */
export function writeKeySlots(dbFile: string, file: KeySlotFile): void {
  const parsed = fileSchema.safeParse(file);
  if (!parsed.success) throw new Error(`writeKeySlots: invalid key slot file: ${parsed.error.message}`);
  const target = keySlotPath(dbFile);
  // a name of its own: two processes (the app and a CLI command) may rewrite the slots at once
  const temp = `${target}.${process.pid}-${bytesToHex(randomBytes(6))}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    try {
      fs.writeFileSync(fd, `${JSON.stringify(file, null, 2)}\n`, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncPath(path.dirname(target));
}

// ---------------------------------------------------------------------------------------------
// wrapping

/** A new random master key (32 bytes). */
export function newMasterKey(): Uint8Array {
  return randomBytes(MASTER_KEY_BYTES);
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** The associated data: everything that says whose slot this is and for which database. */
function associatedData(slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'username' | 'kdf'>, databaseId: string): Uint8Array {
  const { name, N, r, p, dkLen } = slot.kdf;
  return utf8ToBytes(JSON.stringify(['zhijian-keyslot/1', databaseId, slot.id, slot.kind, slot.userId, slot.username, name, N, r, p, dkLen]));
}

function secretBytes(secret: string): Uint8Array {
  return utf8ToBytes(secret.normalize('NFC'));
}

function kdfOptions(kdf: KdfParams) {
  return { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: kdf.dkLen, maxmem: MAX_KDF_MEMORY + 4096 };
}

interface SlotDraft {
  slot: Omit<KeySlot, 'nonce' | 'wrappedKey'>;
  nonce: Uint8Array;
}

function draftSlot(masterKey: Uint8Array, meta: KeySlotMeta, params: Partial<KdfParams>): SlotDraft {
  if (!(masterKey instanceof Uint8Array) || masterKey.length !== MASTER_KEY_BYTES) {
    throw new RangeError(`a master key has ${MASTER_KEY_BYTES} bytes`);
  }
  if (meta.kind === 'user' && (!meta.userId || !meta.username)) throw new Error('a user slot needs userId and username');
  const defaults = meta.kind === 'user' ? USER_KDF : RECOVERY_KDF;
  const kdf: KdfParams = {
    name: 'scrypt',
    N: params.N ?? defaults.N,
    r: params.r ?? defaults.r,
    p: params.p ?? defaults.p,
    dkLen: 32,
    salt: params.salt ?? toBase64(randomBytes(SALT_BYTES)),
  };
  if (!kdfSchema.safeParse(kdf).success) throw new RangeError(`unsupported scrypt parameters ${JSON.stringify(kdf)}`);
  const slot = {
    id: Buffer.from(randomBytes(12)).toString('base64url'),
    kind: meta.kind,
    userId: meta.userId,
    username: meta.username,
    kdf,
    createdAt: new Date().toISOString(),
    failedAttempts: 0,
    lastFailureAt: null,
    lockedUntil: null,
    pendingFailures: [],
  };
  return { slot, nonce: randomBytes(NONCE_BYTES) };
}

function sealSlot(draft: SlotDraft, kek: Uint8Array, masterKey: Uint8Array, databaseId: string): KeySlot {
  try {
    const sealed = xchacha20poly1305(kek, draft.nonce, associatedData(draft.slot, databaseId)).encrypt(masterKey);
    return { ...draft.slot, nonce: toBase64(draft.nonce), wrappedKey: toBase64(sealed) };
  } finally {
    kek.fill(0);
  }
}

/** Opens a slot with a derived key-encryption key, or null; wipes the KEK. */
function openSlot(slot: KeySlot, kek: Uint8Array, databaseId: string): Uint8Array | null {
  try {
    const key = xchacha20poly1305(kek, fromBase64(slot.nonce), associatedData(slot, databaseId)).decrypt(fromBase64(slot.wrappedKey));
    return key.length === MASTER_KEY_BYTES ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

function slotIsUsable(slot: KeySlot): boolean {
  return slotSchema.safeParse(slot).success;
}

/**
 * Wraps the master key under a secret (a password, NFC-normalised, or a recovery key as
 * `parseRecoveryKey` returns it). Default cost: USER_KDF for user slots, RECOVERY_KDF for
 * recovery slots; `params` overrides (tests use a low N). The parameters are kept in the slot.
 */
export function wrapKey(masterKey: Uint8Array, secret: string, meta: KeySlotMeta, params: Partial<KdfParams> = {}): KeySlot {
  const draft = draftSlot(masterKey, meta, params);
  const password = secretBytes(secret);
  try {
    const kek = scrypt(password, fromBase64(draft.slot.kdf.salt), kdfOptions(draft.slot.kdf));
    return sealSlot(draft, kek, masterKey, meta.databaseId);
  } finally {
    password.fill(0);
  }
}

/** wrapKey without blocking the event loop for the whole scrypt run. */
export async function wrapKeyAsync(masterKey: Uint8Array, secret: string, meta: KeySlotMeta, params: Partial<KdfParams> = {}): Promise<KeySlot> {
  const draft = draftSlot(masterKey, meta, params);
  const password = secretBytes(secret);
  try {
    const kek = await scryptAsync(password, fromBase64(draft.slot.kdf.salt), kdfOptions(draft.slot.kdf));
    return sealSlot(draft, kek, masterKey, meta.databaseId);
  } finally {
    password.fill(0);
  }
}

/**
 * The master key, or null when the secret is wrong or the slot was altered (or copied from
 * another user or database): the two are deliberately indistinguishable. Never throws for them.
 */
export function unwrapKey(slot: KeySlot, secret: string, databaseId: string): Uint8Array | null {
  if (!slotIsUsable(slot) || typeof secret !== 'string') return null;
  const password = secretBytes(secret);
  try {
    return openSlot(slot, scrypt(password, fromBase64(slot.kdf.salt), kdfOptions(slot.kdf)), databaseId);
  } catch {
    return null;
  } finally {
    password.fill(0);
  }
}

/** unwrapKey without blocking the event loop for the whole scrypt run. */
export async function unwrapKeyAsync(slot: KeySlot, secret: string, databaseId: string): Promise<Uint8Array | null> {
  if (!slotIsUsable(slot) || typeof secret !== 'string') return null;
  const password = secretBytes(secret);
  try {
    return openSlot(slot, await scryptAsync(password, fromBase64(slot.kdf.salt), kdfOptions(slot.kdf)), databaseId);
  } catch {
    return null;
  } finally {
    password.fill(0);
  }
}

// ---------------------------------------------------------------------------------------------
// recovery keys

/** Crockford's base32: no I, L, O or U. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_DATA_BITS = MASTER_KEY_BYTES * 8; // 256
const RECOVERY_CHECK_BITS = 19; // 256 + 19 = 275 bits = 55 characters = 11 groups of 5
const RECOVERY_CHARS = (RECOVERY_DATA_BITS + RECOVERY_CHECK_BITS) / 5;

function bitsOf(bytes: Uint8Array, count: number): number[] {
  const bits: number[] = [];
  for (let i = 0; i < count; i++) bits.push((bytes[i >> 3]! >> (7 - (i & 7))) & 1);
  return bits;
}

function recoveryCheckBits(data: Uint8Array): number[] {
  return bitsOf(sha256(utf8ToBytes(`zhijian-recovery/${bytesToHex(data)}`)), RECOVERY_CHECK_BITS);
}

function groupInFives(chars: string): string {
  return chars.match(/.{1,5}/g)!.join('-');
}

/**
 * A new recovery key: 32 random bytes and a 19-bit check, as 55 Crockford base32 characters in
 * groups of five (`XXXXX-XXXXX-…`, 11 groups). Shown once, to be written down.
 */
export function newRecoveryKey(): string {
  const data = randomBytes(MASTER_KEY_BYTES);
  const bits = [...bitsOf(data, RECOVERY_DATA_BITS), ...recoveryCheckBits(data)];
  let chars = '';
  for (let i = 0; i < bits.length; i += 5) {
    chars += CROCKFORD[bits.slice(i, i + 5).reduce((value, bit) => (value << 1) | bit, 0)];
  }
  data.fill(0);
  return groupInFives(chars);
}

/**
 * A recovery key as typed, in the canonical form newRecoveryKey gives (the form that is
 * wrapped), or null when it is not one: case, spaces, hyphens and full-width characters are
 * ignored, O reads as 0 and I/L as 1 (Crockford); the length and the check are verified, so a
 * typo is caught before any slot is tried.
 */
export function parseRecoveryKey(text: string): string | null {
  if (typeof text !== 'string' || text.length > 400) return null;
  const compact = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_\u2010-\u2015\u2212]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== RECOVERY_CHARS) return null;
  const bits: number[] = [];
  for (const char of compact) {
    const value = CROCKFORD.indexOf(char);
    if (value < 0) return null;
    for (let b = 4; b >= 0; b--) bits.push((value >> b) & 1);
  }
  const data = new Uint8Array(MASTER_KEY_BYTES);
  for (let i = 0; i < RECOVERY_DATA_BITS; i++) data[i >> 3] = data[i >> 3]! | (bits[i]! << (7 - (i & 7)));
  const expected = recoveryCheckBits(data);
  data.fill(0);
  if (expected.some((bit, i) => bit !== bits[RECOVERY_DATA_BITS + i])) return null;
  return groupInFives(compact);
}
