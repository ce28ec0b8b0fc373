import type Database from 'better-sqlite3';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../api/errors';
import { api } from '../../shared/api';
import { implement } from '../api/implement';
import { shanghaiTimestamp } from '../api/time';
import { auditLog, users } from '../db/schema';
import { verifyAuditChain, type EarlierEntry, type StoredAuditEntry } from './verify';

/** A fork is rare (a restore): found by a scan, with no index kept for it. */
function earlierEntry(ctx: { sqlite: Database.Database }): EarlierEntry {
  const find = ctx.sqlite.prepare('SELECT 1 FROM audit_log WHERE node_id = ? AND hash = ? AND seq < ?');
  return (nodeId, hash, beforeSeq) => find.get(nodeId, hash, beforeSeq) !== undefined;
}

function allEntries(ctx: { sqlite: Database.Database }): IterableIterator<StoredAuditEntry> {
  // iterate, never load: the trail grows without bound
  return ctx.sqlite
    .prepare(
      'SELECT seq, id, node_id AS nodeId, at, hlc, actor, procedure, rows, summary, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq',
    )
    .iterate() as IterableIterator<StoredAuditEntry>;
}

export const auditProcedures = [
  implement(api.audit.list, (ctx, input) => {
    const conditions: SQL[] = [];
    // below the root, the trail shows what the caller's own units' users did
    if (!ctx.caller.scope.all) {
      const ids = [...ctx.caller.scope.unitIds];
      conditions.push(ids.length > 0 ? inArray(auditLog.actor, ctx.db.select({ u: users.username }).from(users).where(inArray(users.unitId, ids))) : sql`0`);
    }
    if (input.actor) conditions.push(eq(auditLog.actor, input.actor));
    if (input.procedure) conditions.push(sql`${auditLog.procedure} LIKE ${`${input.procedure}%`}`);
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const rows = ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(input.limit).offset(input.offset).all();
    const total = ctx.db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
    return {
      rows: rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, procedure: r.procedure, rows: JSON.parse(r.rows), summary: JSON.parse(r.summary), hash: r.hash })),
      total,
    };
  }),

  implement(api.audit.verify, (ctx) => verifyAuditChain(allEntries(ctx), earlierEntry(ctx))),

  implement(api.audit.export, (ctx) => {
    // the whole trail names rows of every county: only for users of the root unit
    if (!ctx.caller.scope.all) throw new AppError('OUT_OF_SCOPE', { unit: '' });
    const lines: string[] = [];
    for (const entry of allEntries(ctx)) lines.push(JSON.stringify(entry));
    const verification = verifyAuditChain(allEntries(ctx), earlierEntry(ctx));
    // the export is itself an audited act, recorded after the lines it exports
    ctx.audit([], { entries: lines.length, chainOk: verification.ok });
    const stamp = shanghaiTimestamp(ctx.now()).slice(0, 19).replace(/[-:T]/g, '');
    return { fileName: `zhijian-audit-${stamp}.jsonl`, content: `${lines.join('\n')}\n`, entries: lines.length };
  }),
];

