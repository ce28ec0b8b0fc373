import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { sm3 } from './sm3';

describe('SM3 (GB/T 32905-2016 Annex A)', () => {
  it('hashes "abc" to the first example', () => {
    expect(bytesToHex(sm3(utf8ToBytes('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('hashes the 64-byte "abcd"×16 to the second example (two blocks after padding)', () => {
    expect(bytesToHex(sm3(utf8ToBytes('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('gives the same digest fed in pieces as in one call', () => {
    const data = utf8ToBytes('abcd'.repeat(40) + 'xyz');
    const h = sm3.create();
    for (let i = 0; i < data.length; i += 7) h.update(data.subarray(i, i + 7));
    expect(bytesToHex(h.digest())).toBe(bytesToHex(sm3(data)));
  });
});
