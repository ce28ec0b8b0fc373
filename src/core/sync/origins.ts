// Which office recorded a row: the node that wrote its insert, as the change log keeps it. Shown
// beside a case's events, so that moves made at two offices can be told apart (two offices may
// well have users of the same name).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { changeLog, syncIdentity, syncPeers } from '../db/schema';

/**
 * For the rows among `rowIds` of `table` recorded at another node: that node's office name (its
 * peer name here, or its node id if it is no peer). Rows recorded here are left out.
 */
export function recordedElsewhere(db: Db, table: string, rowIds: readonly string[]): Map<string, string> {
  const own = db.select({ nodeId: syncIdentity.nodeId }).from(syncIdentity).get();
  if (!own || rowIds.length === 0) return new Map();
  const names = new Map(db.select({ nodeId: syncPeers.nodeId, name: syncPeers.name }).from(syncPeers).all().map((p) => [p.nodeId, p.name]));
  const origins = db
    .select({ rowId: changeLog.rowId, nodeId: changeLog.nodeId })
    .from(changeLog)
    .where(and(eq(changeLog.tableName, table), eq(changeLog.op, 'insert'), inArray(changeLog.rowId, [...rowIds])))
    .all();
  return new Map(origins.filter((o) => o.nodeId !== own.nodeId).map((o) => [o.rowId, names.get(o.nodeId) ?? o.nodeId]));
}
