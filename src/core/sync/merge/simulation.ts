/**
 * For the property tests: random writes of the kinds the application makes (inserts, updates of
 * random columns, deletions, case transitions), through the real write path, and the invariant
 * that every write is either present or superseded.
 */
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { appendEvent } from '../../cases/events';
import { caseEvents, cases, caseSubjects, kinship, orgUnits, people, settings } from '../../db/schema';
import type { ColumnValue } from '../operations';
import { quoted } from './schema-info';
import { syncedTable } from './tables';
import { caseRow, eventRow, kinshipRow, personRow, subjectRow, unitRow, type MergeNode } from './testing';

/** Each kind of write with how often it comes: creations often enough that there is much to update. */
const WRITE_KINDS = {
  person: 3,
  updatePerson: 4,
  deletePerson: 1,
  kinship: 2,
  deleteKinship: 1,
  setting: 2,
  case: 2,
  transition: 3,
  subject: 2,
  updateSubject: 2,
} as const;

export interface WriteAction {
  kind: keyof typeof WRITE_KINDS;
  /** which existing row(s) to act on (modulo how many there are) */
  pick: number;
  pick2: number;
  /** which columns to update (bits) */
  columns: number;
  /** a small value domain, so that concurrent writes to one column are common */
  value: number;
}

export const writeAction: fc.Arbitrary<WriteAction> = fc.record({
  kind: fc.oneof(...Object.entries(WRITE_KINDS).map(([kind, weight]) => ({ weight, arbitrary: fc.constant(kind as WriteAction['kind']) }))),
  pick: fc.nat(50),
  pick2: fc.nat(50),
  columns: fc.integer({ min: 1, max: 63 }),
  value: fc.nat(5),
});

const UNITS = ['u0', 'uA', 'uB'];

/** The org units every node starts from: the city's node makes them and sends them first. */
export function seedUnits(n: MergeNode): void {
  n.write((w) => {
    w.insert(orgUnits, unitRow('u0', '530700'));
    w.insert(orgUnits, unitRow('uA', '530702', 'u0'));
    w.insert(orgUnits, unitRow('uB', '530721', 'u0'));
  });
}

/** What must be unique across nodes (ids, unique keys) comes from here, shared by the whole run. */
export class Writes {
  private next = 0;
  private readonly pairs = new Set<string>();

  apply(n: MergeNode, a: WriteAction): void {
    const ids = (sql: string) => n.sqlite.prepare(sql).pluck().all() as string[];
    const pick = (list: string[], k: number) => (list.length === 0 ? undefined : list[k % list.length]);
    const id = () => `${n.nodeId}-${this.next++}`;
    const stamp = { updatedAt: `t${a.value}` };
    switch (a.kind) {
      case 'person': {
        const key = id();
        n.write((w) => w.insert(people, personRow(key, `ID-${key}`, pick([...UNITS, ''], a.pick) || null)));
        return;
      }
      case 'updatePerson': {
        const p = pick(ids('SELECT id FROM people ORDER BY id'), a.pick);
        const all = { name: `名${a.value}`, phone: `170${a.value}`, position: `职${a.value}`, rank: a.value % 2 ? `级${a.value}` : null, category: `类${a.value}`, unitId: pick(UNITS, a.value)! };
        const patch = Object.fromEntries(Object.entries(all).filter((_, i) => (a.columns >> i) & 1));
        if (p) n.write((w) => w.update(people, p, patch, stamp));
        return;
      }
      case 'deletePerson': {
        // as the application would: only a person nothing here refers to
        const free = ids(
          'SELECT id FROM people p WHERE NOT EXISTS (SELECT 1 FROM kinship k WHERE p.id IN (k.person_id, k.relative_id)) AND NOT EXISTS (SELECT 1 FROM case_subjects s WHERE s.person_id = p.id) ORDER BY id',
        );
        const p = pick(free, a.pick);
        if (p) n.write((w) => w.delete(people, p));
        return;
      }
      case 'kinship': {
        const all = ids('SELECT id FROM people ORDER BY id');
        const [p, q] = [pick(all, a.pick), pick(all, a.pick2)];
        if (!p || !q || p === q || this.pairs.has(`${p}|${q}`)) return;
        this.pairs.add(`${p}|${q}`);
        n.write((w) => w.insert(kinship, kinshipRow(id(), p, q)));
        return;
      }
      case 'deleteKinship': {
        const k = pick(ids('SELECT id FROM kinship ORDER BY id'), a.pick);
        if (k) n.write((w) => w.delete(kinship, k));
        return;
      }
      case 'setting': {
        // fixed ids, as the application's settings keys: inserted concurrently, deleted, inserted again
        const key = `s${a.pick % 3}`;
        const exists = n.sqlite.prepare('SELECT 1 FROM settings WHERE id = ?').get(key) !== undefined;
        if (!exists) n.write((w) => w.insert(settings, { id: key, value: `v${a.value}`, updatedAt: `t${a.value}` }));
        else if (a.columns % 4 === 0) n.write((w) => w.delete(settings, key));
        else n.write((w) => w.update(settings, key, { value: `v${a.value}` }, stamp));
        return;
      }
      case 'case': {
        const key = id();
        n.write((w) => {
          w.insert(cases, caseRow(key, `N-${key}`, pick(UNITS, a.pick)!));
          w.insert(caseEvents, eventRow(`${key}-opened`, key, 1));
        });
        return;
      }
      case 'transition': {
        const c = pick(ids('SELECT id FROM cases ORDER BY id'), a.pick);
        if (c) {
          n.write((w) => {
            // as the workflow writes it: the next seq on this node, after its latest events, so
            // that offices moving one case at once make concurrent events
            appendEvent(w, c, { kind: 'acted', action: null, fromStage: null, toStage: null, date: '2026-01-05', userId: null, actor: 'tester', fields: {}, approvals: [], effects: {}, refersTo: null }, new Date(a.value));
            w.update(cases, c, { title: `阶段${a.value}`, summary: `摘要${a.columns}` }, stamp);
          });
        }
        return;
      }
      case 'subject': {
        const c = pick(ids('SELECT id FROM cases ORDER BY id'), a.pick);
        const p = a.columns % 2 === 0 ? pick(ids('SELECT id FROM people ORDER BY id'), a.pick2) : undefined;
        if (c) n.write((w) => w.insert(caseSubjects, subjectRow(id(), c, p ?? null)));
        return;
      }
      case 'updateSubject': {
        const s = pick(ids('SELECT id FROM case_subjects ORDER BY id'), a.pick);
        const patch = { position: `职${a.value}`, name: `名${a.columns % 3}` };
        if (s) n.write((w) => w.update(caseSubjects, s, patch));
        return;
      }
    }
  }
}

