/**
 * Cipher suites for sync bundles. The bundle code asks `suite(idOrCode)` and never learns which
 * algorithms are behind it; a deployment picks one suite, and its code is the suite byte in every
 * bundle header.
 *
 * How a bundle uses a suite: a fresh random content key (`randomBytes(s.contentKeyBytes)`) and
 * nonce encrypt the compressed operations (`encrypt`, AAD = the header); `seal` wraps the content
 * key once per recipient; the sender `sign`s the whole (header, sealed keys, nonce, ciphertext).
 * One content key encrypts exactly one payload, so nonce reuse cannot happen; the nonce is random
 * anyway so that a caller's mistake costs nothing.
 *
 * | code | id                                | sign               | seal the content key            | payload            | hash    |
 * |------|-----------------------------------|--------------------|---------------------------------|--------------------|---------|
 * | 1    | x25519-ed25519-xchacha20poly1305  | Ed25519 (RFC 8032) | X25519 + HKDF-SHA256 + XChaCha  | XChaCha20-Poly1305 | SHA-256 |
 * | 2    | sm2-sm3-sm4gcm                    | SM2 (GB/T 32918.2) | SM2 encryption (GB/T 32918.4)   | SM4-GCM (RFC 8998) | SM3     |
 *
 * Sizes in bytes (suite 1 / suite 2): public key 32 / 65 (SM2: 04 ‖ x ‖ y), secret key 32 / 32,
 * signature 64 / 64 (SM2: r ‖ s, not DER), content key 32 / 16, nonce 24 / 12, tag 16 / 16,
 * sealed key 80 / 145.
 *
 * Suite 1 sealing: a fresh X25519 key pair e per recipient; k ‖ n = HKDF-SHA256(ikm = X25519(e, R),
 * salt = none, info = "zhijian/sync/seal/v1" ‖ 0x01 ‖ e.pub ‖ R ‖ context, 56 bytes); sealed =
 * e.pub ‖ XChaCha20-Poly1305(k, n).encrypt(content key). Low-order recipient keys are refused.
 *
 * Suite 2 sealing: sealed = SM2-Encrypt(R, content key ‖ SM3("zhijian/sync/seal/v1" ‖ 0x02 ‖ R ‖
 * context)), in C1 ‖ C3 ‖ C2 order; open checks the trailing 32 bytes. SM2 public-key encryption
 * was chosen over an SM2 Diffie–Hellman + SM3-KDF + SM4-GCM wrap because it is the standard's own
 * key-transport scheme, the one GM/T 0010 digital envelopes use to carry a session key: an
 * assessor finds a standard algorithm used as specified, any GM library (GmSSL, Tongsuo, Bouncy
 * Castle) can open a sealed key for audit, and our code replays the standard's examples byte for
 * byte. SM2 key exchange (GB/T 32918.3) is interactive, so it cannot serve a file carried by hand,
 * and a home-made ECDH composition would be ours alone to justify. The price is 32 bytes per
 * recipient for the binding, since the scheme has no associated data.
 *
 * Signing keys and encryption keys are separate pairs in both suites (GM/T practice requires it).
 * SM2 signatures use the default user ID 1234567812345678 in Z_A.
 *
 * Fingerprint (`s.fingerprint(signingPublic, encryptionPublic)`, order matters): the suite's hash
 * of "zhijian/sync/fingerprint/v1" ‖ code ‖ (u16 length ‖ key)…, as a big-endian integer, its last
 * 60 decimal digits in 12 groups of 5, e.g. "03962 71820 …". The suite code is inside, so the same
 * keys never show the same digits under two suites.
 *
 * Randomness is @noble/hashes' `randomBytes` (crypto.getRandomValues) everywhere, so Node and
 * Electron behave the same; node:crypto is never used, since Electron's BoringSSL lacks these
 * ciphers.
 */
import { smSuite } from './suite-sm';
import { x25519Suite } from './suite-x25519';
import { type CipherSuite, type SuiteId, SyncCryptoError } from './types';

export { randomBytes } from '@noble/hashes/utils.js';
export { SUITE_IDS, SyncCryptoError } from './types';
export type { CipherSuite, KeyPair, KeyPairs, SuiteId, SyncCryptoErrorCode } from './types';

const SUITES: readonly CipherSuite[] = [x25519Suite, smSuite];

/** The suite with this id or header code; SyncCryptoError('SYNC_SUITE_UNKNOWN') for any other. */
export function suite(idOrCode: SuiteId | number): CipherSuite {
  const found = SUITES.find((s) => s.id === idOrCode || s.code === idOrCode);
  if (!found) throw new SyncCryptoError('SYNC_SUITE_UNKNOWN', `unknown cipher suite ${String(idOrCode)}`);
  return found;
}
