/** Suite 1, `x25519-ed25519-xchacha20poly1305`: see the table at the top of suite.ts. */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { type CipherSuite, SyncCryptoError, fingerprintWith, label } from './types';

const CODE = 1;
const KEY = 32;
const NONCE = 24;
const TAG = 16;

/**
 * The key-wrapping key and nonce for one sealed key. The info binds the suite, both public keys
 * of the exchange and the context: a sealed key moved to another bundle, recipient or suite, or
 * with its ephemeral key re-encoded (X25519 ignores the top bit), derives a different key.
 */
function wrapKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipientPublic: Uint8Array, context: Uint8Array) {
  const info = concatBytes(label('seal'), Uint8Array.of(CODE), ephemeralPublic, recipientPublic, context);
  const okm = hkdf(sha256, shared, undefined, info, KEY + NONCE);
  return xchacha20poly1305(okm.subarray(0, KEY), okm.subarray(KEY));
}

function checkLengths(key: Uint8Array, nonce: Uint8Array): void {
  if (key.length !== KEY || nonce.length !== NONCE) throw new RangeError(`expected a ${KEY}-byte key and a ${NONCE}-byte nonce`);
}

export const x25519Suite: CipherSuite = {
  id: 'x25519-ed25519-xchacha20poly1305',
  code: CODE,
  publicKeyBytes: 32,
  signatureBytes: 64,
  contentKeyBytes: KEY,
  nonceBytes: NONCE,
  tagBytes: TAG,
  sealedKeyBytes: 32 + KEY + TAG,

  generateKeys: () => ({ signing: ed25519.keygen(), encryption: x25519.keygen() }),

  isValidPublicKey(kind, publicKey) {
    // refuse low-order keys: strict verify refuses them as signers, and with X25519 they would
    // fix the shared secret whatever the ephemeral key
    try {
      if (kind === 'signing') return !ed25519.Point.fromBytes(publicKey, false).isSmallOrder();
      x25519.getSharedSecret(x25519.utils.randomSecretKey(), publicKey);
      return true;
    } catch {
      return false;
    }
  },

  sign: (message, secret) => ed25519.sign(message, secret),

  verify(signature, message, publicKey) {
    try {
      // strict RFC 8032 decoding: one valid encoding per signature, nothing malleable
      return ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },

  hash: (data) => sha256(data),

  encrypt(key, nonce, plaintext, aad) {
    checkLengths(key, nonce);
    return xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
  },

  decrypt(key, nonce, ciphertext, aad) {
    try {
      checkLengths(key, nonce);
      return xchacha20poly1305(key, nonce, aad).decrypt(ciphertext);
    } catch {
      throw new SyncCryptoError('SYNC_DECRYPT_FAILED');
    }
  },

  seal(contentKey, recipientPublic, context) {
    if (contentKey.length !== KEY) throw new RangeError(`content key must be ${KEY} bytes`);
    const ephemeral = x25519.keygen(); // fresh per recipient, so the wrap nonce never repeats
    const shared = x25519.getSharedSecret(ephemeral.secretKey, recipientPublic);
    return concatBytes(ephemeral.publicKey, wrapKey(shared, ephemeral.publicKey, recipientPublic, context).encrypt(contentKey));
  },

  open(sealed, recipientSecret, recipientPublic, context) {
    if (sealed.length !== this.sealedKeyBytes) return null;
    try {
      const ephemeralPublic = sealed.subarray(0, 32);
      const shared = x25519.getSharedSecret(recipientSecret, ephemeralPublic);
      return wrapKey(shared, ephemeralPublic, recipientPublic, context).decrypt(sealed.subarray(32));
    } catch {
      return null;
    }
  },

  fingerprint: (...publicKeys) => fingerprintWith(sha256, CODE, publicKeys),
};
