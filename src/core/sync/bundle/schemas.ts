/**
 * What a bundle's header and content may hold (FORMAT.md, "Header" and "Content"). The same
 * schemas check what we write and what we read, so we never send a bundle a peer would refuse.
 * Unknown object fields are dropped, not refused: a newer version may add some.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { AuditRecord, BundleContent, KnowledgeVector, Operation } from '../operations';

/**
 * The inflated content's ceiling. JSON.parse needs one string, and V8 strings stop just short
 * of 2^29 characters; half of that leaves room. A bundle stays far below it (about 260 bytes
 * per operation before compression), and an exporter splits a larger backlog.
 */
export const MAX_CONTENT_BYTES = 256 * 1024 * 1024;

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** ULIDs in practice (meta.node_id); letters, digits, '-' and '_' allowed so tests can name nodes. */
const NODE_ID = /^[0-9A-Za-z_-]{1,64}$/;
/** api/hlc.ts: `<ms, 15 digits>-<counter, 6 digits>-<node id>` */
const HLC = /^\d{15}-\d{6}-([0-9A-Za-z_-]{1,64})$/;
/** Table and column names reach SQL in the merge engine: plain identifiers only. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const text = (max: number) => z.string().min(1).max(max);
export const nodeIdSchema = z.string().regex(NODE_ID);
export const hlcSchema = z.string().regex(HLC);
const count = z.int().nonnegative();

/** The node an HLC stamp names (its suffix). */
const stampNode = (hlc: string): string | undefined => HLC.exec(hlc)?.[1];

export const knowledgeVectorSchema: z.ZodType<KnowledgeVector> = z
  .record(nodeIdSchema, hlcSchema)
  .refine((vector) => Object.entries(vector).every(([origin, hlc]) => stampNode(hlc) === origin), {
    message: 'a stamp does not name its origin',
  });

const columnValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const operationSchema: z.ZodType<Operation> = z
  .object({
    hlc: hlcSchema,
    origin: nodeIdSchema,
    table: z.string().regex(IDENTIFIER),
    row: text(256),
    op: z.enum(['insert', 'update', 'delete']),
    columns: z.record(z.string().regex(IDENTIFIER), columnValue),
  })
  .refine((op) => stampNode(op.hlc) === op.origin, { message: 'the stamp does not name the origin' });

export const auditRecordSchema: z.ZodType<AuditRecord> = z
  .object({
    id: text(64),
    nodeId: nodeIdSchema,
    at: text(64),
    hlc: hlcSchema,
    actor: z.string().max(256),
    procedure: text(128),
    rows: z.string(),
    summary: z.string(),
    prevHash: z.string().max(128),
    hash: text(128),
  })
  .refine((entry) => stampNode(entry.hlc) === entry.nodeId, { message: 'the stamp does not name the node' });

/** A file's bytes, checked against the hash that names them (a document row points at it). */
export const fileContentSchema = z
  .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), base64: z.base64() })
  .refine((file) => bytesToHex(sha256(Buffer.from(file.base64, 'base64'))) === file.sha256, { message: 'content does not match its SHA-256' });

export const bundleContentSchema: z.ZodType<BundleContent> = z.object({
  operations: z.array(operationSchema),
  audit: z.array(auditRecordSchema),
  files: z.array(fileContentSchema).optional(),
});

/** The header's JSON as it travels (FORMAT.md, "Header"). */
export const headerJsonSchema = z.object({
  id: z.string().regex(ULID),
  createdAt: z.iso.datetime({ offset: true }),
  sender: z.object({ nodeId: nodeIdSchema, unitCode: text(64) }),
  recipients: z
    .array(nodeIdSchema)
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'a recipient is listed twice' }),
  vector: knowledgeVectorSchema,
  /** for a recipient: the latest of its bundles the sender had applied (sync/restored.ts) */
  acks: z.record(nodeIdSchema, z.string().regex(ULID)).optional(),
  operations: count,
  audit: count,
  appVersion: text(64),
  /** the serialised content's length before compression */
  contentBytes: z.int().min(1).max(MAX_CONTENT_BYTES),
  /** the payload's length: compressed content plus the AEAD tag */
  payloadBytes: z.int().min(1),
});

export type HeaderJson = z.infer<typeof headerJsonSchema>;

/**
 * The first problem zod found, for a message: `operations.3.table: Invalid string…`. Cut short,
 * since a path may quote a key from the file.
 */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const text = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
