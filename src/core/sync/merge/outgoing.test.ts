import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../api/hlc';
import { orgUnits, people, roles, syncIdentity } from '../../db/schema';
import { ownVector } from './knowledge';
import { contentFor } from './outgoing';
import { scopeFilter } from './scope';
import { everything, mergeNode, personRow, sync, unitRow, type MergeNode } from './testing';

const opened: MergeNode[] = [];
afterEach(() => opened.splice(0).forEach((n) => n.close()));
function node(id: string): MergeNode {
  const n = mergeNode(id);
  opened.push(n);
  return n;
}

const stamps = (n: MergeNode, table: 'change_log' | 'audit_log', origin: string) =>
  n.sqlite.prepare(`SELECT hlc FROM ${table} WHERE node_id = ? ORDER BY hlc`).pluck().all(origin) as string[];

describe('ownVector', () => {
  it('holds, per origin, the latest stamp of its operations and audit entries held here', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => w.insert(people, personRow('p1', 'ID1')));
    sync(a, b);
    b.write((w) => w.insert(people, personRow('p2', 'ID2')));
    // an origin known only by an operation (no audit entry of it here)
    const x = formatHlc({ millis: 9e12, counter: 0, nodeId: 'x' });
    b.apply({ operations: [{ hlc: x, origin: 'x', table: 'settings', row: 's1', op: 'update', columns: { value: '1' } }], audit: [] });
    const latest = (origin: string) => [...stamps(b, 'change_log', origin), ...stamps(b, 'audit_log', origin)].sort().at(-1);
    expect(ownVector(b.sqlite)).toEqual({ a: latest('a'), b: latest('b'), x });
    expect(ownVector(b.sqlite).a).toBe(stamps(a, 'audit_log', 'a').at(-1));
  });
});

describe('contentFor', () => {
  it('carries exactly what is stamped after the peer’s knowledge, oldest first, from every origin', () => {
    const [a, b] = [node('a'), node('b')];
    a.write((w) => w.insert(people, personRow('p1', 'ID1')));
    sync(a, b);
    const known = ownVector(b.sqlite);
    a.write((w) => w.update(people, 'p1', { phone: '1' }));
    b.write((w) => w.update(people, 'p1', { position: '科长' }));
    sync(b, a);
    const content = contentFor(a.sqlite, known, everything);
    const after = (table: 'change_log' | 'audit_log') => [...stamps(a, table, 'a'), ...stamps(a, table, 'b')].filter((s) => s > (known[parseHlc(s).nodeId] ?? '')).sort();
    expect(content.operations.map((o) => o.hlc)).toEqual(after('change_log'));
    expect(content.audit.map((e) => e.hlc)).toEqual(after('audit_log'));
    expect(new Set(content.operations.map((o) => o.origin))).toEqual(new Set(['a', 'b']));
    // a peer that has it all gets nothing
    expect(contentFor(a.sqlite, ownVector(a.sqlite), everything)).toEqual({ operations: [], audit: [] });
  });

  it('never carries operations of tables that stay on their node', () => {
    const a = node('a');
    a.write((w) => {
      w.insert(orgUnits, unitRow('u0', '530700'));
      w.insert(roles, { id: 'r1', code: 'officer', name: '办案人员', builtin: true, permissions: '[]', createdAt: 'x', updatedAt: 'x' });
    });
    const { operations } = contentFor(a.sqlite, {}, scopeFilter(a.sqlite, '530700'));
    expect(operations.map((o) => o.table)).toEqual(['org_units']);
  });

  it('sends a node’s audit entries up to the scopes that contain its unit, by its identity', () => {
    const a = node('a');
    a.write((w) => {
      w.insert(orgUnits, unitRow('u0', '530700'));
      w.insert(orgUnits, unitRow('uA', '530702', 'u0'));
      w.insert(orgUnits, unitRow('uB', '530721', 'u0'));
    });
    const key = 'not a real key';
    a.db
      .insert(syncIdentity)
      .values({ nodeId: 'a', suite: 'x25519', signingPublic: key, encryptionPublic: key, signingSecret: key, encryptionSecret: key, unitCode: '530702', createdAt: 'x' })
      .run();
    const audited = (scope: string) => contentFor(a.sqlite, {}, scopeFilter(a.sqlite, scope)).audit.length;
    expect(audited('530702')).toBe(stamps(a, 'audit_log', 'a').length);
    expect(audited('530700')).toBe(stamps(a, 'audit_log', 'a').length);
    expect(audited('530721')).toBe(0);
  });
});
