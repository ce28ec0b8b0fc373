/**
 * Reading a bundle addressed to this node (FORMAT.md, "Checks"), in the documented order:
 * structure and version, sender, signature, recipient, then the content. Only AppErrors leave.
 */
import { AppError } from '../../api/errors';
import type { BundleContent } from '../operations';
import { unpackContent } from './content';
import { type BundleHeader, corrupt, readFrame, sealingContext } from './frame';

/** This node's side of the exchange. */
export interface OwnKeys {
  nodeId: string;
  encryptionSecret: Uint8Array;
  encryptionPublic: Uint8Array;
}

/** What this node holds about a peer (sync_peers). */
export interface SenderKeys {
  signingPublic: Uint8Array;
  /** the suite the peer was added with (a SuiteId) */
  suite: string;
  revoked: boolean;
}

/** The peer with this node id, or null when it is not a peer. */
export type SenderLookup = (nodeId: string) => SenderKeys | null;

export interface OpenedBundle {
  header: BundleHeader;
  content: BundleContent;
}

/**
 * The verified header and content, or an AppError: SYNC_BUNDLE_CORRUPT,
 * SYNC_BUNDLE_NEWER_VERSION, SYNC_PEER_UNKNOWN, SYNC_PEER_REVOKED, SYNC_SUITE_MISMATCH,
 * SYNC_BUNDLE_SIGNATURE, SYNC_BUNDLE_NOT_FOR_US. Replays are the caller's to detect (header.id).
 */
export function openBundle(bytes: Uint8Array, me: OwnKeys, senderKeys: SenderLookup): OpenedBundle {
  const frame = readFrame(bytes);
  const { header, suite } = frame;
  const sender = senderKeys(header.sender.nodeId);
  if (!sender) throw new AppError('SYNC_PEER_UNKNOWN', { nodeId: header.sender.nodeId });
  if (sender.revoked) throw new AppError('SYNC_PEER_REVOKED', { nodeId: header.sender.nodeId });
  if (sender.suite !== suite.id) throw new AppError('SYNC_SUITE_MISMATCH', { suite: suite.id, ours: sender.suite });
  if (!suite.verify(frame.signature, frame.signed, sender.signingPublic)) throw new AppError('SYNC_BUNDLE_SIGNATURE');
  const slot = header.recipients.indexOf(me.nodeId);
  if (slot < 0) throw new AppError('SYNC_BUNDLE_NOT_FOR_US');

  // Past the signature the sender vouches for every byte, so a failure is its bug or a broken
  // key, never tampering; whatever throws is reported as damage, and nothing partial escapes.
  try {
    const context = sealingContext(header.id, me.nodeId, header.sender.nodeId);
    const contentKey = suite.open(frame.sealedKeys[slot]!, me.encryptionSecret, me.encryptionPublic, context);
    if (!contentKey) throw corrupt('the content key sealed to this node does not open');
    let compressed: Uint8Array;
    try {
      compressed = suite.decrypt(contentKey, frame.nonce, frame.payload, frame.beforePayload);
    } catch {
      throw corrupt('payload does not decrypt');
    }
    return { header, content: unpackContent(compressed, header) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupt('unreadable content');
  }
}
