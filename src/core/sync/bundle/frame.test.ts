import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { SUITE_IDS, randomBytes, suite } from '../crypto/suite';
import { sealingContext } from './frame';

describe('sealingContext', () => {
  it('tells apart every bundle, recipient and sender, however the ids split', () => {
    const contexts = [
      ['01KBZ7W3YQ9R6T5V4X2M8N0PHC', 'CITY', 'COUNTY'],
      ['01KBZ7W3YQ9R6T5V4X2M8N0PHD', 'CITY', 'COUNTY'],
      ['01KBZ7W3YQ9R6T5V4X2M8N0PHC', 'COUNTY', 'CITY'],
      ['01KBZ7W3YQ9R6T5V4X2M8N0PHC', 'CITY', 'OTHER'],
      ['ab', 'c', 'd'],
      ['a', 'bc', 'd'],
    ].map(([bundle, recipient, sender]) => bytesToHex(sealingContext(bundle!, recipient!, sender!)));
    expect(new Set(contexts).size).toBe(contexts.length);
  });

  it.each(SUITE_IDS)('binds a sealed key to its bundle, recipient and sender under %s', (id) => {
    const s = suite(id);
    const recipient = s.generateKeys().encryption;
    const key = randomBytes(s.contentKeyBytes);
    const sealed = s.seal(key, recipient.publicKey, sealingContext('B1', 'CITY', 'COUNTY'));
    const openWith = (ctx: Uint8Array) => s.open(sealed, recipient.secretKey, recipient.publicKey, ctx);
    expect(openWith(sealingContext('B1', 'CITY', 'COUNTY'))).toEqual(key);
    // the same keys under another node id (a reinstalled node, a rewritten recipient list) do not open it
    expect(openWith(sealingContext('B2', 'CITY', 'COUNTY'))).toBeNull();
    expect(openWith(sealingContext('B1', 'CITY2', 'COUNTY'))).toBeNull();
    expect(openWith(sealingContext('B1', 'CITY', 'COUNTY2'))).toBeNull();
  });
});
