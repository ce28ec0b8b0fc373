/**
 * A bundle's content as bytes (FORMAT.md, "Content"): UTF-8 JSON, raw deflate. Plain JSON of
 * objects costs about 1% more than arrays of columns once deflated (the keys repeat), so the
 * readable form won.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { BundleContent } from '../operations';
import { corrupt } from './frame';
import { MAX_CONTENT_BYTES, bundleContentSchema, firstIssue } from './schemas';

export interface PackedContent {
  /** the raw-deflate stream */
  compressed: Uint8Array;
  /** the JSON's length before compression, for the header */
  contentBytes: number;
}

/** Validates (so a peer never receives what it would refuse), serialises and compresses. */
export function packContent(content: BundleContent): PackedContent {
  const parsed = bundleContentSchema.safeParse(content);
  if (!parsed.success) throw new RangeError(`bundle content is invalid: ${firstIssue(parsed.error)}`);
  // the parsed copy, not the input: it drops fields that are not part of the wire format
  const json = Buffer.from(JSON.stringify(parsed.data), 'utf8');
  if (json.length > MAX_CONTENT_BYTES) {
    throw new RangeError(`bundle content is ${json.length} bytes, above ${MAX_CONTENT_BYTES}: split it over several bundles`);
  }
  return { compressed: deflateRawSync(json, { level: 6 }), contentBytes: json.length };
}

/**
 * The content back from the decrypted payload, refusing anything that is not exactly what the
 * (signed) header announced. Inflating stops at the announced length, so a small payload cannot
 * expand into gigabytes.
 */
export function unpackContent(
  compressed: Uint8Array,
  expected: { contentBytes: number; operations: number; audit: number },
): BundleContent {
  let json: Buffer;
  try {
    json = inflateRawSync(compressed, { maxOutputLength: expected.contentBytes });
  } catch {
    throw corrupt('payload does not inflate to the announced size');
  }
  if (json.length !== expected.contentBytes) throw corrupt('payload does not inflate to the announced size');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(json));
  } catch {
    throw corrupt('content is not JSON');
  }
  const parsed = bundleContentSchema.safeParse(value);
  if (!parsed.success) throw corrupt(`content ${firstIssue(parsed.error)}`);
  const content = parsed.data;
  if (content.operations.length !== expected.operations || content.audit.length !== expected.audit) {
    throw corrupt('content counts differ from the header');
  }
  return content;
}