interface Logged {
  hlc: string;
  table: string;
  row: string;
  op: 'insert' | 'update' | 'delete';
  columns: Record<string, ColumnValue>;
}

/** The rows that the test's rows refer to, for "superseded by the deletion of a row it refers to". */
const REFERENCES: Record<string, Record<string, string>> = {
  kinship: { person_id: 'people', relative_id: 'people' },
  case_subjects: { person_id: 'people', case_id: 'cases' },
};

const stored = (value: ColumnValue) => (typeof value === 'boolean' ? Number(value) : value);

/**
 * Problems with the invariant, judged from the change log (every write made anywhere, once all
 * nodes hold all of them) against the rows `sqlite` holds; an empty list when it holds.
 */
export function supersessionProblems(sqlite: Database.Database): string[] {
  const log = sqlite.prepare('SELECT hlc, table_name AS "table", row_id AS row, op, columns FROM change_log ORDER BY hlc').all() as (Omit<Logged, 'columns'> & {
    columns: string;
  })[];
  const byRow = new Map<string, Logged[]>();
  for (const entry of log) {
    if (!syncedTable(entry.table)) continue;
    const key = `${entry.table}:${entry.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), { ...entry, columns: JSON.parse(entry.columns) as Logged['columns'] }]);
  }
  const rowOf = (table: string, id: string) => sqlite.prepare(`SELECT * FROM ${quoted(table)} WHERE id = ?`).get(id) as Record<string, ColumnValue> | undefined;
  const deleted = (table: string, id: string) => (byRow.get(`${table}:${id}`) ?? []).some((o) => o.op === 'delete');
  const problems: string[] = [];
  for (const [key, ops] of byRow) {
    const { table, row } = ops[0]!;
    const present = rowOf(table, row);
    const inserts = ops.filter((o) => o.op === 'insert');
    if (syncedTable(table)!.merge === 'append') {
      const first = inserts[0]!.columns;
      if (!present || Object.entries(first).some(([c, v]) => present[c] !== stored(v))) problems.push(`${key}: not its first insert`);
      continue;
    }
    if (!present) {
      const refersToDeleted = Object.entries(REFERENCES[table] ?? {}).some(([column, target]) => {
        const value = inserts[0]?.columns[column];
        return typeof value === 'string' && !rowOf(target, value) && deleted(target, value);
      });
      if (!deleted(table, row) && !refersToDeleted) problems.push(`${key}: missing, never deleted`);
      continue;
    }
    const lastDelete = ops.findLastIndex((o) => o.op === 'delete');
    if (lastDelete >= 0 && !ops.slice(lastDelete).some((o) => o.op === 'insert')) problems.push(`${key}: back after its deletion`);
    for (const write of ops) {
      for (const [column, value] of Object.entries(write.columns)) {
        const superseded = ops.some((o) => o.hlc > write.hlc && (o.op === 'delete' || column in o.columns));
        if (!superseded && present[column] !== stored(value)) problems.push(`${key}.${column}: ${String(present[column])} instead of ${String(value)} (${write.hlc})`);
      }
    }
  }
  return problems;
}
