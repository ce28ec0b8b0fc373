import { afterEach, describe, expect, it } from 'vitest';
import { caseEvents, cases, caseSubjects, orgUnits, people, roles, settings, users, welfareHitEntries, welfareHits } from '../../db/schema';
import type { AuditRecord } from '../operations';
import { ownVector } from './knowledge';
import { contentFor, pendingCount } from './outgoing';
import { scopeFilter } from './scope';
import { caseRow, eventRow, mergeNode, personRow, subjectRow, unitRow, type MergeNode } from './testing';

const opened: MergeNode[] = [];
afterEach(() => opened.splice(0).forEach((n) => n.close()));

const CITY = '530700';
const COUNTY_A = '530702';
const TOWNSHIP_A = '530702001';
const COUNTY_B = '530721';

const hitRow = (id: string, assignedUnitId: string | null) => ({
  id,
  key: `R1|${id}`,
  rule: 'R1' as const,
  idNumber: 'ID9',
  name: '和志强',
  program: '低保',
  period: '2026-01',
  amountFen: 100,
  recoverableFen: 100,
  township: '镇',
  village: '村',
  confidence: 1,
  evidence: '[]',
  status: 'new' as const,
  assignedUnitId,
  current: true,
  firstRunId: 'run1',
  lastRunId: 'run1',
  updatedAt: 'x',
});

/** The city's node: a county A (with a township), a county B, a case and a hit in each place. */
function city(): MergeNode {
  const n = mergeNode('city');
  opened.push(n);
  n.write((w) => {
    w.insert(orgUnits, unitRow('u0', CITY));
    w.insert(orgUnits, unitRow('uA', COUNTY_A, 'u0'));
    w.insert(orgUnits, unitRow('uA1', TOWNSHIP_A, 'uA'));
    w.insert(orgUnits, unitRow('uB', COUNTY_B, 'u0'));
    w.insert(people, personRow('p1', 'ID1'));
    w.insert(settings, { id: 'workflow', value: '{}', updatedAt: 'x' });
    w.insert(roles, { id: 'r1', code: 'officer', name: '办案人员', builtin: true, permissions: '[]', createdAt: 'x', updatedAt: 'x' });
    w.insert(users, { id: 'user1', username: 'he', displayName: '和', unitId: 'u0', roleId: 'r1', disabled: false, createdAt: 'x', updatedAt: 'x' });
    for (const [id, unit] of [['cA', 'uA1'], ['cB', 'uB']] as const) {
      w.insert(cases, caseRow(id, `N-${id}`, unit));
      w.insert(caseSubjects, subjectRow(`s-${id}`, id));
      w.insert(caseEvents, eventRow(`e-${id}`, id, 1));
    }
    for (const [id, unit] of [['hA', 'uA'], ['hNone', null]] as const) {
      w.insert(welfareHits, hitRow(id, unit));
      w.insert(welfareHitEntries, { id: `he-${id}`, hitId: id, kind: 'found', at: 'x', by: 'user1' });
    }
  });
  return n;
}

const rowsIn = (n: MergeNode, scopeCode: string) =>
  new Set(contentFor(n.sqlite, {}, scopeFilter(n.sqlite, scopeCode)).operations.map((o) => `${o.table}:${o.row}`));

const SHARED = ['org_units:u0', 'org_units:uA', 'org_units:uA1', 'org_units:uB', 'people:p1', 'settings:workflow'];
const OF_A = ['cases:cA', 'case_subjects:s-cA', 'case_events:e-cA', 'welfare_hits:hA', 'welfare_hit_entries:he-hA'];
const OF_B = ['cases:cB', 'case_subjects:s-cB', 'case_events:e-cB'];
const UNASSIGNED = ['welfare_hits:hNone', 'welfare_hit_entries:he-hNone'];

