import type { TreeNodeData } from '@mantine/core';
import type { OrgUnit } from '../../shared/api/registry';

/** The flat unit list from `units.list`, indexed once for the tree, selects and paths. */
export interface UnitIndex {
  units: OrgUnit[];
  byId: Map<string, OrgUnit>;
  childrenOf: Map<string | null, OrgUnit[]>;
  /** people in the unit and every unit below it */
  totalPeople: Map<string, number>;
}

export function indexUnits(units: OrgUnit[]): UnitIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    // a parent missing from the list (outside the caller's scope) makes the unit a root
    const parent = unit.parentId !== null && byId.has(unit.parentId) ? unit.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(unit);
    childrenOf.set(parent, siblings);
  }
  const totalPeople = new Map<string, number>();
  const total = (unit: OrgUnit): number => {
    const known = totalPeople.get(unit.id);
    if (known !== undefined) return known;
    const sum = (childrenOf.get(unit.id) ?? []).reduce((acc, child) => acc + total(child), unit.peopleCount);
    totalPeople.set(unit.id, sum);
    return sum;
  };
  units.forEach(total);
  return { units, byId, childrenOf, totalPeople };
}

/** Names from the root down to the unit. */
export function unitPath(index: UnitIndex, id: string): OrgUnit[] {
  const path: OrgUnit[] = [];
  const seen = new Set<string>();
  for (let unit = index.byId.get(id); unit && !seen.has(unit.id); unit = unit.parentId ? index.byId.get(unit.parentId) : undefined) {
    seen.add(unit.id);
    path.unshift(unit);
  }
  return path;
}

/**
 * A label that tells apart units of the same name (villages repeat across townships): the path
 * below the root, e.g. "古城区 / 金安镇 / 新团村".
 */
export function unitLabel(index: UnitIndex, id: string): string {
  const path = unitPath(index, id);
  const shown = path.length > 1 ? path.slice(1) : path;
  return shown.map((u) => u.name).join(' / ');
}

export function toTreeData(index: UnitIndex, parentId: string | null = null): TreeNodeData[] {
  return (index.childrenOf.get(parentId) ?? []).map((unit) => {
    const children = toTreeData(index, unit.id);
    return { value: unit.id, label: unit.name, ...(children.length > 0 ? { children } : {}) };
  });
}

/** The city and the counties open, so a new user sees the whole shape down to the townships. */
export function defaultExpanded(index: UnitIndex): Record<string, boolean> {
  const expanded: Record<string, boolean> = {};
  for (const unit of index.units) {
    if (unit.kind === 'city' || unit.kind === 'county' || (index.childrenOf.get(null) ?? []).includes(unit)) {
      expanded[unit.id] = true;
    }
  }
  return expanded;
}

/** Opens every ancestor of a unit, so that a deep-linked selection is visible. */
export function expandTo(index: UnitIndex, id: string, expanded: Record<string, boolean>): Record<string, boolean> {
  const next = { ...expanded };
  for (const unit of unitPath(index, id).slice(0, -1)) next[unit.id] = true;
  return next;
}
