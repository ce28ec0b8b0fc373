/**
 * The bundle's byte layout (FORMAT.md, "Layout"): cutting a file into its sections and checking
 * that they add up, with no key. Everything here is structure; what the bytes mean cryptographically
 * is open.ts's business.
 */
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { AppError } from '../../api/errors';
import { type CipherSuite, type SuiteId, SyncCryptoError, suite as suiteFor } from '../crypto/suite';
import { type HeaderJson, firstIssue, headerJsonSchema } from './schemas';

/** "ZJB" */
export const BUNDLE_MAGIC = Uint8Array.of(0x5a, 0x4a, 0x42);
/** The format version this code writes and the highest it reads. */
export const BUNDLE_FORMAT_VERSION = 1;
/** magic, version, suite code, u32 header length */
export const PREFIX_BYTES = BUNDLE_MAGIC.length + 1 + 1 + 4;
/** The header is a few hundred bytes; a larger one is damage, not data. */
export const MAX_HEADER_BYTES = 1024 * 1024;

/** What a file holds, readable without keys (and not yet authenticated: see openBundle). */
export interface BundleHeader extends HeaderJson {
  formatVersion: number;
  suite: SuiteId;
}

/** A bundle cut into its sections (subarrays of the input, nothing copied). */
export interface BundleFrame {
  header: BundleHeader;
  suite: CipherSuite;
  /** one per recipient, in the header's order */
  sealedKeys: Uint8Array[];
  nonce: Uint8Array;
  payload: Uint8Array;
  /** everything before the payload: the payload's associated data */
  beforePayload: Uint8Array;
  /** everything before the signature: what the signature covers */
  signed: Uint8Array;
  signature: Uint8Array;
}

export const corrupt = (why: string): AppError => new AppError('SYNC_BUNDLE_CORRUPT', { why });

/**
 * What a sealed content key is bound to: u16-length-prefixed UTF-8 of the bundle id, the
 * recipient and the sender, so a sealed key opens in no other bundle, for no other recipient.
 */
export function sealingContext(bundleId: string, recipientId: string, senderId: string): Uint8Array {
  return concatBytes(
    ...[bundleId, recipientId, senderId].flatMap((id) => {
      const bytes = utf8ToBytes(id);
      return [Uint8Array.of(bytes.length >> 8, bytes.length & 0xff), bytes];
    }),
  );
}

/** magic ‖ version ‖ suite code ‖ u32 length ‖ header JSON */
export function writePrefix(suiteCode: number, headerJson: Uint8Array): Uint8Array {
  const fixed = new Uint8Array(PREFIX_BYTES);
  fixed.set(BUNDLE_MAGIC, 0);
  fixed[3] = BUNDLE_FORMAT_VERSION;
  fixed[4] = suiteCode;
  new DataView(fixed.buffer).setUint32(5, headerJson.length);
  return concatBytes(fixed, headerJson);
}

/** Magic first, then the version, before anything else can fail: a newer file says so. */
function checkMagicAndVersion(bytes: Uint8Array): void {
  const magicSeen = bytes.subarray(0, BUNDLE_MAGIC.length);
  if (magicSeen.some((byte, i) => byte !== BUNDLE_MAGIC[i])) throw corrupt('not a bundle file');
  if (bytes.length <= BUNDLE_MAGIC.length) throw corrupt('truncated');
  const version = bytes[3]!;
  if (version > BUNDLE_FORMAT_VERSION) {
    throw new AppError('SYNC_BUNDLE_NEWER_VERSION', { version, supported: BUNDLE_FORMAT_VERSION });
  }
  if (version < 1) throw corrupt(`unknown format version ${version}`);
}

function parseHeaderJson(bytes: Uint8Array): HeaderJson {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    throw corrupt('header is not JSON');
  }
  const parsed = headerJsonSchema.safeParse(value);
  if (!parsed.success) throw corrupt(`header ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/** Cuts a bundle into its sections; SYNC_BUNDLE_CORRUPT or SYNC_BUNDLE_NEWER_VERSION if it cannot. */
export function readFrame(bytes: Uint8Array): BundleFrame {
  checkMagicAndVersion(bytes);
  if (bytes.length < PREFIX_BYTES) throw corrupt('truncated');
  let suite: CipherSuite;
  try {
    suite = suiteFor(bytes[4]!);
  } catch (error) {
    if (error instanceof SyncCryptoError) throw corrupt(`unknown cipher suite ${bytes[4]}`);
    throw error;
  }
  const headerBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5);
  if (headerBytes > MAX_HEADER_BYTES) throw corrupt('header too long');
  const headerEnd = PREFIX_BYTES + headerBytes;
  if (bytes.length < headerEnd) throw corrupt('truncated');
  const json = parseHeaderJson(bytes.subarray(PREFIX_BYTES, headerEnd));
  if (json.payloadBytes < suite.tagBytes) throw corrupt('payload shorter than its tag');

  const keysEnd = headerEnd + json.recipients.length * suite.sealedKeyBytes;
  const nonceEnd = keysEnd + suite.nonceBytes;
  const payloadEnd = nonceEnd + json.payloadBytes;
  const end = payloadEnd + suite.signatureBytes;
  if (bytes.length < end) throw corrupt('truncated');
  if (bytes.length > end) throw corrupt('bytes after the signature');

  return {
    header: { formatVersion: bytes[3]!, suite: suite.id, ...json },
    suite,
    sealedKeys: json.recipients.map((_, i) =>
      bytes.subarray(headerEnd + i * suite.sealedKeyBytes, headerEnd + (i + 1) * suite.sealedKeyBytes),
    ),
    nonce: bytes.subarray(keysEnd, nonceEnd),
    payload: bytes.subarray(nonceEnd, payloadEnd),
    beforePayload: bytes.subarray(0, nonceEnd),
    signed: bytes.subarray(0, payloadEnd),
    signature: bytes.subarray(payloadEnd, end),
  };
}

/**
 * What a file holds, for showing before it is applied: structure checked, nothing verified
 * (anyone can write a header; only openBundle's signature check makes it the sender's word).
 */
export function readBundleHeader(bytes: Uint8Array): BundleHeader {
  return readFrame(bytes).header;
}
