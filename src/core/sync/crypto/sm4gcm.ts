/**
 * SM4-GCM (GB/T 36624-2018 / RFC 8998): the GCM construction of NIST SP 800-38D with SM4 as the
 * block cipher. 12-byte nonce only (J0 = nonce ‖ 0³¹1, as in RFC 8998), 16-byte tag appended to
 * the ciphertext. GHASH is @noble/ciphers' own, the one its AES-GCM uses.
 */
import { ghash } from '@noble/ciphers/_polyval.js';
import { equalBytes, u64Lengths } from '@noble/ciphers/utils.js';
import { sm4EncryptBlock, sm4EncryptWords, sm4KeySchedule } from './sm4';

export const SM4GCM_NONCE_BYTES = 12;
export const SM4GCM_TAG_BYTES = 16;
// GCM's 32-bit block counter allows 2^32 − 2 blocks of plaintext
const MAX_PLAINTEXT = (2 ** 32 - 2) * 16;

/** Thrown by `decrypt` when the tag does not match: wrong key, nonce or AAD, or altered bytes. */
export class Sm4GcmTagError extends Error {
  constructor() {
    super('SM4-GCM: authentication tag mismatch');
    this.name = 'Sm4GcmTagError';
  }
}

function ctr(rk: Uint32Array, j0: Uint8Array, src: Uint8Array): Uint8Array {
  const out = new Uint8Array(src.length);
  const j = new DataView(j0.buffer, j0.byteOffset, 16);
  const [c0, c1, c2] = [j.getUint32(0), j.getUint32(4), j.getUint32(8)];
  let c3 = j.getUint32(12);
  const stream = new Uint32Array(4);
  for (let pos = 0; pos < src.length; pos += 16) {
    c3 = (c3 + 1) >>> 0; // inc32: only the low word counts, modulo 2^32
    sm4EncryptWords(rk, c0, c1, c2, c3, stream);
    const end = Math.min(16, src.length - pos);
    for (let i = 0; i < end; i++) out[pos + i] = src[pos + i]! ^ (stream[i >> 2]! >>> (24 - 8 * (i & 3)));
  }
  return out;
}

function tag(rk: Uint32Array, j0: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const h = new Uint8Array(16);
  sm4EncryptBlock(rk, h, h); // H = E_K(0^128)
  const lengths = u64Lengths(8 * ciphertext.length, 8 * aad.length, false); // len(A) ‖ len(C), bits
  // noble's GHASH zero-pads each update to a block boundary, which is exactly GCM's A ‖ 0* ‖ C ‖ 0*
  const s = ghash.create(h, aad.length + ciphertext.length).update(aad).update(ciphertext).update(lengths).digest();
  const mask = new Uint8Array(16);
  sm4EncryptBlock(rk, j0, mask);
  for (let i = 0; i < 16; i++) s[i]! ^= mask[i]!;
  return s;
}

function setup(key: Uint8Array, nonce: Uint8Array): { rk: Uint32Array; j0: Uint8Array } {
  if (nonce.length !== SM4GCM_NONCE_BYTES) throw new RangeError(`SM4-GCM nonce must be 12 bytes, got ${nonce.length}`);
  const j0 = new Uint8Array(16);
  j0.set(nonce);
  j0[15] = 1;
  return { rk: sm4KeySchedule(key), j0 };
}

/** SM4-GCM with a 16-byte key and a 12-byte nonce: `encrypt` returns ciphertext ‖ tag. */
export function sm4gcm(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array = new Uint8Array(0)) {
  const { rk, j0 } = setup(key, nonce);
  return {
    encrypt(plaintext: Uint8Array): Uint8Array {
      if (plaintext.length > MAX_PLAINTEXT) throw new RangeError('SM4-GCM plaintext too long');
      const ciphertext = ctr(rk, j0, plaintext);
      const out = new Uint8Array(ciphertext.length + SM4GCM_TAG_BYTES);
      out.set(ciphertext);
      out.set(tag(rk, j0, aad, ciphertext), ciphertext.length);
      return out;
    },
    decrypt(sealed: Uint8Array): Uint8Array {
      if (sealed.length < SM4GCM_TAG_BYTES) throw new Sm4GcmTagError();
      const ciphertext = sealed.subarray(0, sealed.length - SM4GCM_TAG_BYTES);
      // equalBytes is constant-time; the tag is checked before any plaintext exists
      if (!equalBytes(tag(rk, j0, aad, ciphertext), sealed.subarray(ciphertext.length))) throw new Sm4GcmTagError();
      return ctr(rk, j0, ciphertext);
    },
  };
}
