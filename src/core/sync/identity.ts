/**
 * This installation as a sync node: its id (meta.node_id), the org unit it works for, and its
 * two key pairs in the deployment's cipher suite, in the one sync_identity row. The secret keys
 * never leave the encrypted database; the identity file carries the public half to peers.
 *
 * Made at setup (auth/setup.ts); a database set up before sync existed gets its keys on first
 * use (`ensureIdentity`), with the default suite.
 */
import { asc, eq, isNull } from 'drizzle-orm';
import {
  DEFAULT_SYNC_SUITE,
  IDENTITY_FILE_FORMAT,
  IDENTITY_FILE_VERSION,
  identityFileSchema,
  type IdentityFile,
} from '../../shared/api/sync';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { shanghaiTimestamp } from '../api/time';
import type { Db } from '../db/open';
import { orgUnits, syncIdentity } from '../db/schema';
import { suite, type KeyPair, type SuiteId } from './crypto/suite';

export interface NodeIdentity {
  nodeId: string;
  /** the org unit this node works for: the root unit of its database */
  unitCode: string;
  suite: SuiteId;
  signing: KeyPair;
  encryption: KeyPair;
  createdAt: string;
}

/** An identity file that passed every check, with its keys decoded. */
export interface CheckedIdentityFile {
  file: IdentityFile;
  signingPublic: Uint8Array;
  encryptionPublic: Uint8Array;
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** The code of the root org unit: the unit a node works for. */
export function rootUnitCode(db: Db): string | null {
  return db.select({ code: orgUnits.code }).from(orgUnits).where(isNull(orgUnits.parentId)).orderBy(asc(orgUnits.code)).limit(1).get()?.code ?? null;
}

/**
 * Makes this node's key pairs and stores them, unless the node has its identity already. Runs
 * inside the caller's write (setup's, or ensureIdentity's): the row never travels, so drizzle
 * on the write's connection, audited by that write.
 */
export function createIdentity(db: Db, nodeId: string, options: { unitCode: string; suite: SuiteId; now: Date }): void {
  const keys = suite(options.suite).generateKeys();
  db.insert(syncIdentity)
    .values({
      nodeId,
      suite: options.suite,
      signingPublic: toBase64(keys.signing.publicKey),
      encryptionPublic: toBase64(keys.encryption.publicKey),
      signingSecret: toBase64(keys.signing.secretKey),
      encryptionSecret: toBase64(keys.encryption.secretKey),
      unitCode: options.unitCode,
      createdAt: shanghaiTimestamp(options.now),
    })
    .onConflictDoNothing()
    .run();
}

/** This node's identity, or null for a database set up before sync that has not used it yet. */
export function readIdentity(db: Db, nodeId: string): NodeIdentity | null {
  const row = db.select().from(syncIdentity).where(eq(syncIdentity.nodeId, nodeId)).get();
  if (!row) return null;
  return {
    nodeId: row.nodeId,
    unitCode: row.unitCode,
    suite: suite(row.suite as SuiteId).id,
    signing: { publicKey: fromBase64(row.signingPublic), secretKey: fromBase64(row.signingSecret) },
    encryption: { publicKey: fromBase64(row.encryptionPublic), secretKey: fromBase64(row.encryptionSecret) },
    createdAt: row.createdAt,
  };
}

/** This node's identity; SYNC_NOT_SET_UP when it has none (for read-only procedures, which cannot make it). */
export function requireIdentity(db: Db, nodeId: string): NodeIdentity {
  const identity = readIdentity(db, nodeId);
  if (!identity) throw new AppError('SYNC_NOT_SET_UP');
  return identity;
}

/**
 * This node's identity, made now (default suite, root unit) if the database was set up before
 * sync. Only for procedures that declare `mutates`: making it is a write, audited.
 */
export function ensureIdentity(ctx: Context): NodeIdentity {
  const existing = readIdentity(ctx.db, ctx.nodeId);
  if (existing) return existing;
  ctx.write(
    (w) => {
      const unitCode = rootUnitCode(w.db);
      if (!unitCode) throw new AppError('SYNC_NOT_SET_UP');
      createIdentity(w.db, ctx.nodeId, { unitCode, suite: DEFAULT_SYNC_SUITE, now: ctx.now() });
    },
    () => ({ syncIdentity: 'created', suite: DEFAULT_SYNC_SUITE }),
  );
  return requireIdentity(ctx.db, ctx.nodeId);
}

/** Names the unit this node works for; its next bundles carry it to its peers. */
export function setNodeUnit(ctx: Context, unitCode: string): NodeIdentity {
  ensureIdentity(ctx);
  ctx.write(
    (w) => {
      const unit = w.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, unitCode)).get();
      if (!unit) throw new AppError('UNIT_NOT_FOUND', { unit: unitCode });
      w.db.update(syncIdentity).set({ unitCode }).where(eq(syncIdentity.nodeId, ctx.nodeId)).run();
    },
    () => ({ unitCode }),
  );
  return requireIdentity(ctx.db, ctx.nodeId);
}

