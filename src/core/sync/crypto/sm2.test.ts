import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { sm2, sm2Curve } from './sm2';

const big = (hex: string) => BigInt('0x' + hex);

// GM/T 0003.5-2012 / GB/T 32918.5 Annex A: the recommended curve, default ID 1234567812345678
const REC = {
  d: hexToBytes('3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8'),
  pub:
    '04' +
    '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
    'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  za: 'b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3',
  k: big('59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21'),
  sig:
    'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
    'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
  // "encryption standard" under the same k, C1 ‖ C3 ‖ C2
  ct:
    '04' +
    '04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73' +
    'e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0' +
    '59983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766' +
    '21886ca989ca9c7d58087307ca93092d651efa',
};

// GB/T 32918.2 and .4 Annex A examples, on the standard's 256-bit test curve
const testCurve = sm2Curve({
  p: big('8542d69e4c044f18e8b92435bf6ff7de457283915c45517d722edb8b08f1dfc3'),
  a: big('787968b4fa32c3fd2417842e73bbfeff2f3c848b6831d7e0ec65228b3937e498'),
  b: big('63e4c6d3b23b0c849cf84241484bfe48f61d59a5b16ba06e6e12d1da27c5249a'),
  n: big('8542d69e4c044f18e8b92435bf6ff7dd297720630485628d5ae74ee7c32e79b7'),
  Gx: big('421debd61b62eab6746434ebc3cc315e32220b3badd50bdc4c4e6c147fedd43d'),
  Gy: big('0680512bcbb42c07d47349d2153b70c4e5d7fdfcbfa36ea1a85841b9e46e09a2'),
});

const message = utf8ToBytes('message digest');

describe('SM2 signature', () => {
  it('derives the public key and Z_A of the recommended-curve example', () => {
    expect(bytesToHex(sm2.getPublicKey(REC.d))).toBe(REC.pub);
    expect(bytesToHex(sm2.za(hexToBytes(REC.pub)))).toBe(REC.za);
  });

  it('reproduces the recommended-curve example signature with its k, and verifies it', () => {
    expect(bytesToHex(sm2.sign(message, REC.d, { k: REC.k }))).toBe(REC.sig);
    expect(sm2.verify(hexToBytes(REC.sig), message, hexToBytes(REC.pub))).toBe(true);
  });

  it('reproduces the GB/T 32918.2 Annex A example (test curve, ID ALICE123@YAHOO.COM)', () => {
    const d = hexToBytes('128b2fa8bd433c6c068c8d803dff79792a519a55171b1b650c23661d15897263');
    const id = utf8ToBytes('ALICE123@YAHOO.COM');
    const k = big('6cb28d99385c175c94f94e934817663fc176d925dd72b727260dbaae1fb2f96f');
    const sig = testCurve.sign(message, d, { id, k });
    expect(bytesToHex(sig)).toBe(
      '40f1ec59f793d9f49e09dcef49130d4194f79fb1eed2caa55bacdb49c4e755d1' +
        '6fc6dac32c5d5cf10c77dfb20f7c2eb667a457872fb09ec56327a67ec7deebe7',
    );
    expect(testCurve.verify(sig, message, testCurve.getPublicKey(d), { id })).toBe(true);
    expect(testCurve.verify(sig, message, testCurve.getPublicKey(d))).toBe(false); // Z_A binds the ID
  });

  it('signs and verifies with fresh keys; another message, key or ID fails', () => {
    const alice = sm2.keygen();
    const bob = sm2.keygen();
    const sig = sm2.sign(message, alice.secretKey);
    expect(sm2.verify(sig, message, alice.publicKey)).toBe(true);
    expect(sm2.verify(sig, utf8ToBytes('message digesT'), alice.publicKey)).toBe(false);
    expect(sm2.verify(sig, message, bob.publicKey)).toBe(false);
    expect(sm2.verify(sig, message, alice.publicKey, { id: utf8ToBytes('other') })).toBe(false);
  });

  it('treats malformed signatures and keys as invalid instead of throwing', () => {
    const { publicKey, secretKey } = sm2.keygen();
    const sig = sm2.sign(message, secretKey);
    expect(sm2.verify(sig.subarray(1), message, publicKey)).toBe(false);
    expect(sm2.verify(new Uint8Array(64), message, publicKey)).toBe(false);
    expect(sm2.verify(new Uint8Array(64).fill(0xff), message, publicKey)).toBe(false);
    expect(sm2.verify(sig, message, publicKey.subarray(1))).toBe(false);
    const offCurve = publicKey.slice();
    offCurve[64]! ^= 1;
    expect(sm2.isValidPublicKey(offCurve)).toBe(false);
    expect(sm2.verify(sig, message, offCurve)).toBe(false);
  });

  it('refuses secret keys outside 1 ≤ d ≤ n − 2', () => {
    expect(() => sm2.getPublicKey(new Uint8Array(32))).toThrow(RangeError);
    expect(() => sm2.getPublicKey(new Uint8Array(32).fill(0xff))).toThrow(RangeError);
  });
});

describe('SM2 encryption (C1 ‖ C3 ‖ C2)', () => {
  const plaintext = utf8ToBytes('encryption standard');

  it('reproduces the recommended-curve example ciphertext with its k, and decrypts it', () => {
    expect(bytesToHex(sm2.encrypt(hexToBytes(REC.pub), plaintext, { k: REC.k }))).toBe(REC.ct);
    expect(sm2.decrypt(REC.d, hexToBytes(REC.ct))).toEqual(plaintext);
  });

  it('reproduces the GB/T 32918.4 Annex A example on the test curve', () => {
    const d = hexToBytes('1649ab77a00637bd5e2efe283fbf353534aa7f7cb89463f208ddbc2920bb0da0');
    const k = big('4c62eefd6ecfc2b95b92fd6c3d9575148afa17425546d49018e5388d49dd7b4f');
    const ct = testCurve.encrypt(testCurve.getPublicKey(d), plaintext, { k });
    expect(bytesToHex(ct)).toBe(
      '04' +
        '245c26fb68b1ddddb12c4b6bf9f2b6d5fe60a383b0d18d1c4144abf17f6252e7' +
        '76cb9264c2a7e88e52b19903fdc47378f605e36811f5c07423a24b84400f01b8' +
        '9c3d7360c30156fab7c80a0276712da9d8094a634b766d3a285e07480653426d' +
        '650053a89b41c418b0c3aad00d886c00286467',
    );
    expect(testCurve.decrypt(d, ct)).toEqual(plaintext);
  });

  it('only the recipient decrypts, and any altered byte gives null', () => {
    const bob = sm2.keygen();
    const eve = sm2.keygen();
    const ct = sm2.encrypt(bob.publicKey, plaintext);
    expect(sm2.decrypt(bob.secretKey, ct)).toEqual(plaintext);
    expect(sm2.decrypt(eve.secretKey, ct)).toBeNull();
    for (const at of [0, 1, 64, 65, 96, 97, ct.length - 1]) {
      const bad = ct.slice();
      bad[at]! ^= 0x01;
      expect(sm2.decrypt(bob.secretKey, bad)).toBeNull();
    }
    expect(sm2.decrypt(bob.secretKey, ct.subarray(0, 96))).toBeNull();
  });
});
