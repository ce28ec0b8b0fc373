import { inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { inScope, type Scope } from '../api/caller';
import { AppError } from '../api/errors';

/** The WHERE condition that keeps a listing inside the caller's scope (none for the root's users). */
export function scopeCondition(scope: Scope, unitColumn: SQLiteColumn): SQL | undefined {
  if (scope.all) return undefined;
  // an empty scope matches nothing (IN () is not valid SQL)
  return scope.unitIds.size > 0 ? inArray(unitColumn, [...scope.unitIds]) : sql`0`;
}

/** Writes outside the caller's scope are refused, whatever the request says. */
export function requireInScope(scope: Scope, unitId: string | null): void {
  if (!inScope(scope, unitId)) throw new AppError('OUT_OF_SCOPE', { unit: unitId ?? '' });
}
