/**
 * Case numbers: `{unitCode}-{year}-{seq:05}`, the next free one in the unit's year as this node
 * knows it. Two offices registering clues for one unit while apart can give two cases the same
 * number; the unit's numbering office then gives all but the earliest a new one, as an ordinary
 * logged write, so that the new numbers travel like any change and every office ends up with the
 * same. Only one office renumbers a unit's cases, so offices never renumber against each other.
 */
import { and, asc, eq, isNull, like, ne, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../api/caller';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { cases, meta, orgUnits, syncIdentity, syncPeers } from '../db/schema';

/** A case whose number moved because another case held it first. */
export interface Renumbering {
  caseId: string;
  from: string;
  to: string;
}

/** Another case holding a case's number, until the numbering office renumbers one of them. */
export interface SharedNumber {
  id: string;
  number: string;
  unitId: string;
}

export function nextNumber(db: Db, unitId: string, receivedDate: string): string {
  const unit = db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, unitId)).get()!;
  const prefix = `${unit.code}-${receivedDate.slice(0, 4)}-`;
  const last = db
    .select({ number: sql<string | null>`max(${cases.number})` })
    .from(cases)
    .where(like(cases.number, `${prefix}%`))
    .get();
  const seq = last?.number ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(5, '0')}`;
}

/** This node's id: its sync identity's, or (sync never set up) the database's own. */
function thisNode(db: Db): string {
  const identity = db.select({ nodeId: syncIdentity.nodeId }).from(syncIdentity).get();
  if (identity) return identity.nodeId;
  const row = db.select({ value: meta.value }).from(meta).where(eq(meta.key, 'node_id')).get();
  if (!row) throw new Error('this database has no node id yet');
  return row.value;
}

/**
 * The codes of a unit and its ancestors, nearest first. Bounded: parents merged from two offices
 * could in principle form a cycle, which must not hang a bundle's import.
 */
function ancestorCodes(db: Db, unitCode: string): string[] {
  const rows = db.all<{ code: string }>(sql`
    WITH RECURSIVE up(parent_id, code, depth) AS (
      SELECT parent_id, code, 0 FROM org_units WHERE code = ${unitCode}
      UNION ALL SELECT u.parent_id, u.code, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id WHERE up.depth < 32
    ) SELECT code FROM up ORDER BY depth`);
  return rows.length > 0 ? rows.map((r) => r.code) : [unitCode];
}

/**
 * The node that numbers a unit's cases: of this node and its active peers, the one working for
 * the unit's nearest ancestor-or-self, the smallest node id among equals (also when none works
 * for an ancestor). Every office that knows the same nodes names the same one. Without a sync
 * identity this node numbers everything.
 */
export function numberingNode(db: Db, unitCode: string): string {
  const self = db.select({ nodeId: syncIdentity.nodeId, unitCode: syncIdentity.unitCode }).from(syncIdentity).get();
  if (!self) return thisNode(db);
  const peers = db.select({ nodeId: syncPeers.nodeId, unitCode: syncPeers.unitCode }).from(syncPeers).where(isNull(syncPeers.revokedAt)).all();
  const chain = ancestorCodes(db, unitCode);
  const distance = (node: { unitCode: string }) => {
    const at = chain.indexOf(node.unitCode);
    return at < 0 ? chain.length : at;
  };
  const [first] = [self, ...peers].sort((a, b) => distance(a) - distance(b) || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
  return first!.nodeId;
}

/**
 * For each of `caseIds` whose number another case holds too, when this node numbers the case's
 * unit: the case created first (then by id) keeps the number, every other takes the next one of
 * its unit and year. Through the Writer, so the change log carries the new numbers to the other
 * offices. Returns the cases renumbered.
 */
export function renumberDuplicates(w: Writer, caseIds: Iterable<string>, now: Date): Renumbering[] {
  const renumbered: Renumbering[] = [];
  const done = new Set<string>();
  let self: string | undefined;
  for (const caseId of caseIds) {
    const row = w.db
      .select({ number: cases.number, unitCode: orgUnits.code })
      .from(cases)
      .innerJoin(orgUnits, eq(orgUnits.id, cases.unitId))
      .where(eq(cases.id, caseId))
      .get();
    if (!row || done.has(row.number)) continue;
    done.add(row.number);
    const holders = w.db
      .select({ id: cases.id, unitId: cases.unitId, receivedDate: cases.receivedDate })
      .from(cases)
      .where(eq(cases.number, row.number))
      .orderBy(asc(cases.createdAt), asc(cases.id))
      .all();
    if (holders.length < 2) continue;
    self ??= thisNode(w.db);
    if (numberingNode(w.db, row.unitCode) !== self) continue;
    for (const later of holders.slice(1)) {
      const to = nextNumber(w.db, later.unitId, later.receivedDate);
      w.update(cases, later.id, { number: to }, { updatedAt: shanghaiTimestamp(now) });
      renumbered.push({ caseId: later.id, from: row.number, to });
    }
  }
  return renumbered;
}

/** One case of each number more than one case holds (indexed: cheap when there is none). */
export function casesSharingNumbers(db: Db): string[] {
  return db
    .select({ id: sql<string>`min(${cases.id})` })
    .from(cases)
    .groupBy(cases.number)
    .having(sql`count(*) > 1`)
    .all()
    .map((r) => r.id);
}

/** The other cases holding a case's number, first created first. */
export function sharedNumber(db: Db, caseId: string): SharedNumber[] {
  const own = db.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId)).get();
  if (!own) return [];
  return db
    .select({ id: cases.id, number: cases.number, unitId: cases.unitId })
    .from(cases)
    .where(and(eq(cases.number, own.number), ne(cases.id, caseId)))
    .orderBy(asc(cases.createdAt), asc(cases.id))
    .all();
}

/** sharedNumber as a case page shows it: only the cases the caller may see. */
export function sharedNumberInScope(db: Db, scope: Scope, caseId: string): { id: string; number: string }[] {
  return sharedNumber(db, caseId)
    .filter((c) => inScope(scope, c.unitId))
    .map(({ id, number }) => ({ id, number }));
}
