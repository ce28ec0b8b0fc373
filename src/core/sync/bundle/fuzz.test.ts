import { equalBytes } from '@noble/ciphers/utils.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../api/errors';
import { SUITE_IDS, suite } from '../crypto/suite';
import { writePrefix } from './frame';
import { encodeBundle, openBundle, readBundleHeader } from './index';
import { lookupOf, ownKeysOf, recipientOf, resign, sampleContent, senderOf, testNode } from './testing';

const RUNS = { numRuns: 150 };

/** Whatever happens, it is either a value or an AppError with a sync code. */
function settle<T>(run: () => T): { value: T } | { code: string } {
  try {
    return { value: run() };
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const code = (error as AppError).code;
    expect(code).toMatch(/^SYNC_/);
    return { code };
  }
}

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'splice'; at: number; from: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), from: fc.nat() }),
);

/** `bytes` mutated; a splice joins its head to the tail of `other` (another valid bundle). */
function mutate(bytes: Uint8Array, m: Mutation, other: Uint8Array): Uint8Array {
  const at = m.at % (bytes.length + 1);
  switch (m.kind) {
    case 'flip': {
      const out = bytes.slice();
      if (out.length > 0) out[m.at % out.length]! ^= m.mask;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at);
    case 'insert':
      return concatBytes(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
    case 'delete':
      return concatBytes(bytes.subarray(0, at), bytes.subarray(at + m.count));
    case 'splice':
      return concatBytes(bytes.subarray(0, at), other.subarray(m.from % (other.length + 1)));
  }
}

describe.each(SUITE_IDS)('fuzzing bundles under %s', (id) => {
  const s = suite(id);
  const county = testNode(s);
  const otherCounty = testNode(s);
  const city = testNode(s);
  const peers = lookupOf([county, otherCounty]);
  const contentA = sampleContent(county.nodeId, 6, 1);
  const contentB = sampleContent(otherCounty.nodeId, 3, 2);
  const bundleA = encodeBundle({ suite: s, sender: senderOf(county), recipients: [recipientOf(city)], vector: {}, content: contentA });
  const bundleB = encodeBundle({
    suite: s,
    sender: senderOf(otherCounty),
    recipients: [otherCounty, city].map(recipientOf),
    vector: {},
    content: contentB,
  });
  const [pristineA, pristineB] = [bundleA.slice(), bundleB.slice()];

  const originals = [
    { bytes: bundleA, content: contentA },
    { bytes: bundleB, content: contentB },
  ];

  /**
   * Only an intact bundle opens, and then with exactly its own content; all else is a sync error.
   * `signedPartOnly`: intact means the same bytes up to the signature (SM2 signs with a random k,
   * so signing the same bytes again gives another valid signature). `candidates`: the originals
   * these bytes may be intact copies of; a bundle signed again by another sender than its own is
   * not one of them, even when its signed part is byte for byte the other bundle's.
   */
  function checkOpen(bytes: Uint8Array, signedPartOnly = false, candidates = originals): void {
    const outcome = settle(() => openBundle(bytes, ownKeysOf(city), peers));
    const signed = (b: Uint8Array) => b.subarray(0, Math.max(0, b.length - s.signatureBytes));
    const same = (original: Uint8Array) =>
      signedPartOnly ? bytes.length === original.length && equalBytes(signed(bytes), signed(original)) : equalBytes(bytes, original);
    const intact = candidates.find((original) => same(original.bytes))?.content;
    if (intact) expect(outcome).toEqual({ value: expect.objectContaining({ content: intact }) });
    else expect(outcome).toHaveProperty('code');
    settle(() => readBundleHeader(bytes));
  }

  it('refuses random bytes with a sync error', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => checkOpen(bytes)), RUNS);
  });

  it('refuses random bytes behind a plausible prefix and header', () => {
    const header = fc.oneof(fc.json(), fc.constant(JSON.stringify(readBundleHeader(bundleA))));
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 600 }), (json, tail) => {
        checkOpen(concatBytes(writePrefix(s.code, utf8ToBytes(json)), tail));
      }),
      RUNS,
    );
  });

  it('refuses a header with any field replaced by any JSON value', () => {
    const header = readBundleHeader(bundleA) as unknown as Record<string, unknown>;
    const field = fc.constantFrom(...Object.keys(header), 'unknownField');
    fc.assert(
      fc.property(field, fc.jsonValue(), (name, value) => {
        const json = utf8ToBytes(JSON.stringify({ ...header, [name]: value }));
        const headerEnd = 9 + new DataView(bundleA.buffer, bundleA.byteOffset).getUint32(5);
        checkOpen(concatBytes(writePrefix(s.code, json), bundleA.subarray(headerEnd)));
      }),
      RUNS,
    );
  });

  it('opens a mutated bundle only when the mutations cancel out, and refuses it otherwise', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (startWithA, mutations) => {
        const [start, other] = startWithA ? [bundleA, bundleB] : [bundleB, bundleA];
        checkOpen(mutations.reduce((bytes, m) => mutate(bytes, m, other), start));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a mutated bundle that its sender signed again, past the signature check', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 2 }), (startWithA, mutations) => {
        const [start, other, signer] = startWithA ? [bundleA, bundleB, county] : [bundleB, bundleA, otherCounty];
        const mutated = mutations.reduce((bytes, m) => mutate(bytes, m, other), start);
        const ownOriginal = originals.filter((original) => original.bytes === start);
        checkOpen(mutated.length > s.signatureBytes ? resign(mutated, signer) : mutated, true, ownOriginal);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses one sender's bundle signed again by another sender", () => {
    // Found by the property above (seed -308505890): a splice of bundleB's first 8 bytes onto
    // bundleA's rest rebuilt bundleA whole, which bundleB's sender then signed.
    expect(settle(() => openBundle(resign(bundleA, otherCounty), ownKeysOf(city), peers))).toEqual({ code: 'SYNC_BUNDLE_SIGNATURE' });
    expect(settle(() => openBundle(resign(bundleB, county), ownKeysOf(city), peers))).toEqual({ code: 'SYNC_BUNDLE_SIGNATURE' });
  });

  it('never alters the bytes it reads', () => {
    expect(equalBytes(bundleA, pristineA)).toBe(true);
    expect(equalBytes(bundleB, pristineB)).toBe(true);
  });
});
