import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../api/hlc';
import { caseEvents, cases, caseSubjects, kinship, orgUnits, people, roles, users } from '../../db/schema';
import type { BundleContent, Operation } from '../operations';
import { reapplyDeferred } from './apply';
import { ownVector } from './knowledge';
import { contentFor } from './outgoing';
import { caseRow, eventRow, everything, kinshipRow, mergeNode, personRow, subjectRow, sync, syncedDump, unitRow, type MergeNode } from './testing';

const opened: MergeNode[] = [];
afterEach(() => opened.splice(0).forEach((n) => n.close()));

/** A node whose wall clock reads `clock.t` (tests move it to order concurrent writes). */
function node(id: string, clock = { t: 1_000 }): MergeNode {
  const n = mergeNode(id, () => clock.t);
  opened.push(n);
  return n;
}

const row = (n: MergeNode, table: string, id: string) => n.sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
const all = (n: MergeNode): BundleContent => contentFor(n.sqlite, {}, everything);
const forged = (millis: number, op: Omit<Operation, 'hlc' | 'origin'>): Operation => ({ hlc: formatHlc({ millis, counter: 0, nodeId: 'x' }), origin: 'x', ...op });
const logged = (n: MergeNode, table: string, id: string) => n.sqlite.prepare('SELECT count(*) FROM change_log WHERE table_name = ? AND row_id = ?').pluck().get(table, id);

describe('applyContent: last writer wins per column', () => {
  it('keeps concurrent updates of different columns of a row', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => w.insert(people, personRow('p1', 'ID1')));
    sync(a, b);
    a.write((w) => w.update(people, 'p1', { phone: '17000000001' }));
    b.write((w) => w.update(people, 'p1', { position: '科长' }));
    sync(a, b);
    sync(b, a);
    for (const n of [a, b]) expect(row(n, 'people', 'p1')).toMatchObject({ phone: '17000000001', position: '科长' });
  });

  it('gives a column the value stamped later, whatever order the updates arrive in', () => {
    const early = { t: 1_000 };
    const late = { t: 2_000 }; // b's clock is ahead: its update carries the higher stamp
    const [a, b, c, d] = [node('a', early), node('b', late), node('c'), node('d')];
    a.write((w) => w.insert(people, personRow('p1', 'ID1')));
    for (const n of [b, c, d]) sync(a, n);
    a.write((w) => w.update(people, 'p1', { name: '甲' }));
    b.write((w) => w.update(people, 'p1', { name: '乙' }));
    sync(a, c);
    sync(b, c);
    sync(b, d);
    sync(a, d);
    sync(b, a);
    sync(a, b);
    for (const n of [a, b, c, d]) expect(row(n, 'people', 'p1')!.name).toBe('乙');
  });

  it('waits with an update that arrives before its insert, and applies it with the insert', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => w.insert(people, personRow('p1', 'ID1')));
    a.write((w) => w.update(people, 'p1', { phone: '17000000001' }));
    const [insert, update] = all(a).operations.filter((o) => o.table === 'people');
    expect(b.apply({ operations: [update!], audit: [] })).toMatchObject({ applied: 1, deferred: 1 });
    expect(row(b, 'people', 'p1')).toBeUndefined();
    b.apply({ operations: [insert!], audit: [] });
    expect(row(b, 'people', 'p1')).toEqual(row(a, 'people', 'p1'));
  });
});

