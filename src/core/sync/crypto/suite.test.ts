import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sm2 } from './sm2';
import { sm3 } from './sm3';
import { SUITE_IDS, SyncCryptoError, randomBytes, suite } from './suite';

const RUNS = { numRuns: 40 };
const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });
/** A copy of `data` with the byte at `index` (taken modulo the length) XORed with a non-zero mask. */
const flip = (data: Uint8Array, index: number, mask: number): Uint8Array => {
  const out = data.slice();
  out[index % out.length]! ^= mask;
  return out;
};
const flipArgs = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 }));

describe('suite()', () => {
  it('finds each suite by id and by header code', () => {
    expect(suite('x25519-ed25519-xchacha20poly1305').code).toBe(1);
    expect(suite('sm2-sm3-sm4gcm').code).toBe(2);
    expect(suite(1).id).toBe('x25519-ed25519-xchacha20poly1305');
    expect(suite(2).id).toBe('sm2-sm3-sm4gcm');
    expect(SUITE_IDS.map((id) => suite(id).id)).toEqual([...SUITE_IDS]);
  });

  it('refuses an unknown suite with a typed error', () => {
    for (const unknown of [0, 3, 255, 'aes-gcm' as never]) {
      expect(() => suite(unknown)).toThrow(expect.objectContaining({ code: 'SYNC_SUITE_UNKNOWN' }));
    }
  });

  it('hashes with SHA-256 in suite 1 and SM3 in suite 2 (FIPS 180 and GB/T 32905 "abc")', () => {
    const abc = utf8ToBytes('abc');
    expect(bytesToHex(suite(1).hash(abc))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(bytesToHex(suite(2).hash(abc))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe.each(SUITE_IDS)('%s', (id) => {
  const s = suite(id);
  const alice = s.generateKeys();
  const bob = s.generateKeys();
  const context = utf8ToBytes('01JBUNDLE000000000000000000|01JNODEBOB0000000000000000');

  it('produces keys, signatures, ciphertexts and sealed keys of the declared sizes', () => {
    for (const pair of [alice.signing, alice.encryption]) {
      expect(pair.publicKey.length).toBe(s.publicKeyBytes);
      expect(pair.secretKey.length).toBe(32);
    }
    expect(s.sign(utf8ToBytes('x'), alice.signing.secretKey).length).toBe(s.signatureBytes);
    const key = randomBytes(s.contentKeyBytes);
    expect(s.encrypt(key, randomBytes(s.nonceBytes), new Uint8Array(10), new Uint8Array(0)).length).toBe(10 + s.tagBytes);
    expect(s.seal(key, bob.encryption.publicKey, context).length).toBe(s.sealedKeyBytes);
  });

  it('verifies its own signatures and refuses another message or signer', () => {
    fc.assert(
      fc.property(bytes(300), (message) => {
        const sig = s.sign(message, alice.signing.secretKey);
        expect(s.verify(sig, message, alice.signing.publicKey)).toBe(true);
        expect(s.verify(sig, concatBytes(message, Uint8Array.of(0)), alice.signing.publicKey)).toBe(false);
        expect(s.verify(sig, message, bob.signing.publicKey)).toBe(false);
      }),
      { numRuns: 10 },
    );
  });

  it('refuses every single-byte change of a signature', () => {
    const message = utf8ToBytes('header ‖ sealed keys ‖ nonce ‖ ciphertext');
    const sig = s.sign(message, alice.signing.secretKey);
    fc.assert(
      fc.property(flipArgs, ([at, mask]) => {
        expect(s.verify(flip(sig, at, mask), message, alice.signing.publicKey)).toBe(false);
      }),
      RUNS,
    );
  });

  it('answers false, never throws, for garbage signatures and keys', () => {
    fc.assert(
      fc.property(bytes(80), bytes(80), (sig, key) => {
        expect(s.verify(sig, utf8ToBytes('m'), key)).toBe(false);
        expect(s.verify(sig, utf8ToBytes('m'), alice.signing.publicKey)).toBe(false);
      }),
      RUNS,
    );
  });

  it('encrypts and decrypts any payload with its AAD', () => {
    fc.assert(
      fc.property(bytes(200), bytes(40), (plaintext, aad) => {
        const key = randomBytes(s.contentKeyBytes);
        const nonce = randomBytes(s.nonceBytes);
        expect(s.decrypt(key, nonce, s.encrypt(key, nonce, plaintext, aad), aad)).toEqual(plaintext);
      }),
      RUNS,
    );
  });

  it('refuses every single-byte change of ciphertext or tag with SYNC_DECRYPT_FAILED', () => {
    const key = randomBytes(s.contentKeyBytes);
    const nonce = randomBytes(s.nonceBytes);
    const aad = utf8ToBytes('header');
    const sealed = s.encrypt(key, nonce, utf8ToBytes('operations, compressed, 39 bytes long.'), aad);
    fc.assert(
      fc.property(flipArgs, ([at, mask]) => {
        expect(() => s.decrypt(key, nonce, flip(sealed, at, mask), aad)).toThrow(SyncCryptoError);
      }),
      RUNS,
    );
    const refused = (f: () => unknown) => expect(f).toThrow(expect.objectContaining({ code: 'SYNC_DECRYPT_FAILED' }));
    refused(() => s.decrypt(key, nonce, sealed, utf8ToBytes('headeR')));
    refused(() => s.decrypt(key, flip(nonce, 0, 1), sealed, aad));
    refused(() => s.decrypt(flip(key, 0, 1), nonce, sealed, aad));
    refused(() => s.decrypt(key, nonce, sealed.subarray(0, s.tagBytes - 1), aad));
    refused(() => s.decrypt(key, nonce.subarray(1), sealed, aad));
  });

  it('refuses to encrypt with a key or nonce of the wrong length', () => {
    const key = randomBytes(s.contentKeyBytes);
    expect(() => s.encrypt(key.subarray(1), randomBytes(s.nonceBytes), new Uint8Array(1), new Uint8Array(0))).toThrow(RangeError);
    expect(() => s.encrypt(key, randomBytes(s.nonceBytes + 1), new Uint8Array(1), new Uint8Array(0))).toThrow(RangeError);
  });

  it('seals a content key that only the recipient, in the same context, opens', () => {
    const key = randomBytes(s.contentKeyBytes);
    const sealed = s.seal(key, bob.encryption.publicKey, context);
    expect(s.open(sealed, bob.encryption.secretKey, bob.encryption.publicKey, context)).toEqual(key);
    // wrong recipient
    expect(s.open(sealed, alice.encryption.secretKey, alice.encryption.publicKey, context)).toBeNull();
    // context mismatch: another bundle, or the same bundle's key for another recipient
    expect(s.open(sealed, bob.encryption.secretKey, bob.encryption.publicKey, flip(context, 3, 1))).toBeNull();
    expect(s.open(sealed, bob.encryption.secretKey, bob.encryption.publicKey, context.subarray(1))).toBeNull();
    // the binding covers the recipient's public key too
    expect(s.open(sealed, bob.encryption.secretKey, alice.encryption.publicKey, context)).toBeNull();
    // two seals of the same key differ (fresh ephemeral key each time)
    expect(s.seal(key, bob.encryption.publicKey, context)).not.toEqual(sealed);
  });

  it('refuses every single-byte change of a sealed key, and truncation', () => {
    const key = randomBytes(s.contentKeyBytes);
    const sealed = s.seal(key, bob.encryption.publicKey, context);
    fc.assert(
      fc.property(flipArgs, ([at, mask]) => {
        expect(s.open(flip(sealed, at, mask), bob.encryption.secretKey, bob.encryption.publicKey, context)).toBeNull();
      }),
      RUNS,
    );
    expect(s.open(sealed.subarray(1), bob.encryption.secretKey, bob.encryption.publicKey, context)).toBeNull();
  });

  it('accepts generated public keys and refuses malformed ones', () => {
    for (const kind of ['signing', 'encryption'] as const) {
      expect(s.isValidPublicKey(kind, alice[kind].publicKey)).toBe(true);
      expect(s.isValidPublicKey(kind, alice[kind].publicKey.subarray(1))).toBe(false);
      expect(s.isValidPublicKey(kind, new Uint8Array(s.publicKeyBytes))).toBe(false);
    }
  });

  it('shows a fingerprint as 12 groups of 5 digits that depends on every key and their order', () => {
    const a = alice.signing.publicKey;
    const b = alice.encryption.publicKey;
    const fp = s.fingerprint(a, b);
    expect(fp).toMatch(/^(\d{5} ){11}\d{5}$/);
    expect(s.fingerprint(a, b)).toBe(fp);
    expect(s.fingerprint(b, a)).not.toBe(fp);
    expect(s.fingerprint(a, bob.encryption.publicKey)).not.toBe(fp);
    expect(s.fingerprint(flip(a, 0, 1), b)).not.toBe(fp);
  });
});

describe('the sealing constructions as documented in suite.ts', () => {
  const context = utf8ToBytes('bundle|recipient');
  const seal = utf8ToBytes('zhijian/sync/seal/v1');

  it('suite 1: e.pub ‖ XChaCha20-Poly1305 under HKDF-SHA256(X25519(e, R), info = label ‖ 1 ‖ e.pub ‖ R ‖ context)', () => {
    const s = suite(1);
    const bob = s.generateKeys().encryption;
    const key = randomBytes(32);
    const sealed = s.seal(key, bob.publicKey, context);
    const ephemeral = sealed.subarray(0, 32);
    const shared = x25519.getSharedSecret(bob.secretKey, ephemeral);
    const okm = hkdf(sha256, shared, undefined, concatBytes(seal, Uint8Array.of(1), ephemeral, bob.publicKey, context), 56);
    expect(xchacha20poly1305(okm.subarray(0, 32), okm.subarray(32)).decrypt(sealed.subarray(32))).toEqual(key);
  });

  it('suite 2: SM2-Encrypt(R, key ‖ SM3(label ‖ 2 ‖ R ‖ context)), C1 ‖ C3 ‖ C2', () => {
    const s = suite(2);
    const bob = s.generateKeys().encryption;
    const key = randomBytes(16);
    const message = sm2.decrypt(bob.secretKey, s.seal(key, bob.publicKey, context));
    expect(message).toEqual(concatBytes(key, sm3(concatBytes(seal, Uint8Array.of(2), bob.publicKey, context))));
  });

  it('suite 1 refuses a low-order recipient key', () => {
    expect(suite(1).isValidPublicKey('encryption', new Uint8Array(32))).toBe(false);
    expect(() => suite(1).seal(randomBytes(32), new Uint8Array(32), context)).toThrow();
  });

  it('one suite cannot open what the other sealed, and fingerprints differ between suites', () => {
    const one = suite(1);
    const two = suite(2);
    const bob1 = one.generateKeys().encryption;
    const bob2 = two.generateKeys().encryption;
    expect(two.open(one.seal(randomBytes(32), bob1.publicKey, context), bob2.secretKey, bob2.publicKey, context)).toBeNull();
    expect(one.open(two.seal(randomBytes(16), bob2.publicKey, context), bob1.secretKey, bob1.publicKey, context)).toBeNull();
    const keys = [randomBytes(32), randomBytes(32)];
    expect(one.fingerprint(...keys)).not.toBe(two.fingerprint(...keys));
  });
});
