import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../version';
import { SUITE_IDS, suite } from '../crypto/suite';
import { BUNDLE_FORMAT_VERSION, encodeBundle, openBundle, readBundleHeader } from './index';
import { contentArbitrary, lookupOf, ownKeysOf, recipientOf, sampleContent, senderOf, testNode } from './testing';

describe.each(SUITE_IDS)('bundles under %s', (id) => {
  const s = suite(id);
  const county = testNode(s, '330122');
  const city = testNode(s, '330100');
  const otherCounty = testNode(s, '330127');
  const outsider = testNode(s, '330199');
  const peers = lookupOf([county, city, otherCounty, outsider]);
  const vector = { [county.nodeId]: sampleContent(county.nodeId, 3).operations[2]!.hlc };

  const encode = (content = sampleContent(county.nodeId, 20, 2)) =>
    encodeBundle({ suite: s, sender: senderOf(county), recipients: [city, otherCounty].map(recipientOf), vector, content });

  it('opens for every recipient with the content and header the sender wrote', () => {
    const content = sampleContent(county.nodeId, 20, 2);
    const bytes = encode(content);
    for (const recipient of [city, otherCounty]) {
      const opened = openBundle(bytes, ownKeysOf(recipient), peers);
      expect(opened.content).toEqual(content);
      expect(opened.header).toMatchObject({
        formatVersion: BUNDLE_FORMAT_VERSION,
        suite: id,
        sender: { nodeId: county.nodeId, unitCode: '330122' },
        recipients: [city.nodeId, otherCounty.nodeId],
        vector,
        operations: 20,
        audit: 2,
        appVersion: APP_VERSION,
      });
    }
  });

  it('carries what the sender acknowledges of each recipient, and no acks when there are none', () => {
    const acks = { [city.nodeId]: '01KBZ7W3YQ9R6T5V4X2M8N0PHC' };
    const bytes = encodeBundle({ suite: s, sender: senderOf(county), recipients: [recipientOf(city)], vector, acks, content: sampleContent(county.nodeId, 1) });
    expect(openBundle(bytes, ownKeysOf(city), peers).header.acks).toEqual(acks);
    expect(readBundleHeader(encode()).acks).toBeUndefined();
    expect(() => encodeBundle({ suite: s, sender: senderOf(county), recipients: [recipientOf(city)], vector, acks: { [city.nodeId]: 'not a bundle id' }, content: sampleContent(county.nodeId, 1) })).toThrow(RangeError);
  });

  it('reads a bundle that sits inside a larger buffer, as files read by Node may', () => {
    const content = sampleContent(county.nodeId, 4, 1);
    const bytes = encode(content);
    const inside = Buffer.concat([Buffer.alloc(7, 0xee), bytes, Buffer.alloc(5, 0xee)]).subarray(7, 7 + bytes.length);
    expect(readBundleHeader(inside)).toEqual(readBundleHeader(bytes));
    expect(openBundle(inside, ownKeysOf(city), peers).content).toEqual(content);
  });

  it('refuses a node that is not among the recipients, even a known peer', () => {
    expect(() => openBundle(encode(), ownKeysOf(outsider), peers)).toThrow(
      expect.objectContaining({ code: 'SYNC_BUNDLE_NOT_FOR_US' }),
    );
  });

  it('shows what a file holds without any key, the same header openBundle returns', () => {
    const bytes = encode();
    const header = readBundleHeader(bytes);
    expect(header).toEqual(openBundle(bytes, ownKeysOf(city), peers).header);
    expect(header.payloadBytes).toBeLessThan(header.contentBytes);
  });

  it('gives every bundle its own id, and keeps a given id and time', () => {
    const a = readBundleHeader(encode());
    const b = readBundleHeader(encode());
    expect(a.id).not.toBe(b.id);
    const given = encodeBundle({
      suite: s,
      sender: senderOf(county),
      recipients: [recipientOf(city)],
      vector: {},
      content: { operations: [], audit: [] },
      id: '01KBZ7W3YQ9R6T5V4X2M8N0PHC',
      createdAt: '2026-03-05T10:00:00.000+08:00',
    });
    expect(readBundleHeader(given)).toMatchObject({ id: '01KBZ7W3YQ9R6T5V4X2M8N0PHC', createdAt: '2026-03-05T10:00:00.000+08:00' });
    expect(openBundle(given, ownKeysOf(city), peers).content).toEqual({ operations: [], audit: [] });
  });

  it('round-trips any valid content, including any Unicode and numbers', () => {
    fc.assert(
      fc.property(contentArbitrary(county.nodeId), (content) => {
        const bytes = encodeBundle({ suite: s, sender: senderOf(county), recipients: [recipientOf(city)], vector: {}, content });
        expect(openBundle(bytes, ownKeysOf(city), peers).content).toEqual(content);
      }),
      { numRuns: 15 },
    );
  });
});

describe('encodeBundle', () => {
  const s = suite(1);
  const a = testNode(s);
  const b = testNode(s);
  const base = { suite: s, sender: senderOf(a), recipients: [recipientOf(b)], vector: {} };

  it('drops fields that are not part of the wire format', () => {
    const content = sampleContent(a.nodeId, 2, 0);
    const withExtra = { ...content, operations: content.operations.map((op, seq) => ({ ...op, seq })) };
    const opened = openBundle(encodeBundle({ ...base, content: withExtra }), ownKeysOf(b), lookupOf([a]));
    expect(opened.content).toEqual(content);
  });

  it('refuses to write what a recipient would refuse', () => {
    const good = sampleContent(a.nodeId, 1, 0);
    const op = good.operations[0]!;
    const invalid = [
      { ...base, content: { operations: [{ ...op, columns: { amount: Number.NaN } }], audit: [] } },
      { ...base, content: { operations: [{ ...op, table: 'clues; DROP TABLE users' }], audit: [] } },
      { ...base, content: { operations: [{ ...op, origin: b.nodeId }], audit: [] } },
      { ...base, content: good, recipients: [] },
      { ...base, content: good, recipients: [recipientOf(b), recipientOf(b)] },
      { ...base, content: good, vector: { [a.nodeId]: 'yesterday' } },
      { ...base, content: good, createdAt: 'today' },
    ];
    for (const input of invalid) expect(() => encodeBundle(input)).toThrow(RangeError);
  });

  it('compresses repetitive content well below its JSON size', () => {
    const content = sampleContent(a.nodeId, 2000, 0);
    const header = readBundleHeader(encodeBundle({ ...base, content }));
    expect(header.contentBytes).toBe(Buffer.byteLength(JSON.stringify(content)));
    expect(header.payloadBytes * 2).toBeLessThan(header.contentBytes);
  });
});