describe('applyContent: deletions', () => {
  it('keeps a row deleted on one node deleted everywhere, even against a later update', () => {
    const early = { t: 1_000 };
    const late = { t: 2_000 };
    const [a, b] = [node('a', early), node('b', late)];
    a.write((w) => {
      w.insert(people, personRow('p1', 'ID1'));
      w.insert(people, personRow('p2', 'ID2'));
      w.insert(kinship, kinshipRow('k1', 'p1', 'p2'));
    });
    sync(a, b);
    a.write((w) => w.delete(kinship, 'k1'));
    b.write((w) => w.update(kinship, 'k1', { relation: '子女' }));
    sync(a, b);
    sync(b, a);
    for (const n of [a, b]) expect(row(n, 'kinship', 'k1')).toBeUndefined();
  });

  it('brings back a row inserted again under its id after the deletion, without its old columns', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => w.insert(people, { ...personRow('p1', 'ID1'), phone: '17000000001' }));
    sync(a, b);
    a.write((w) => w.delete(people, 'p1'));
    a.write((w) => w.insert(people, personRow('p1', 'ID1')));
    sync(a, b);
    expect(row(b, 'people', 'p1')).toMatchObject({ id: 'p1', phone: null });
    expect(syncedDump(b.sqlite)).toEqual(syncedDump(a.sqlite));
  });

  it('takes out rows that another node made against the row it deleted', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => {
      w.insert(people, personRow('p1', 'ID1'));
      w.insert(people, personRow('p2', 'ID2'));
    });
    sync(a, b);
    a.write((w) => w.delete(people, 'p2'));
    b.write((w) => w.insert(kinship, kinshipRow('k1', 'p1', 'p2')));
    sync(a, b);
    sync(b, a);
    for (const n of [a, b]) {
      expect(row(n, 'people', 'p2')).toBeUndefined();
      expect(row(n, 'kinship', 'k1')).toBeUndefined();
    }
    expect(logged(a, 'kinship', 'k1')).toBe(1); // kept in the change log all the same
  });
});

describe('applyContent: append-only records, duplicates, references', () => {
  function caseWithEvent(n: MergeNode, userId: string | null = null) {
    n.write((w) => {
      w.insert(orgUnits, unitRow('u1', '530700'));
      w.insert(cases, caseRow('c1', 'N1', 'u1'));
      w.insert(caseSubjects, subjectRow('s1', 'c1'));
      w.insert(caseEvents, eventRow('e1', 'c1', 1, userId));
    });
  }

  it('keeps the first insert of an append-only record and ignores later changes to it', () => {
    const [a, b] = [node('a'), node('b')];
    caseWithEvent(a);
    sync(a, b);
    const before = row(b, 'case_events', 'e1');
    const result = b.apply({
      operations: [
        forged(9_000, { table: 'case_events', row: 'e1', op: 'insert', columns: { ...before, actor: 'someone else' } as Operation['columns'] }),
        forged(9_001, { table: 'case_events', row: 'e1', op: 'update', columns: { actor: 'someone else' } }),
        forged(9_002, { table: 'case_events', row: 'e1', op: 'delete', columns: {} }),
      ],
      audit: [],
    });
    expect(result.applied).toBe(3);
    expect(row(b, 'case_events', 'e1')).toEqual(before);
    expect(logged(b, 'case_events', 'e1')).toBe(4);
  });

  it('ignores operations and audit entries it already holds', () => {
    const [a, b] = [node('a'), node('b')];
    caseWithEvent(a);
    const content = all(a);
    const first = b.apply(content);
    expect(first).toMatchObject({ applied: content.operations.length, duplicates: 0, audit: content.audit.length });
    const state = { rows: syncedDump(b.sqlite), vector: ownVector(b.sqlite) };
    expect(b.apply(content)).toMatchObject({ applied: 0, duplicates: content.operations.length, audit: 0, changed: [] });
    expect({ rows: syncedDump(b.sqlite), vector: ownVector(b.sqlite) }).toEqual(state);
  });

  it('holds a row whose referred row has not arrived, and writes it when that arrives', () => {
    const [a, b] = [node('a'), node('b')];
    caseWithEvent(a);
    const { operations } = all(a);
    const subject = operations.filter((o) => o.table === 'case_subjects');
    expect(b.apply({ operations: subject, audit: [] })).toMatchObject({ applied: 1, deferred: 1 });
    expect(row(b, 'case_subjects', 's1')).toBeUndefined();
    const rest = b.apply({ operations: operations.filter((o) => o.table !== 'case_subjects'), audit: [] });
    expect(row(b, 'case_subjects', 's1')).toEqual(row(a, 'case_subjects', 's1'));
    expect(rest.deferred).toBe(0);
    expect(rest.changed).toContainEqual({ table: 'case_subjects', id: 's1' });
  });

  it('takes a stored row out while its new state refers to a row not here yet, and puts it back once that arrives', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => w.insert(people, personRow('p1', 'ID1')));
    sync(a, b);
    a.write((w) => {
      w.insert(orgUnits, unitRow('u9', '530799'));
      w.update(people, 'p1', { unitId: 'u9', phone: '17000000001' });
    });
    const { operations } = contentFor(a.sqlite, ownVector(b.sqlite), everything);
    expect(b.apply({ operations: operations.filter((o) => o.table === 'people'), audit: [] }).deferred).toBe(1);
    expect(row(b, 'people', 'p1')).toBeUndefined();
    b.apply({ operations: operations.filter((o) => o.table === 'org_units'), audit: [] });
    expect(row(b, 'people', 'p1')).toEqual(row(a, 'people', 'p1'));
  });

  it('stores a reference to another node’s account as NULL, and says which rows changed', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => {
      w.insert(orgUnits, unitRow('u0', '530000'));
      w.insert(roles, { id: 'r1', code: 'officer', name: '办案人员', builtin: true, permissions: '[]', createdAt: 'x', updatedAt: 'x' });
      w.insert(users, { id: 'user1', username: 'he', displayName: '和', unitId: 'u0', roleId: 'r1', disabled: false, createdAt: 'x', updatedAt: 'x' });
    });
    caseWithEvent(a, 'user1');
    const result = sync(a, b);
    expect(row(a, 'case_events', 'e1')!.user_id).toBe('user1');
    expect(row(b, 'case_events', 'e1')).toMatchObject({ user_id: null, actor: 'tester' });
    expect(row(b, 'users', 'user1')).toBeUndefined(); // accounts never travel
    expect(result.changed).toContainEqual({ table: 'case_events', id: 'e1' });
  });

  it('returns the latest stamp of the content', () => {
    const [a, b] = [node('a', { t: 5_000 }), node('b')];
    caseWithEvent(a);
    const content = all(a);
    const stamps = [...content.operations, ...content.audit].map((x) => x.hlc).sort();
    expect(b.apply(content).latest).toBe(stamps.at(-1));
    expect(b.apply({ operations: [], audit: [] }).latest).toBeNull();
  });
});

