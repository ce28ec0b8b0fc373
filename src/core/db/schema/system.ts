import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Key-value facts about this database: node id, creation time. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Every row change, in write order, for sync: which table and row, the columns it set, and the
 * hybrid-logical-clock stamp of the node that made it.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    hlc: text('hlc').notNull(),
    nodeId: text('node_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    /** JSON object of SQL column name → new value (the changed columns only) */
    columns: text('columns').notNull(),
    auditSeq: integer('audit_seq').notNull(),
  },
  // an HLC stamp names its node, so it names one operation: applying a bundle twice adds nothing
  (t) => [index('change_log_row').on(t.tableName, t.rowId), uniqueIndex('change_log_hlc').on(t.hlc), index('change_log_node_hlc').on(t.nodeId, t.hlc)],
);

/**
 * Append-only trail of what was done and what was looked at, each entry chained to the previous
 * one of the same node by hash. Triggers refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** ULID, so that trails from several offices merge without collisions */
    id: text('id').notNull(),
    nodeId: text('node_id').notNull(),
    at: text('at').notNull(),
    hlc: text('hlc').notNull(),
    /** the username, or the name someone tried to log in with */
    actor: text('actor').notNull(),
    procedure: text('procedure').notNull(),
    /** JSON array of { table, id } touched or read */
    rows: text('rows').notNull(),
    /** JSON of non-sensitive facts about the operation (counts, file name) */
    summary: text('summary').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_log_id').on(t.id), index('audit_log_actor').on(t.actor), index('audit_log_node_hlc').on(t.nodeId, t.hlc)],
);
