import { deflateRawSync } from 'node:zlib';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/errors';
import { SUITE_IDS, randomBytes, suite } from '../crypto/suite';
import { encodeBundle } from './encode';
import { writePrefix } from './frame';
import { openBundle, readBundleHeader } from './index';
import { craftBundle, lookupOf, ownKeysOf, recipientOf, resign, sampleContent, senderOf, testNode } from './testing';

/** The AppError `run` throws (failing the test if it throws nothing or something else). */
function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

describe.each(SUITE_IDS)('bundle checks under %s', (id) => {
  const s = suite(id);
  const county = testNode(s);
  const city = testNode(s);
  const other = testNode(s);
  const peers = lookupOf([county, city, other]);
  const content = sampleContent(county.nodeId, 5, 1);
  const valid = encodeBundle({ suite: s, sender: senderOf(county), recipients: [city, other].map(recipientOf), vector: {}, content });
  const open = (bytes: Uint8Array, lookup = peers) => openBundle(bytes, ownKeysOf(city), lookup);
  const corruptWhy = (bytes: Uint8Array) => {
    const error = errorOf(() => open(bytes));
    expect(error.code).toBe('SYNC_BUNDLE_CORRUPT');
    return String(error.details?.why);
  };
  const withByte = (bytes: Uint8Array, at: number, value: number) => {
    const out = bytes.slice();
    out[at] = value;
    return out;
  };
  const headerEndOf = (bytes: Uint8Array) => 9 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(5);
  const headerEnd = headerEndOf(valid);

  describe('structure and version (readBundleHeader and openBundle alike)', () => {
    it('refuses a truncated file at every section boundary', () => {
      for (const length of [0, 2, 3, 4, 8, 9, headerEnd - 1, headerEnd, headerEnd + 1, valid.length - 1]) {
        expect(corruptWhy(valid.subarray(0, length))).toBe('truncated');
        expect(() => readBundleHeader(valid.subarray(0, length))).toThrow(expect.objectContaining({ code: 'SYNC_BUNDLE_CORRUPT' }));
      }
    });

    it('refuses a file that is not a bundle, and bytes after the signature', () => {
      expect(corruptWhy(withByte(valid, 0, 0x50))).toBe('not a bundle file');
      expect(corruptWhy(utf8ToBytes('{"id":"x"}'))).toBe('not a bundle file');
      expect(corruptWhy(concatBytes(valid, Uint8Array.of(0)))).toBe('bytes after the signature');
    });

    it('says a newer format version is newer, before reading anything else', () => {
      for (const bytes of [withByte(valid, 3, 2), utf8ToBytes('ZJB\u0002'), concatBytes(utf8ToBytes('ZJB'), Uint8Array.of(200), randomBytes(40))]) {
        const error = errorOf(() => open(bytes));
        expect(error.code).toBe('SYNC_BUNDLE_NEWER_VERSION');
        expect(error.details).toEqual({ version: bytes[3], supported: 1 });
        expect(() => readBundleHeader(bytes)).toThrow(expect.objectContaining({ code: 'SYNC_BUNDLE_NEWER_VERSION' }));
      }
      expect(corruptWhy(withByte(valid, 3, 0))).toBe('unknown format version 0');
    });

    it('refuses an unknown suite code, an absurd header length and a malformed header', () => {
      expect(corruptWhy(withByte(valid, 4, 9))).toBe('unknown cipher suite 9');
      expect(corruptWhy(withByte(valid, 5, 0x7f))).toBe('header too long');
      expect(corruptWhy(writePrefix(s.code, utf8ToBytes('{"id": 01')))).toBe('header is not JSON');
      expect(corruptWhy(writePrefix(s.code, Uint8Array.of(0x7b, 0xff, 0x7d)))).toBe('header is not JSON');
      const header = readBundleHeader(valid) as unknown as Record<string, unknown>;
      const { recipients: _, ...withoutRecipients } = header;
      expect(corruptWhy(writePrefix(s.code, utf8ToBytes(JSON.stringify(withoutRecipients))))).toMatch(/^header recipients/);
      const negative = { ...header, operations: -1 };
      expect(corruptWhy(writePrefix(s.code, utf8ToBytes(JSON.stringify(negative))))).toMatch(/^header operations/);
    });

    it('ignores header fields it does not know', () => {
      const bytes = craftBundle({ from: county, to: [city], json: '{"operations":[],"audit":[]}', header: { future: { shards: 3 } } });
      expect(open(bytes).content).toEqual({ operations: [], audit: [] });
    });
  });

  describe('sender and signature', () => {
    it('refuses an unknown sender, a revoked one and one of another suite', () => {
      expect(errorOf(() => open(valid, lookupOf([city])))).toMatchObject({ code: 'SYNC_PEER_UNKNOWN', details: { nodeId: county.nodeId } });
      expect(errorOf(() => open(valid, lookupOf([county], [county.nodeId])))).toMatchObject({
        code: 'SYNC_PEER_REVOKED',
        details: { nodeId: county.nodeId },
      });
      const otherSuite = SUITE_IDS.find((x) => x !== id)!;
      const lookup = (nodeId: string) => ({ ...peers(nodeId)!, suite: otherSuite });
      expect(errorOf(() => open(valid, lookup))).toMatchObject({ code: 'SYNC_SUITE_MISMATCH', details: { suite: id, ours: otherSuite } });
    });

    it('refuses any byte changed after signing, and a signature by another key', () => {
      const appVersionAt = Buffer.from(valid.subarray(0, headerEnd)).indexOf('"appVersion":"') + '"appVersion":"'.length;
      for (const at of [appVersionAt, headerEnd + 3, valid.length - 100, valid.length - 1]) {
        expect(errorOf(() => open(withByte(valid, at, valid[at]! ^ 0x01))).code).toBe('SYNC_BUNDLE_SIGNATURE');
      }
      const impostor = { ...testNode(s), nodeId: county.nodeId };
      expect(errorOf(() => open(resign(valid, impostor))).code).toBe('SYNC_BUNDLE_SIGNATURE');
    });

    it('checks the sender before the signature and the signature before the recipient', () => {
      const tampered = withByte(valid, valid.length - 1, valid.at(-1)! ^ 0x80);
      expect(errorOf(() => open(tampered, lookupOf([city]))).code).toBe('SYNC_PEER_UNKNOWN');
      expect(errorOf(() => openBundle(tampered, ownKeysOf(testNode(s)), peers)).code).toBe('SYNC_BUNDLE_SIGNATURE');
    });
  });

  describe('content, after a valid signature', () => {
    const sealedKey = (bytes: Uint8Array, slot: number) =>
      bytes.subarray(headerEndOf(bytes) + slot * s.sealedKeyBytes, headerEndOf(bytes) + (slot + 1) * s.sealedKeyBytes);
    const sealedAt = (slot: number) => headerEnd + slot * s.sealedKeyBytes;

    it('refuses a sealed key moved to another slot or from another bundle', () => {
      const swapped = valid.slice();
      swapped.set(sealedKey(valid, 1), sealedAt(0));
      expect(corruptWhy(resign(swapped, county))).toBe('the content key sealed to this node does not open');

      const id = readBundleHeader(valid).id;
      const sameHeader = encodeBundle({ suite: s, sender: senderOf(county), recipients: [city, other].map(recipientOf), vector: {}, content, id });
      const moved = valid.slice();
      moved.set(sealedKey(sameHeader, 0), sealedAt(0));
      // the same id makes the same context: the key opens, but it is the other bundle's key
      expect(corruptWhy(resign(moved, county))).toBe('payload does not decrypt');
      const elsewhere = encodeBundle({ suite: s, sender: senderOf(county), recipients: [city, other].map(recipientOf), vector: {}, content });
      moved.set(sealedKey(elsewhere, 0), sealedAt(0));
      expect(corruptWhy(resign(moved, county))).toBe('the content key sealed to this node does not open');
    });

    it('binds the payload to everything before it: a header changed and signed again does not decrypt', () => {
      const at = Buffer.from(valid.subarray(0, headerEnd)).indexOf('"appVersion":"') + '"appVersion":"'.length;
      expect(corruptWhy(resign(withByte(valid, at, valid[at]! ^ 0x01), county))).toBe('payload does not decrypt');
      const nonceAt = valid.length - s.signatureBytes - readBundleHeader(valid).payloadBytes - 1;
      expect(corruptWhy(resign(withByte(valid, nonceAt, valid[nonceAt]! ^ 0x01), county))).toBe('payload does not decrypt');
    });

    it('refuses a payload that does not decrypt, inflate, parse or validate', () => {
      const lastTagByte = valid.length - s.signatureBytes - 1;
      expect(corruptWhy(resign(withByte(valid, lastTagByte, valid[lastTagByte]! ^ 0x01), county))).toBe('payload does not decrypt');
      const json = JSON.stringify(content);
      const craft = (over: Parameters<typeof craftBundle>[0]) => corruptWhy(craftBundle(over));
      expect(craft({ from: county, to: [city], json, compressed: randomBytes(64) })).toBe('payload does not inflate to the announced size');
      expect(craft({ from: county, to: [city], json, header: { operations: 5, audit: 1, contentBytes: json.length + 1 } })).toBe(
        'payload does not inflate to the announced size',
      );
      expect(craft({ from: county, to: [city], json: '{"operations": [', header: { operations: 5, audit: 1 } })).toBe('content is not JSON');
      expect(craft({ from: county, to: [city], json, header: { operations: 4, audit: 1 } })).toBe('content counts differ from the header');
      const upsert = JSON.stringify({ ...content, operations: [{ ...content.operations[0], op: 'upsert' }] });
      expect(craft({ from: county, to: [city], json: upsert, header: { operations: 1, audit: 1 } })).toMatch(/^content operations\.0\.op/);
      const nested = JSON.stringify({ ...content, operations: [{ ...content.operations[0], columns: { title: { $gt: 1 } } }] });
      expect(craft({ from: county, to: [city], json: nested, header: { operations: 1, audit: 1 } })).toMatch(/^content operations\.0\.columns/);
      // a file whose bytes are not the ones its hash names
      const file = { sha256: 'a'.repeat(64), base64: Buffer.from('举报信').toString('base64') };
      const swapped = JSON.stringify({ ...content, files: [file] });
      expect(craft({ from: county, to: [city], json: swapped, header: { operations: 5, audit: 1 } })).toMatch(/^content files\.0.*SHA-256/);
    });

    it('refuses a decompression bomb without inflating past the announced size', () => {
      const bomb = deflateRawSync(Buffer.alloc(32 * 1024 * 1024, 0x20));
      expect(bomb.length).toBeLessThan(64 * 1024);
      expect(corruptWhy(craftBundle({ from: county, to: [city], json: '{"operations":[],"audit":[]}', compressed: bomb }))).toBe(
        'payload does not inflate to the announced size',
      );
    });

    it('keeps columns and tolerates fields it does not know, from a newer version', () => {
      const op = { ...content.operations[0]!, columns: { ...content.operations[0]!.columns, added_in_v2: 'kept' }, priority: 3 };
      const json = JSON.stringify({ operations: [op], audit: [], shards: [] });
      const opened = open(craftBundle({ from: county, to: [city], json, header: { operations: 1 } }));
      expect(opened.content.operations[0]!.columns.added_in_v2).toBe('kept');
      expect(opened.content.operations[0]).not.toHaveProperty('priority');
    });
  });
});
