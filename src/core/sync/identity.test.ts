import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, SYNC_SUITES, type IdentityFile, type SessionOpened } from '../../shared/api';
import type { Core } from '../api/core';
import { auditLog, changeLog, syncIdentity } from '../db/schema';
import { ADMIN, bareCore, testCore } from '../testing/fixtures';
import { randomBytes, suite, SUITE_IDS, type SuiteId } from './crypto/suite';
import { checkIdentityFile, fromBase64, readIdentity, toBase64 } from './identity';

/** A database set up in the given suite, the administrator logged in. */
async function nodeIn(suiteId: SuiteId): Promise<{ core: Core; token: string }> {
  const { core } = bareCore();
  const setup = (await core.call(api.auth.setup.name, {
    username: ADMIN.username,
    displayName: '管理员',
    password: ADMIN.password,
    org: { code: '530721', name: '玉龙纳西族自治县' },
    suite: suiteId,
  })) as SessionOpened;
  return { core, token: setup.sessionToken! };
}

const identityOf = async (core: Core, token?: string) => (await core.call(api.sync.identity.name, {}, token)) as IdentityFile;

describe('the node identity', () => {
  it('names the same suites in the contract as in the core', () => {
    expect([...SYNC_SUITES]).toEqual([...SUITE_IDS]);
  });

  it.each(SUITE_IDS)('is made at setup in the chosen suite (%s), for the root unit, with key pairs that work', async (suiteId) => {
    const { core, token } = await nodeIn(suiteId);
    const identity = readIdentity(core.database.db, core.nodeId)!;
    expect(identity).toMatchObject({ nodeId: core.nodeId, unitCode: '530721', suite: suiteId });
    const cipher = suite(suiteId);
    // the stored secrets belong to the stored public keys: a signature verifies, a sealed key opens
    const message = randomBytes(40);
    expect(cipher.verify(cipher.sign(message, identity.signing.secretKey), message, identity.signing.publicKey)).toBe(true);
    const contentKey = randomBytes(cipher.contentKeyBytes);
    const context = Uint8Array.of(1, 2, 3);
    const sealed = cipher.seal(contentKey, identity.encryption.publicKey, context);
    expect(cipher.open(sealed, identity.encryption.secretKey, identity.encryption.publicKey, context)).toEqual(contentKey);

    const file = await identityOf(core, token);
    expect(file).toEqual({
      format: 'zhijian-node',
      version: 1,
      nodeId: core.nodeId,
      unitCode: '530721',
      unitName: '玉龙纳西族自治县',
      suite: suiteId,
      signingPublic: toBase64(identity.signing.publicKey),
      encryptionPublic: toBase64(identity.encryption.publicKey),
      fingerprint: cipher.fingerprint(identity.signing.publicKey, identity.encryption.publicKey),
    });
    expect(file.fingerprint).toMatch(/^\d{5}( \d{5}){11}$/);
  });

  it('keeps the secret keys out of the change log and the audit trail, which travel to other offices', async () => {
    const { core } = await testCore();
    await identityOf(core);
    const row = core.database.db.select().from(syncIdentity).get()!;
    const travelling = JSON.stringify([core.database.db.select().from(changeLog).all(), core.database.db.select().from(auditLog).all()]);
    expect(travelling).not.toContain(row.signingSecret);
    expect(travelling).not.toContain(row.encryptionSecret);
    expect(core.database.db.select().from(changeLog).where(eq(changeLog.tableName, 'sync_identity')).all()).toEqual([]);
  });

  it('is made on first use, in the default suite, for a database set up before sync', async () => {
    const { core } = await testCore();
    const before = await identityOf(core);
    // a database from before this version has no identity row
    core.database.db.delete(syncIdentity).run();
    const entries = () => core.database.db.select().from(auditLog).where(eq(auditLog.procedure, 'sync.identity')).all();
    const made = entries().length;

    const lazy = await identityOf(core);
    expect(lazy).toMatchObject({ nodeId: core.nodeId, unitCode: '530700', unitName: '丽江市', suite: 'x25519-ed25519-xchacha20poly1305' });
    expect(lazy.signingPublic).not.toBe(before.signingPublic);
    expect(entries()).toHaveLength(made + 1);
    // made once: asked again, the same keys and no further write
    expect(await identityOf(core)).toEqual(lazy);
    expect(entries()).toHaveLength(made + 1);
    expect(checkIdentityFile(JSON.parse(JSON.stringify(lazy))).file).toEqual(lazy);
  });

  it('round-trips through its file: the keys read back are the node’s own', async () => {
    const { core } = await testCore();
    const text = JSON.stringify(await identityOf(core), null, 2);
    const checked = checkIdentityFile(JSON.parse(text));
    const own = readIdentity(core.database.db, core.nodeId)!;
    expect(checked.signingPublic).toEqual(own.signing.publicKey);
    expect(checked.encryptionPublic).toEqual(own.encryption.publicKey);
  });
});

