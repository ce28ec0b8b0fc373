// Sync between offices (src/core/sync, FORMAT.md there): this node's identity, the peers it
// exchanges bundles with, and the bundles themselves.
import { z } from 'zod';
import { procedure } from './procedure';

/**
 * The cipher suites a deployment may pick (src/core/sync/crypto/suite.ts, whose SUITE_IDS the
 * contract may not import: a test keeps the two lists equal).
 */
export const SYNC_SUITES = ['x25519-ed25519-xchacha20poly1305', 'sm2-sm3-sm4gcm'] as const;
export type SyncSuite = (typeof SYNC_SUITES)[number];
export const DEFAULT_SYNC_SUITE: SyncSuite = 'x25519-ed25519-xchacha20poly1305';

/** A node id: the ULID in meta.node_id. */
const nodeId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'not a node id');
/** An org unit code, as units.create accepts it. */
const unitCode = z.string().trim().regex(/^[0-9A-Za-z-]{2,32}$/, 'not a unit code');
/** Canonical base64 of a public key (at most 65 bytes in either suite). */
const publicKey = z.string().max(100).regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'not base64');

export const IDENTITY_FILE_FORMAT = 'zhijian-node';
export const IDENTITY_FILE_VERSION = 1;

/**
 * A node's identity file: the public half of its keys, handed to the administrator of another
 * node, who adds it as a peer after comparing the fingerprint by phone. Keys are base64; the
 * fingerprint (12 groups of 5 digits) is the suite's, of the signing then the encryption key.
 */
export const identityFileSchema = z.object({
  format: z.literal(IDENTITY_FILE_FORMAT),
  version: z.literal(IDENTITY_FILE_VERSION),
  nodeId,
  unitCode,
  unitName: z.string().trim().min(1).max(100),
  suite: z.enum(SYNC_SUITES),
  signingPublic: publicKey,
  encryptionPublic: publicKey,
  fingerprint: z.string().regex(/^\d{5}(?: \d{5}){11}$/, 'not 12 groups of 5 digits'),
});
export type IdentityFile = z.infer<typeof identityFileSchema>;

export const PEER_STATES = ['active', 'revoked'] as const;
export type PeerState = (typeof PEER_STATES)[number];

/** A node this one exchanges bundles with. */
export interface Peer {
  nodeId: string;
  /** its unit's name, as its identity file or its latest bundle gave it */
  name: string;
  unitCode: string;
  suite: SyncSuite;
  fingerprint: string;
  /** the unit (here) whose subtree is all that may enter the peer's bundles */
  scopeCode: string;
  scopeName: string | null;
  state: PeerState;
  addedAt: string;
  addedBy: string;
  addedByName: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedByName: string | null;
  /** when the latest bundle from the peer was applied here, and the latest one for it made here */
  lastBundleIn: string | null;
  lastBundleOut: string | null;
}

/** A finished upload (files.*) holding a bundle file. */
const uploadId = z.string().regex(/^[0-9A-Z]{26}$/);

/** A peer as the sync status shows it: its last exchanges and what waits to go to it. */
export interface PeerSyncState {
  nodeId: string;
  name: string;
  state: PeerState;
  scopeCode: string;
  lastBundleIn: string | null;
  lastBundleOut: string | null;
  /** operations a bundle for the peer would carry now (audit entries ride along, uncounted) */
  waiting: number;
}

export const RELAY_STATES = ['online', 'offline', 'disabled'] as const;
export type RelayState = (typeof RELAY_STATES)[number];

export interface RelayStatus {
  url: string | null;
  state: RelayState;
  /** the last exchange with the relay that went through */
  lastSync: string | null;
  /** when the next attempt is due (backing off while the relay does not answer) */
  nextAttempt: string | null;
}

export interface SyncStatus {
  nodeId: string;
  unitCode: string;
  suite: SyncSuite;
  peers: PeerSyncState[];
  relay: RelayStatus;
}

/** A bundle made for a peer, to be saved as a file (`<bundleId>.zjb`). */
export interface ExportedBundleFile {
  bundleId: string;
  peerId: string;
  fileName: string;
  operations: number;
  audit: number;
  size: number;
  bytesBase64: string;
}

