import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { sm4EncryptBlock, sm4KeySchedule } from './sm4';
import { Sm4GcmTagError, sm4gcm } from './sm4gcm';

const KEY = hexToBytes('0123456789abcdeffedcba9876543210');

describe('SM4 block cipher (GB/T 32907-2016 Annex A)', () => {
  it('encrypts the example block under the same key', () => {
    const out = new Uint8Array(16);
    sm4EncryptBlock(sm4KeySchedule(KEY), KEY, out);
    expect(bytesToHex(out)).toBe('681edf34d206965e86b3e94f536e4246');
  });

  // about 0.5 s here: cheap enough to keep (the brief drops it only above 3 s)
  it('reaches the second example after encrypting the block 1,000,000 times', () => {
    const rk = sm4KeySchedule(KEY);
    const block = KEY.slice();
    for (let i = 0; i < 1_000_000; i++) sm4EncryptBlock(rk, block, block);
    expect(bytesToHex(block)).toBe('595298c7c6fd271f0402f804c33d3f66');
  });

  it('refuses a key that is not 16 bytes', () => {
    expect(() => sm4KeySchedule(new Uint8Array(32))).toThrow(RangeError);
  });
});

describe('SM4-GCM', () => {
  // RFC 8998 Appendix A.1 (the GB/T 36624 example)
  const nonce = hexToBytes('00001234567800000000abcd');
  const aad = hexToBytes('feedfacedeadbeeffeedfacedeadbeefabaddad2');
  const plaintext = hexToBytes(
    'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd' +
      'eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa',
  );
  const expected =
    '17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735' +
    'd82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d' +
    '83de3541e4c2b58177e065a9bf7b62ec';

  it('reproduces the RFC 8998 A.1 ciphertext and tag, and decrypts it back', () => {
    expect(bytesToHex(sm4gcm(KEY, nonce, aad).encrypt(plaintext))).toBe(expected);
    expect(bytesToHex(sm4gcm(KEY, nonce, aad).decrypt(hexToBytes(expected)))).toBe(bytesToHex(plaintext));
  });

  it('round-trips lengths that are not whole blocks, including empty', () => {
    for (const n of [0, 1, 15, 17, 33, 100]) {
      const pt = Uint8Array.from({ length: n }, (_, i) => (i * 31) & 0xff);
      const sealed = sm4gcm(KEY, nonce, aad).encrypt(pt);
      expect(sealed.length).toBe(n + 16);
      expect(sm4gcm(KEY, nonce, aad).decrypt(sealed)).toEqual(pt);
    }
  });

  it('refuses a changed AAD, nonce or key, and a truncated input', () => {
    const sealed = sm4gcm(KEY, nonce, aad).encrypt(plaintext);
    expect(() => sm4gcm(KEY, nonce, aad.subarray(1)).decrypt(sealed)).toThrow(Sm4GcmTagError);
    expect(() => sm4gcm(KEY, new Uint8Array(12), aad).decrypt(sealed)).toThrow(Sm4GcmTagError);
    expect(() => sm4gcm(new Uint8Array(16), nonce, aad).decrypt(sealed)).toThrow(Sm4GcmTagError);
    expect(() => sm4gcm(KEY, nonce, aad).decrypt(sealed.subarray(0, 15))).toThrow(Sm4GcmTagError);
  });
});
