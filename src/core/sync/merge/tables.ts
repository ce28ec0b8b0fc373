/**
 * The synced-table registry: which tables travel between nodes, how their rows merge, and which
 * unit a row belongs to (for a peer's scope). Every other table is local to its node and never
 * travels: users and roles (each node seeds its own built-in roles and its own accounts, whose
 * key slots live beside its database, so their ids and unique codes would collide), the sync_*
 * bookkeeping, the welfare import's batches, staging, rejected rows, remembered mappings and rule
 * runs (their dataset rows are bulk-written outside the change log), and the case tables derived
 * from events (case_state, case_clocks, case_reports, case_sanctions: every node rebuilds them).
 *
 * Names come from the drizzle schema so that a rename cannot leave the registry behind.
 */
import { getTableName } from 'drizzle-orm';
import {
  calendarYears,
  caseDocuments,
  caseEvents,
  cases,
  caseSubjects,
  kinship,
  orgUnits,
  people,
  settings,
  welfareHitDocuments,
  welfareHitEntries,
  welfareHits,
} from '../../db/schema';

/**
 * lww: each column takes the value of the operation with the highest stamp that set it; a
 * deletion removes the row unless it is inserted again after.
 * append: union by id; the first insert stands, later inserts, updates and deletions are ignored.
 */
export type MergeRule = 'lww' | 'append';

/** Which unit a row belongs to, for a peer's scope. */
export type Owner =
  /** registries every office needs: in every scope */
  | { kind: 'shared' }
  /** the unit in this column; a row without one belongs to the root unit's scope only */
  | { kind: 'unit'; column: string }
  /** whoever owns the row of `table` that this column names */
  | { kind: 'parent'; column: string; table: string };

export interface SyncedTable {
  name: string;
  merge: MergeRule;
  owner: Owner;
}

const shared: Owner = { kind: 'shared' };
const byCase: Owner = { kind: 'parent', column: caseEvents.caseId.name, table: getTableName(cases) };
const byHit: Owner = { kind: 'parent', column: welfareHitEntries.hitId.name, table: getTableName(welfareHits) };

/**
 * In foreign-key order (a table after the tables it refers to), which is the order rows are
 * materialised in: org units, then the people in them, then cases and what hangs off them.
 */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  { name: getTableName(orgUnits), merge: 'lww', owner: shared },
  { name: getTableName(people), merge: 'lww', owner: shared },
  { name: getTableName(kinship), merge: 'lww', owner: shared },
  { name: getTableName(calendarYears), merge: 'lww', owner: shared },
  { name: getTableName(settings), merge: 'lww', owner: shared },
  { name: getTableName(cases), merge: 'lww', owner: { kind: 'unit', column: cases.unitId.name } },
  { name: getTableName(caseSubjects), merge: 'lww', owner: byCase },
  { name: getTableName(caseEvents), merge: 'append', owner: byCase },
  { name: getTableName(caseDocuments), merge: 'append', owner: byCase },
  { name: getTableName(welfareHits), merge: 'lww', owner: { kind: 'unit', column: welfareHits.assignedUnitId.name } },
  { name: getTableName(welfareHitEntries), merge: 'append', owner: byHit },
  { name: getTableName(welfareHitDocuments), merge: 'append', owner: byHit },
];

const byName = new Map(SYNCED_TABLES.map((table, order) => [table.name, { ...table, order }]));

/** The table's entry, with its place in materialisation order; undefined for a local table. */
export function syncedTable(name: string): (SyncedTable & { order: number }) | undefined {
  return byName.get(name);
}