/** The identity file of this node: what `zhijian identity export` writes. */
export function identityFile(db: Db, identity: NodeIdentity): IdentityFile {
  const unitName = db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.code, identity.unitCode)).get()?.name ?? identity.unitCode;
  return {
    format: IDENTITY_FILE_FORMAT,
    version: IDENTITY_FILE_VERSION,
    nodeId: identity.nodeId,
    unitCode: identity.unitCode,
    unitName,
    suite: identity.suite,
    signingPublic: toBase64(identity.signing.publicKey),
    encryptionPublic: toBase64(identity.encryption.publicKey),
    fingerprint: suite(identity.suite).fingerprint(identity.signing.publicKey, identity.encryption.publicKey),
  };
}

const invalid = (why: string) => new AppError('SYNC_IDENTITY_INVALID', { why });

/**
 * Checks an identity file as read from disk (parsed JSON, anything at all): its shape, keys
 * that are valid public keys of its suite, and a fingerprint that is the keys' own. Anything
 * wrong is SYNC_IDENTITY_INVALID with the first reason.
 */
export function checkIdentityFile(value: unknown): CheckedIdentityFile {
  const header = (typeof value === 'object' && value !== null ? value : {}) as { format?: unknown; version?: unknown };
  if (header.format !== IDENTITY_FILE_FORMAT) throw invalid('not a Zhijian node identity file');
  if (typeof header.version === 'number' && header.version > IDENTITY_FILE_VERSION) {
    throw invalid(`format version ${header.version}, newer than this program reads (${IDENTITY_FILE_VERSION})`);
  }
  const parsed = identityFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const file = parsed.data;
  const cipher = suite(file.suite);
  const signingPublic = fromBase64(file.signingPublic);
  const encryptionPublic = fromBase64(file.encryptionPublic);
  // one encoding per key: peers are compared by their stored text (a revoked key must not come back re-spelt)
  if (toBase64(signingPublic) !== file.signingPublic) throw invalid('signingPublic: not canonical base64');
  if (toBase64(encryptionPublic) !== file.encryptionPublic) throw invalid('encryptionPublic: not canonical base64');
  if (signingPublic.length !== cipher.publicKeyBytes || !cipher.isValidPublicKey('signing', signingPublic)) {
    throw invalid(`signingPublic: not a public key of ${file.suite}`);
  }
  if (encryptionPublic.length !== cipher.publicKeyBytes || !cipher.isValidPublicKey('encryption', encryptionPublic)) {
    throw invalid(`encryptionPublic: not a public key of ${file.suite}`);
  }
  // separate pairs for signing and sealing (suite.ts): one key in both places is no identity of ours
  if (file.signingPublic === file.encryptionPublic) throw invalid('the signing and encryption keys are the same');
  if (cipher.fingerprint(signingPublic, encryptionPublic) !== file.fingerprint) throw invalid('fingerprint: does not match the keys');
  return { file, signingPublic, encryptionPublic };
}