describe('an identity file that is wrong in any way', () => {
  function fileFor(cipherId: SuiteId, keys = suite(cipherId).generateKeys()): IdentityFile {
    const cipher = suite(cipherId);
    return {
      format: 'zhijian-node',
      version: 1,
      nodeId: '01JZ8Q3V5K4M2N7P9R1S3T5V7X',
      unitCode: '530721',
      unitName: '玉龙纳西族自治县',
      suite: cipherId,
      signingPublic: toBase64(keys.signing.publicKey),
      encryptionPublic: toBase64(keys.encryption.publicKey),
      fingerprint: cipher.fingerprint(keys.signing.publicKey, keys.encryption.publicKey),
    };
  }
  /** The file with its keys replaced and its fingerprint recomputed to match them. */
  function withKeys(file: IdentityFile, signing: Uint8Array, encryption: Uint8Array): IdentityFile {
    return { ...file, signingPublic: toBase64(signing), encryptionPublic: toBase64(encryption), fingerprint: suite(file.suite).fingerprint(signing, encryption) };
  }

  const good = fileFor('x25519-ed25519-xchacha20poly1305');
  const goodSm = fileFor('sm2-sm3-sm4gcm');
  const signing = fromBase64(good.signingPublic);
  const encryption = fromBase64(good.encryptionPublic);
  // the Ed25519 identity point (order 1) and X25519's zero point: low-order keys fix any shared secret
  const smallOrderEd = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0));
  const notOnSm2 = Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : i === 64 ? 2 : 1));
  const digits = good.fingerprint.split('');
  digits[0] = digits[0] === '9' ? '8' : '9';

  const cases: [string, unknown, string | RegExp][] = [
    ['nothing', null, 'not a Zhijian node identity file'],
    ['a list', [good], 'not a Zhijian node identity file'],
    ['another format', { ...good, format: 'zhijian-keyslots' }, 'not a Zhijian node identity file'],
    ['a newer version', { ...good, version: 2 }, 'newer than this program reads'],
    ['version 0', { ...good, version: 0 }, 'version'],
    ['no node id', { ...good, nodeId: undefined }, 'nodeId'],
    ['a node id that is no ULID', { ...good, nodeId: 'city-node' }, 'nodeId'],
    ['a unit code with spaces', { ...good, unitCode: '530 721' }, 'unitCode'],
    ['no unit name', { ...good, unitName: ' ' }, 'unitName'],
    ['an unknown suite', { ...good, suite: 'rsa-aes' }, 'suite'],
    ['a key that is no base64', { ...good, signingPublic: 'not*base64' }, 'signingPublic'],
    ['a key of the wrong length', withKeys(good, signing.subarray(0, 31), encryption), 'signingPublic: not a public key'],
    ['a low-order signing key', withKeys(good, smallOrderEd, encryption), 'signingPublic: not a public key'],
    ['a low-order encryption key', withKeys(good, signing, new Uint8Array(32)), 'encryptionPublic: not a public key'],
    ['an SM2 key off the curve', withKeys(goodSm, notOnSm2, fromBase64(goodSm.encryptionPublic)), 'signingPublic: not a public key'],
    ['keys of the other suite', { ...good, suite: 'sm2-sm3-sm4gcm' }, 'signingPublic: not a public key'],
    ['one key for both uses', withKeys(good, signing, signing), 'are the same'],
    // an X25519 key is a valid Ed25519 point about half the time: then the fingerprint tells
    ['the keys swapped', { ...good, signingPublic: good.encryptionPublic, encryptionPublic: good.signingPublic }, /fingerprint: does not match|signingPublic: not a public key/],
    ['a digit of the fingerprint changed', { ...good, fingerprint: digits.join('') }, 'fingerprint: does not match'],
    ['a fingerprint cut short', { ...good, fingerprint: good.fingerprint.slice(0, 65) }, 'fingerprint'],
    ['another node’s fingerprint', { ...good, fingerprint: fileFor('x25519-ed25519-xchacha20poly1305').fingerprint }, 'fingerprint: does not match'],
  ];

  it.each(cases)('is refused: %s', (_what, file, why) => {
    const reason = typeof why === 'string' ? expect.stringContaining(why) : expect.stringMatching(why);
    expect(() => checkIdentityFile(file)).toThrow(expect.objectContaining({ code: 'SYNC_IDENTITY_INVALID', details: { why: reason } }));
  });

  it('is accepted when nothing is wrong, in both suites', () => {
    expect(checkIdentityFile(good).file).toEqual(good);
    expect(checkIdentityFile(goodSm).file).toEqual(goodSm);
  });

  it('is refused after any change of one character of a key or of the fingerprint', () => {
    const fields = ['signingPublic', 'encryptionPublic', 'fingerprint'] as const;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= '.split('');
    fc.assert(
      fc.property(fc.constantFrom(good, goodSm), fc.constantFrom(...fields), fc.nat(), fc.constantFrom(...alphabet), (file, field, at, replacement) => {
        const text = file[field];
        const i = at % text.length;
        fc.pre(text[i] !== replacement);
        const changed = { ...file, [field]: text.slice(0, i) + replacement + text.slice(i + 1) };
        expect(() => checkIdentityFile(changed)).toThrow(expect.objectContaining({ code: 'SYNC_IDENTITY_INVALID' }));
      }),
      { numRuns: 300 },
    );
  });
});
