import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../shared/api/registry';
import { defaultExpanded, expandTo, indexUnits, toTreeData, unitLabel, unitPath } from './unit-index';

const unit = (id: string, kind: OrgUnit['kind'], parentId: string | null, peopleCount = 0): OrgUnit => ({
  id,
  code: id,
  name: `name-${id}`,
  kind,
  parentId,
  peopleCount,
});

const UNITS = [
  unit('city', 'city', null, 1),
  unit('dept', 'department', 'city', 4),
  unit('county', 'county', 'city', 2),
  unit('town', 'township', 'county', 3),
  unit('village', 'village', 'town', 5),
  unit('orphan', 'village', 'missing-parent', 7),
];

describe('unit index', () => {
  const index = indexUnits(UNITS);

  it('totals people over each subtree', () => {
    expect(index.totalPeople.get('city')).toBe(15);
    expect(index.totalPeople.get('county')).toBe(10);
    expect(index.totalPeople.get('village')).toBe(5);
  });

  it('builds the tree from the flat list, a unit with an unknown parent becoming a root', () => {
    const tree = toTreeData(index);
    expect(tree.map((n) => n.value)).toEqual(['city', 'orphan']);
    expect(tree[0]!.children!.map((n) => n.value)).toEqual(['dept', 'county']);
    expect(tree[1]!.children).toBeUndefined();
  });

  it('labels a unit by its path below the root', () => {
    expect(unitPath(index, 'village').map((u) => u.id)).toEqual(['city', 'county', 'town', 'village']);
    expect(unitLabel(index, 'village')).toBe('name-county / name-town / name-village');
    expect(unitLabel(index, 'city')).toBe('name-city');
  });

  it('opens the city and the counties by default, and the ancestors of a selection', () => {
    expect(defaultExpanded(index)).toEqual({ city: true, county: true, orphan: true });
    expect(expandTo(index, 'village', {})).toEqual({ city: true, county: true, town: true });
  });
});
