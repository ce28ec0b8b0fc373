/** Test helpers for bundles: synthetic nodes, content, and correctly signed bundles with wrong insides. */
import { deflateRawSync } from 'node:zlib';
import { concatBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { newId } from '../../api/ids';
import { formatHlc } from '../../api/hlc';
import { APP_VERSION } from '../../version';
import type { CipherSuite, KeyPairs } from '../crypto/suite';
import type { AuditRecord, BundleContent, Operation } from '../operations';
import { assembleBundle } from './encode';
import type { OwnKeys, SenderLookup } from './open';
import type { HeaderJson } from './schemas';

export interface TestNode {
  nodeId: string;
  unitCode: string;
  keys: KeyPairs;
  suite: CipherSuite;
}

export function testNode(suite: CipherSuite, unitCode = '330100'): TestNode {
  return { nodeId: newId(), unitCode, keys: suite.generateKeys(), suite };
}

export const senderOf = (n: TestNode) => ({ nodeId: n.nodeId, unitCode: n.unitCode, signingSecret: n.keys.signing.secretKey });
export const recipientOf = (n: TestNode) => ({ nodeId: n.nodeId, encryptionPublic: n.keys.encryption.publicKey });
export const ownKeysOf = (n: TestNode): OwnKeys => ({
  nodeId: n.nodeId,
  encryptionSecret: n.keys.encryption.secretKey,
  encryptionPublic: n.keys.encryption.publicKey,
});

/** The peers as `openBundle` asks for them; `revoked` lists node ids marked revoked. */
export function lookupOf(peers: TestNode[], revoked: string[] = []): SenderLookup {
  return (nodeId) => {
    const peer = peers.find((p) => p.nodeId === nodeId);
    return peer ? { signingPublic: peer.keys.signing.publicKey, suite: peer.suite.id, revoked: revoked.includes(nodeId) } : null;
  };
}

const stamp = (millis: number, counter: number, nodeId: string) => formatHlc({ millis, counter, nodeId });

/** Valid content: `operations` row changes and `audit` entries, all made by `origin`. */
export function sampleContent(origin: string, operations: number, audit = 1): BundleContent {
  const ops = Array.from({ length: operations }, (_, i): Operation => ({
    hlc: stamp(1_767_225_600_000 + i, i % 3, origin),
    origin,
    table: i % 2 ? 'clues' : 'cases',
    row: newId(),
    op: i % 5 === 4 ? 'delete' : i % 5 === 0 ? 'insert' : 'update',
    columns: i % 5 === 4 ? {} : { title: `示例线索 ${i}`, amount_fen: i * 100, urgent: i % 2 === 0, closed_at: null },
  }));
  const entries: AuditRecord[] = Array.from({ length: audit }, (_, i) => ({
    id: newId(),
    nodeId: origin,
    at: '2026-01-01T08:00:00.000+08:00',
    hlc: stamp(1_767_225_600_000 + operations + i, 0, origin),
    actor: 'admin',
    procedure: 'clues.intake',
    rows: '[]',
    summary: '{}',
    prevHash: '',
    hash: 'ab'.repeat(32),
  }));
  return { operations: ops, audit: entries };
}

/** Random valid content of one origin, for property tests. */
export function contentArbitrary(origin: string): fc.Arbitrary<BundleContent> {
  // -0 becomes 0: the change log stores columns as JSON already, and JSON has no -0
  const double = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
  const value = fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), double, fc.boolean(), fc.constant(null));
  const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,20}$/);
  const operation = fc.record({
    hlc: fc.tuple(fc.nat({ max: 999_999_999_999 }), fc.nat({ max: 999_999 })).map(([ms, n]) => stamp(ms, n, origin)),
    origin: fc.constant(origin),
    table: name,
    row: fc.string({ minLength: 1, maxLength: 40 }),
    op: fc.constantFrom('insert' as const, 'update' as const, 'delete' as const),
    columns: fc.dictionary(name, value, { maxKeys: 6 }),
  });
  const entry = fc.record({
    id: fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
    nodeId: fc.constant(origin),
    at: fc.constant('2026-01-01T08:00:00.000+08:00'),
    hlc: fc.nat({ max: 999_999_999_999 }).map((ms) => stamp(ms, 0, origin)),
    actor: fc.string(),
    procedure: fc.constant('cases.transition'),
    rows: fc.json(),
    summary: fc.json(),
    prevHash: fc.constant(''),
    hash: fc.constant('cd'.repeat(32)),
  });
  return fc.record({ operations: fc.array(operation, { maxLength: 15 }), audit: fc.array(entry, { maxLength: 4 }) });
}

/**
 * A bundle signed by `from` whose header fields are `header` over sensible defaults and whose
 * content JSON is `json` (any text, valid or not), sealed to `to`.
 */
export function craftBundle(options: {
  from: TestNode;
  to: TestNode[];
  json: string;
  header?: Partial<HeaderJson> & Record<string, unknown>;
  /** the deflated payload, when it should not be `json` deflated */
  compressed?: Uint8Array;
}): Uint8Array {
  const plain = Buffer.from(options.json, 'utf8');
  const compressed = options.compressed ?? deflateRawSync(plain);
  const header = {
    id: newId(),
    createdAt: new Date().toISOString(),
    sender: { nodeId: options.from.nodeId, unitCode: options.from.unitCode },
    recipients: options.to.map((n) => n.nodeId),
    vector: {},
    operations: 0,
    audit: 0,
    appVersion: APP_VERSION,
    contentBytes: plain.length,
    payloadBytes: compressed.length + options.from.suite.tagBytes,
    ...options.header,
  } as HeaderJson;
  return assembleBundle(options.from.suite, options.from.keys.signing.secretKey, options.to.map(recipientOf), header, compressed);
}

/** The bundle with its signature replaced by `signer`'s over its (possibly altered) bytes. */
export function resign(bundle: Uint8Array, signer: TestNode): Uint8Array {
  const signed = bundle.subarray(0, bundle.length - signer.suite.signatureBytes);
  return concatBytes(signed, signer.suite.sign(signed, signer.keys.signing.secretKey));
}
