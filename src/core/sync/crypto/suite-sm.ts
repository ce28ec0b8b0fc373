/** Suite 2, `sm2-sm3-sm4gcm`: see the table at the top of suite.ts. */
import { concatBytes, equalBytes } from '@noble/ciphers/utils.js';
import { sm2 } from './sm2';
import { sm3 } from './sm3';
import { SM4GCM_NONCE_BYTES, SM4GCM_TAG_BYTES, sm4gcm } from './sm4gcm';
import { type CipherSuite, SyncCryptoError, fingerprintWith, label } from './types';

const CODE = 2;
const KEY = 16;
const BINDING = 32;

/**
 * What a sealed key is bound to. GB/T 32918.4 encryption has no associated data, so the binding
 * travels inside the encrypted message, after the content key, where C3 = SM3(x2 ‖ M ‖ y2)
 * authenticates it: a sealed key moved to another context or recipient opens to a wrong binding.
 */
const binding = (recipientPublic: Uint8Array, context: Uint8Array): Uint8Array =>
  sm3(concatBytes(label('seal'), Uint8Array.of(CODE), recipientPublic, context));

function checkLengths(key: Uint8Array, nonce: Uint8Array): void {
  if (key.length !== KEY || nonce.length !== SM4GCM_NONCE_BYTES) {
    throw new RangeError(`expected a ${KEY}-byte key and a ${SM4GCM_NONCE_BYTES}-byte nonce`);
  }
}

export const smSuite: CipherSuite = {
  id: 'sm2-sm3-sm4gcm',
  code: CODE,
  publicKeyBytes: 65,
  signatureBytes: 64,
  contentKeyBytes: KEY,
  nonceBytes: SM4GCM_NONCE_BYTES,
  tagBytes: SM4GCM_TAG_BYTES,
  sealedKeyBytes: 65 + 32 + KEY + BINDING, // C1 ‖ C3 ‖ C2

  generateKeys: () => ({ signing: sm2.keygen(), encryption: sm2.keygen() }),

  isValidPublicKey: (_kind, publicKey) => sm2.isValidPublicKey(publicKey),

  // the default user ID (1234567812345678): nodes agree on no other
  sign: (message, secret) => sm2.sign(message, secret),

  verify: (signature, message, publicKey) => sm2.verify(signature, message, publicKey),

  hash: (data) => sm3(data),

  encrypt(key, nonce, plaintext, aad) {
    checkLengths(key, nonce);
    return sm4gcm(key, nonce, aad).encrypt(plaintext);
  },

  decrypt(key, nonce, ciphertext, aad) {
    try {
      checkLengths(key, nonce);
      return sm4gcm(key, nonce, aad).decrypt(ciphertext);
    } catch {
      throw new SyncCryptoError('SYNC_DECRYPT_FAILED');
    }
  },

  seal(contentKey, recipientPublic, context) {
    if (contentKey.length !== KEY) throw new RangeError(`content key must be ${KEY} bytes`);
    return sm2.encrypt(recipientPublic, concatBytes(contentKey, binding(recipientPublic, context)));
  },

  open(sealed, recipientSecret, recipientPublic, context) {
    if (sealed.length !== this.sealedKeyBytes) return null;
    const message = sm2.decrypt(recipientSecret, sealed);
    if (!message || !equalBytes(message.subarray(KEY), binding(recipientPublic, context))) return null;
    return message.slice(0, KEY);
  },

  fingerprint: (...publicKeys) => fingerprintWith(sm3, CODE, publicKeys),
};
