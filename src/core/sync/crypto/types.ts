/** The shape every cipher suite has; described in full at the top of suite.ts. */
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export const SUITE_IDS = ['x25519-ed25519-xchacha20poly1305', 'sm2-sm3-sm4gcm'] as const;
export type SuiteId = (typeof SUITE_IDS)[number];

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** Separate pairs for signing and for receiving sealed keys, as GM/T practice also requires. */
export interface KeyPairs {
  signing: KeyPair;
  encryption: KeyPair;
}

export interface CipherSuite {
  readonly id: SuiteId;
  /** The suite's byte in a bundle header. */
  readonly code: number;
  /** Length of a signing and of an encryption public key (the same in both suites). */
  readonly publicKeyBytes: number;
  readonly signatureBytes: number;
  readonly contentKeyBytes: number;
  readonly nonceBytes: number;
  /** `encrypt` output is the plaintext length plus this. */
  readonly tagBytes: number;
  /** `seal` output length. */
  readonly sealedKeyBytes: number;

  generateKeys(): KeyPairs;
  /** For checking a peer's identity file before it is trusted. */
  isValidPublicKey(kind: 'signing' | 'encryption', publicKey: Uint8Array): boolean;
  sign(message: Uint8Array, signingSecret: Uint8Array): Uint8Array;
  /** Never throws: a malformed signature or key is an invalid signature. */
  verify(signature: Uint8Array, message: Uint8Array, signingPublic: Uint8Array): boolean;
  /** 32 bytes. */
  hash(data: Uint8Array): Uint8Array;
  /** AEAD; returns ciphertext ‖ tag. Throws RangeError on a key or nonce of the wrong length. */
  encrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array;
  /** Throws SyncCryptoError('SYNC_DECRYPT_FAILED') on any altered byte, wrong key, nonce or AAD. */
  decrypt(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array;
  /** Seals a content key to one recipient; `context` (e.g. bundle id ‖ recipient id) must match at `open`. */
  seal(contentKey: Uint8Array, recipientEncryptionPublic: Uint8Array, context: Uint8Array): Uint8Array;
  /** Null when the sealed key is not for this recipient, not for this context, or altered. */
  open(
    sealed: Uint8Array,
    recipientEncryptionSecret: Uint8Array,
    recipientEncryptionPublic: Uint8Array,
    context: Uint8Array,
  ): Uint8Array | null;
  /** 60 digits in 12 groups of 5, of the given public keys in the given order. */
  fingerprint(...publicKeys: Uint8Array[]): string;
}

export type SyncCryptoErrorCode = 'SYNC_SUITE_UNKNOWN' | 'SYNC_DECRYPT_FAILED';

export class SyncCryptoError extends Error {
  readonly code: SyncCryptoErrorCode;

  constructor(code: SyncCryptoErrorCode, message: string = code) {
    super(message);
    this.name = 'SyncCryptoError';
    this.code = code;
  }
}

/** Domain-separation label: the app, the purpose and a version, so no two uses share an input. */
export const label = (purpose: string): Uint8Array => utf8ToBytes(`zhijian/sync/${purpose}/v1`);

/**
 * The fingerprint: hash(label ‖ suite code ‖ (u16 length ‖ key)…), read as a 256-bit integer,
 * its last 60 decimal digits (2^256 ≈ 1.2·10^77, so they are uniform to within 10^-17),
 * grouped by 5. About 199 bits: people must compare all 12 groups, not the first few.
 */
export function fingerprintWith(hash: (data: Uint8Array) => Uint8Array, code: number, keys: Uint8Array[]): string {
  const parts = keys.flatMap((key) => [Uint8Array.of(key.length >> 8, key.length & 0xff), key]);
  const n = bytesToNumberBE(hash(concatBytes(label('fingerprint'), Uint8Array.of(code), ...parts)));
  const digits = (n % 10n ** 60n).toString().padStart(60, '0');
  return digits.match(/\d{5}/g)!.join(' ');
}
