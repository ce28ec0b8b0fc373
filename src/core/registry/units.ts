import { eq, sql } from 'drizzle-orm';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { OrgUnit, UnitKind } from '../../shared/api/registry';
import { AppError } from '../api/errors';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Scope } from '../api/caller';
import { requireInScope, scopeCondition } from '../auth/scope';
import type { Db } from '../db/open';
import { orgUnits } from '../db/schema';

const unitColumns = {
  id: orgUnits.id,
  code: orgUnits.code,
  name: orgUnits.name,
  kind: orgUnits.kind,
  parentId: orgUnits.parentId,
  peopleCount: sql<number>`(SELECT count(*) FROM people p WHERE p.unit_id = "org_units"."id")`,
};

export function listUnits(db: Db, scope: Scope): OrgUnit[] {
  return db.select(unitColumns).from(orgUnits).where(scopeCondition(scope, orgUnits.id)).orderBy(orgUnits.code).all();
}

export function getUnit(db: Db, id: string): OrgUnit {
  const unit = db.select(unitColumns).from(orgUnits).where(eq(orgUnits.id, id)).get();
  if (!unit) throw new AppError('UNIT_NOT_FOUND', { unit: id });
  return unit;
}

/** Throws UNIT_NOT_FOUND unless the unit exists; cheaper than getUnit, which counts people. */
export function requireUnit(db: Db, id: string): void {
  if (!db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id)).get()) throw new AppError('UNIT_NOT_FOUND', { unit: id });
}

/** The ids of a unit and every unit below it. */
export function unitAndDescendants(db: Db, id: string): string[] {
  const rows = db.all<{ id: string }>(sql`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM org_units WHERE id = ${id}
      UNION ALL SELECT u.id FROM org_units u JOIN tree ON u.parent_id = tree.id
    ) SELECT id FROM tree`);
  return rows.map((r) => r.id);
}

/** Unit names from the root down to the unit. */
export function unitPath(db: Db, id: string | null): string[] {
  if (!id) return [];
  const rows = db.all<{ name: string }>(sql`
    WITH RECURSIVE up(id, parent_id, name, depth) AS (
      SELECT id, parent_id, name, 0 FROM org_units WHERE id = ${id}
      UNION ALL SELECT u.id, u.parent_id, u.name, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id
    ) SELECT name FROM up ORDER BY depth DESC`);
  return rows.map((r) => r.name);
}

/** A unit by its code or its exact name, as people files refer to units. */
export function findUnitByCodeOrName(db: Db, text: string): { id: string } | undefined {
  return (
    db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, text)).get() ??
    db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.name, text)).get()
  );
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A unit's id follows from its code: the commission's units set up at two offices (each node's
 * setup creates its root unit) are the same rows when the offices sync, not two units with one
 * code. Shaped as a ULID (26 Crockford characters, the first below 8) like every other id.
 */
export function unitId(code: string): string {
  const digest = sha256(utf8ToBytes(`zhijian/org-unit/${code}`));
  let id = CROCKFORD[digest[0]! & 7]!;
  for (let i = 1; i < 26; i++) id += CROCKFORD[digest[i]! & 31]!;
  return id;
}

export function createUnit(
  w: Writer,
  input: { code: string; name: string; kind: UnitKind; parentId: string | null },
  now: Date,
  scope: Scope = { all: true },
): string {
  requireInScope(scope, input.parentId);
  if (w.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, input.code)).get()) {
    throw new AppError('UNIT_CODE_TAKEN', { code: input.code });
  }
  if (input.parentId) requireUnit(w.db, input.parentId);
  const id = unitId(input.code);
  const at = shanghaiTimestamp(now);
  w.insert(orgUnits, { id, ...input, createdAt: at, updatedAt: at });
  return id;
}

export function updateUnit(
  w: Writer,
  input: { id: string; name?: string | undefined; parentId?: string | null | undefined },
  now: Date,
  scope: Scope,
): void {
  requireUnit(w.db, input.id);
  requireInScope(scope, input.id);
  if (input.parentId !== undefined) requireInScope(scope, input.parentId);
  if (input.parentId) {
    requireUnit(w.db, input.parentId);
    // a unit cannot move under itself or one of its own descendants
    if (unitAndDescendants(w.db, input.id).includes(input.parentId)) throw new AppError('UNIT_PARENT_INVALID', {});
  }
  w.update(orgUnits, input.id, { name: input.name, parentId: input.parentId }, { updatedAt: shanghaiTimestamp(now) });
}