describe('scopeFilter', () => {
  it('gives a county its own cases and hits with what hangs off them, the shared registries, and nothing of another county', () => {
    expect(rowsIn(city(), COUNTY_A)).toEqual(new Set([...SHARED, ...OF_A]));
  });

  it('gives the root unit’s scope every synced row, unassigned hits included, and never accounts or roles', () => {
    expect(rowsIn(city(), CITY)).toEqual(new Set([...SHARED, ...OF_A, ...OF_B, ...UNASSIGNED]));
  });

  it('gives a scope it does not know the shared registries only', () => {
    expect(rowsIn(city(), '999999')).toEqual(new Set(SHARED));
  });

  it('counts, as waiting, exactly the operations a bundle for the scope carries when no row enters it', () => {
    const n = city();
    for (const scope of [COUNTY_A, COUNTY_B, CITY, '999999']) {
      const carried = contentFor(n.sqlite, {}, scopeFilter(n.sqlite, scope)).operations.length;
      expect(pendingCount(n.sqlite, {}, scopeFilter(n.sqlite, scope)), scope).toBe(carried);
      expect(pendingCount(n.sqlite, ownVector(n.sqlite), scopeFilter(n.sqlite, scope)), scope).toBe(0);
    }
  });

  it('judges a case where it is now, for all of its operations', () => {
    const n = city();
    n.write((w) => w.update(cases, 'cA', { unitId: 'uB' }));
    expect(rowsIn(n, COUNTY_A)).toEqual(new Set([...SHARED, 'welfare_hits:hA', 'welfare_hit_entries:he-hA']));
    const ofCaseA = contentFor(n.sqlite, {}, scopeFilter(n.sqlite, COUNTY_B)).operations.filter((o) => o.row.endsWith('cA'));
    expect(ofCaseA.map((o) => `${o.table}:${o.op}`).sort()).toEqual(['case_events:insert', 'case_subjects:insert', 'cases:insert', 'cases:update']);
  });

  it('lets audit entries go up to the scopes that contain the unit of the node that wrote them', () => {
    const n = city();
    const entry = {} as AuditRecord;
    const countyA = scopeFilter(n.sqlite, COUNTY_A);
    expect([TOWNSHIP_A, COUNTY_A, CITY, COUNTY_B].map((code) => countyA.audit(entry, code))).toEqual([true, true, false, false]);
    expect(countyA.audit(entry, undefined)).toBe(false);
    expect(scopeFilter(n.sqlite, CITY).audit(entry, COUNTY_B)).toBe(true);
  });
});

describe('contentFor with a scope', () => {
  it('sends a hit assigned to a county after the county’s knowledge passed it, with its whole history', () => {
    const n = city();
    const county = mergeNode('county');
    opened.push(county);
    const toCounty = () => county.apply(contentFor(n.sqlite, ownVector(county.sqlite), scopeFilter(n.sqlite, COUNTY_A)));
    toCounty();
    n.write((w) => w.update(people, 'p1', { phone: '17000000001' }));
    toCounty();
    // the county now knows the city's operations up to past the unassigned hit's insert
    const hitInsert = n.sqlite.prepare("SELECT hlc FROM change_log WHERE row_id = 'hNone'").pluck().get() as string;
    expect(ownVector(county.sqlite).city! > hitInsert).toBe(true);

    n.write((w) => {
      w.update(welfareHits, 'hNone', { assignedUnitId: 'uA', status: 'assigned' });
      w.insert(welfareHitEntries, { id: 'he2', hitId: 'hNone', kind: 'assigned', at: 'x', by: 'user1', unitId: 'uA' });
    });
    const { operations } = contentFor(n.sqlite, ownVector(county.sqlite), scopeFilter(n.sqlite, COUNTY_A));
    expect(operations.map((o) => `${o.table}:${o.row}:${o.op}`).sort()).toEqual([
      'welfare_hit_entries:he-hNone:insert',
      'welfare_hit_entries:he2:insert',
      'welfare_hits:hNone:insert',
      'welfare_hits:hNone:update',
    ]);
    county.apply({ operations, audit: [] });
    expect(county.sqlite.prepare("SELECT assigned_unit_id FROM welfare_hits WHERE id = 'hNone'").pluck().get()).toBe('uA');
  });
});
