/**
 * Sync between offices (src/core/sync, FORMAT.md there): this node's keys, its peers, what each
 * peer has said it holds, the bundles seen, and what arrived for columns this version lacks.
 * None of these tables is itself synced.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * This installation as a node: one row, made at setup. The secret keys are stored here, inside
 * the encrypted database, so they are encrypted under the master key that the administrator's
 * password (and every other key slot) unwraps. Keys are base64.
 */
export const syncIdentity = sqliteTable('sync_identity', {
  /** meta.node_id */
  nodeId: text('node_id').primaryKey(),
  /** the deployment's cipher suite (crypto/suite.ts SUITE_IDS) */
  suite: text('suite').notNull(),
  signingPublic: text('signing_public').notNull(),
  encryptionPublic: text('encryption_public').notNull(),
  signingSecret: text('signing_secret').notNull(),
  encryptionSecret: text('encryption_secret').notNull(),
  /** the org unit this node works for (the commission's, or a county office's), by code */
  unitCode: text('unit_code').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Another node this one exchanges bundles with, added from its identity file. */
export const syncPeers = sqliteTable('sync_peers', {
  nodeId: text('node_id').primaryKey(),
  /** its unit's name as its identity file gives it, for people */
  name: text('name').notNull(),
  unitCode: text('unit_code').notNull(),
  suite: text('suite').notNull(),
  signingPublic: text('signing_public').notNull(),
  encryptionPublic: text('encryption_public').notNull(),
  fingerprint: text('fingerprint').notNull(),
  /** the unit code whose subtree this peer may receive: nothing outside it enters its bundles */
  scopeCode: text('scope_code').notNull(),
  addedAt: text('added_at').notNull(),
  addedBy: text('added_by').notNull(),
  revokedAt: text('revoked_at'),
  revokedBy: text('revoked_by'),
});

/**
 * The peer's knowledge vector as its latest bundle stated it: for each origin node, the HLC up to
 * which the peer holds that origin's operations (of those in its scope). What goes to the peer
 * next is everything after it.
 */
export const syncPeerKnowledge = sqliteTable(
  'sync_peer_knowledge',
  {
    peerId: text('peer_id').notNull(),
    originId: text('origin_id').notNull(),
    hlc: text('hlc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.peerId, t.originId] })],
);

/** Bundles made here and bundles applied here: a bundle applied once is ignored after. */
export const syncBundles = sqliteTable(
  'sync_bundles',
  {
    /** the bundle's id (ULID), from its header */
    id: text('id').primaryKey(),
    direction: text('direction', { enum: ['out', 'in'] }).notNull(),
    /** out: the recipients, comma-separated; in: the sender */
    peers: text('peers').notNull(),
    operations: integer('operations').notNull(),
    bytes: integer('bytes').notNull(),
    /** file, relay */
    transport: text('transport').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('sync_bundles_at').on(t.at)],
);

/**
 * Columns (or whole tables) that arrived in operations from a newer version and that this
 * version's schema lacks: the operations are kept in the change log, and applied again once an
 * upgrade adds what they name.
 */
export const syncDeferred = sqliteTable(
  'sync_deferred',
  {
    tableName: text('table_name').notNull(),
    /** '' for a table this version does not have */
    columnName: text('column_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.columnName] })],
);
