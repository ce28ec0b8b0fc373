/** Writing a bundle (FORMAT.md): header, sealed content keys, encrypted payload, signature. */
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { newId } from '../../api/ids';
import { shanghaiTimestamp } from '../../api/time';
import { APP_VERSION } from '../../version';
import { type CipherSuite, randomBytes } from '../crypto/suite';
import type { BundleContent, KnowledgeVector } from '../operations';
import { packContent } from './content';
import { sealingContext, writePrefix } from './frame';
import { type HeaderJson, firstIssue, headerJsonSchema } from './schemas';

export interface BundleSender {
  nodeId: string;
  unitCode: string;
  signingSecret: Uint8Array;
}

export interface BundleRecipient {
  nodeId: string;
  encryptionPublic: Uint8Array;
}

export interface EncodeBundleInput {
  suite: CipherSuite;
  sender: BundleSender;
  /** each receives the content key sealed to it, in this order */
  recipients: readonly BundleRecipient[];
  /** the sender's knowledge vector */
  vector: KnowledgeVector;
  /** recipient → the latest of its bundles the sender applied */
  acks?: Readonly<Record<string, string>>;
  content: BundleContent;
  /** a new ULID unless given */
  id?: string;
  /** ISO 8601 with offset; now (Asia/Shanghai) unless given */
  createdAt?: string;
}

/**
 * The bundle file's bytes. Throws RangeError on input that would make a bundle its recipients
 * refuse (invalid content or header fields, content above MAX_CONTENT_BYTES), and the suite's
 * error for a malformed key: a caller's bug either way.
 */
export function encodeBundle(input: EncodeBundleInput): Uint8Array {
  const { compressed, contentBytes } = packContent(input.content);
  const header = headerJsonSchema.safeParse({
    id: input.id ?? newId(),
    createdAt: input.createdAt ?? shanghaiTimestamp(new Date()),
    sender: { nodeId: input.sender.nodeId, unitCode: input.sender.unitCode },
    recipients: input.recipients.map((r) => r.nodeId),
    vector: input.vector,
    ...(input.acks && Object.keys(input.acks).length > 0 ? { acks: { ...input.acks } } : {}),
    operations: input.content.operations.length,
    audit: input.content.audit.length,
    appVersion: APP_VERSION,
    contentBytes,
    payloadBytes: compressed.length + input.suite.tagBytes,
  } satisfies HeaderJson);
  if (!header.success) throw new RangeError(`bundle header is invalid: ${firstIssue(header.error)}`);
  return assembleBundle(input.suite, input.sender.signingSecret, input.recipients, header.data, compressed);
}

/**
 * Seals, encrypts and signs with no check of its own: encodeBundle's last step, and the way
 * tests craft correctly signed bundles with wrong insides.
 */
export function assembleBundle(
  suite: CipherSuite,
  signingSecret: Uint8Array,
  recipients: readonly BundleRecipient[],
  header: HeaderJson,
  compressed: Uint8Array,
): Uint8Array {
  const contentKey = randomBytes(suite.contentKeyBytes);
  const sealedKeys = recipients.map((r) =>
    suite.seal(contentKey, r.encryptionPublic, sealingContext(header.id, r.nodeId, header.sender.nodeId)),
  );
  const nonce = randomBytes(suite.nonceBytes);
  const beforePayload = concatBytes(writePrefix(suite.code, utf8ToBytes(JSON.stringify(header))), ...sealedKeys, nonce);
  const signed = concatBytes(beforePayload, suite.encrypt(contentKey, nonce, compressed, beforePayload));
  return concatBytes(signed, suite.sign(signed, signingSecret));
}