/** What a bundle file says it holds, shown before it is applied (checked in full only by the import). */
export interface BundlePreviewInfo {
  bundleId: string;
  createdAt: string;
  senderId: string;
  senderUnitCode: string;
  /** the peer's name here; null for a node that is not a peer */
  senderName: string | null;
  senderState: PeerState | 'unknown';
  recipients: string[];
  forThisNode: boolean;
  alreadyApplied: boolean;
  operations: number;
  audit: number;
  formatVersion: number;
  appVersion: string;
}

export interface BundleImportResult {
  bundleId: string;
  senderId: string;
  /** applied here before: nothing was done */
  replayed: boolean;
  operations: number;
  /** new here */
  applied: number;
  /** held already */
  duplicates: number;
  /** rows waiting for an operation they depend on, or for an upgrade */
  deferred: number;
  audit: number;
}

export const sync = {
  /**
   * This node's identity file. Writes only for a database set up before sync, whose keys it
   * makes on first use (with the default suite).
   */
  identity: procedure<IdentityFile>()({
    name: 'sync.identity',
    input: z.object({}).default({}),
    permission: 'system.read',
    mutates: true,
  }),
  /**
   * The unit this node works for (a county office's node: its county). Every node is set up with
   * the commission's root, so a county's node names its county once the county has arrived from
   * the city; its bundles then tell its peers. Which office numbers a unit's cases follows it.
   */
  setNodeUnit: procedure<IdentityFile>()({
    name: 'sync.setNodeUnit',
    input: z.object({ unitCode }),
    permission: 'sync.manage',
    mutates: true,
  }),
  /** The peers whose scope unit is in the caller's scope, revoked ones too. */
  peers: procedure<Peer[]>()({
    name: 'sync.peers',
    input: z.object({}).default({}),
    permission: 'system.read',
    mutates: false,
  }),
  /**
   * Adds a peer from its identity file (as read from the file: the core checks it and answers
   * SYNC_IDENTITY_INVALID for anything wrong). A revoked peer can be added again only with new
   * keys: its old identity file is refused (SYNC_PEER_REVOKED).
   */
  addPeer: procedure<Peer>()({
    name: 'sync.addPeer',
    input: z.object({
      identity: z.unknown(),
      scopeCode: unitCode,
      /** the administrator compared the fingerprint with the peer's, by phone */
      fingerprintConfirmed: z.literal(true),
    }),
    permission: 'sync.manage',
    mutates: true,
  }),
  /** Stops trusting a peer: its bundles are refused from then on. Nothing is deleted. */
  revokePeer: procedure<Peer>()({
    name: 'sync.revokePeer',
    input: z.object({ nodeId }),
    permission: 'sync.manage',
    mutates: true,
  }),
  /** This node, each peer's last exchanges and what waits for it, and the relay's state. */
  status: procedure<SyncStatus>()({
    name: 'sync.status',
    input: z.object({}).default({}),
    permission: 'system.read',
    mutates: false,
  }),
  /** An exchange with the relay now, instead of at the next round; the status after it. */
  syncNow: procedure<SyncStatus>()({
    name: 'sync.syncNow',
    input: z.object({}).default({}),
    permission: 'system.read',
    mutates: false,
  }),
  /** A bundle for the peer with everything it lacks inside its scope, for a file or removable drive. */
  exportBundle: procedure<ExportedBundleFile>()({
    name: 'sync.exportBundle',
    input: z.object({ peerId: nodeId }),
    permission: 'sync.manage',
    mutates: true,
  }),
  /** What an uploaded bundle file holds, before it is applied. */
  previewBundle: procedure<BundlePreviewInfo>()({
    name: 'sync.previewBundle',
    input: z.object({ uploadId }),
    permission: 'sync.manage',
    mutates: false,
  }),
  /**
   * Checks an uploaded bundle file whole and applies it in one transaction; the upload is removed
   * whatever the outcome. A bundle applied before changes nothing.
   */
  importBundle: procedure<BundleImportResult>()({
    name: 'sync.importBundle',
    input: z.object({ uploadId }),
    permission: 'sync.manage',
    mutates: true,
  }),
};