describe('applyContent: unique keys', () => {
  it('lets the row created first keep a unique key on every node, and frees it when that row goes', () => {
    const [a, b] = [node('a', { t: 1_000 }), node('b', { t: 2_000 })];
    a.write((w) => w.insert(people, personRow('pa', 'SAME')));
    b.write((w) => w.insert(people, personRow('pb', 'SAME')));
    expect(sync(a, b).deferred).toBe(1);
    sync(b, a);
    for (const n of [a, b]) expect(n.sqlite.prepare('SELECT id FROM people').pluck().all()).toEqual(['pa']);
    a.write((w) => w.delete(people, 'pa'));
    sync(a, b);
    sync(b, a);
    for (const n of [a, b]) expect(n.sqlite.prepare('SELECT id FROM people').pluck().all()).toEqual(['pb']);
  });
});

describe('newer versions', () => {
  it('keeps a column this schema lacks and applies it once a migration adds it', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => w.insert(people, personRow('p1', 'ID1')));
    sync(a, b);
    const newer = forged(9_000, { table: 'people', row: 'p1', op: 'update', columns: { phone: '17000000001', nickname: '小和' } });
    b.apply({ operations: [newer], audit: [] });
    expect(row(b, 'people', 'p1')).toMatchObject({ phone: '17000000001' });
    expect(b.sqlite.prepare('SELECT table_name, column_name FROM sync_deferred').raw().all()).toEqual([['people', 'nickname']]);

    b.sqlite.exec('ALTER TABLE people ADD COLUMN nickname TEXT');
    expect(b.sqlite.transaction(() => reapplyDeferred(b.sqlite))()).toEqual([{ table: 'people', id: 'p1' }]);
    expect(row(b, 'people', 'p1')).toMatchObject({ phone: '17000000001', nickname: '小和' });
    expect(b.sqlite.prepare('SELECT count(*) FROM sync_deferred').pluck().get()).toBe(0);
  });

  it('keeps the operations of a table this schema lacks, waiting', () => {
    const b = node('b');
    const result = b.apply({ operations: [forged(9_000, { table: 'future_things', row: 'f1', op: 'insert', columns: { id: 'f1' } })], audit: [] });
    expect(result).toMatchObject({ applied: 1, deferred: 1 });
    expect(logged(b, 'future_things', 'f1')).toBe(1);
    expect(b.sqlite.prepare('SELECT table_name, column_name FROM sync_deferred').raw().all()).toEqual([['future_things', '']]);
    // still not a table this version syncs: it stays deferred
    reapplyDeferred(b.sqlite);
    expect(b.sqlite.prepare('SELECT count(*) FROM sync_deferred').pluck().get()).toBe(1);
  });
});
