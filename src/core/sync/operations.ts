/**
 * What travels between nodes (FORMAT.md): the operations of the change log and the entries of
 * the audit trail, each stamped by the node that made it, and knowledge vectors that say how far
 * a node holds each origin's stamps.
 */
import type { AuditFields } from '../api/audit';

/** A value as the change log stores it (JSON). */
export type ColumnValue = string | number | boolean | null;

/** One row change as its origin node logged it (change_log, without the local seq). */
export interface Operation {
  /** the origin's hybrid-logical-clock stamp (api/hlc.ts): unique, and it names the origin */
  hlc: string;
  /** the node that made the change */
  origin: string;
  table: string;
  /** the row's id (every synced table has a text primary key `id`) */
  row: string;
  op: 'insert' | 'update' | 'delete';
  /** SQL column name → new value: every column for an insert, the changed ones for an update, none for a delete */
  columns: Record<string, ColumnValue>;
}

/** One audit entry as its node wrote it (audit_log, without the local seq): never changed, merged by id. */
export interface AuditRecord extends AuditFields {
  prevHash: string;
  hash: string;
}

/**
 * Origin node id → the latest HLC stamp of that origin held here (of the operations and audit
 * entries in the holder's scope). Everything of that origin up to the stamp is held.
 */
export type KnowledgeVector = Record<string, string>;

/** The bytes of a file a document row names by its SHA-256 (the blobs table). */
export interface FileContent {
  sha256: string;
  base64: string;
}

/** What a bundle carries, before compression and encryption. */
export interface BundleContent {
  operations: Operation[];
  audit: AuditRecord[];
  /** the files the document rows among the operations name; absent in bundles from before files travelled */
  files?: FileContent[];
}
