import { eq } from 'drizzle-orm';
import { PERMISSIONS, type Permission } from '../../shared/api/permissions';
import type { Caller } from '../api/caller';
import { AppError } from '../api/errors';
import type { Db } from '../db/open';
import { orgUnits, roles, users } from '../db/schema';
import { unitAndDescendants } from '../registry/units';
import type { Session } from './sessions';

export function parsePermissions(json: string): Permission[] {
  const listed = JSON.parse(json) as unknown;
  return Array.isArray(listed) ? PERMISSIONS.filter((p) => listed.includes(p)) : [];
}

/**
 * The caller behind a session, read afresh on every call: a role edited or an account disabled
 * takes effect at once.
 */
export function callerFor(db: Db, session: Session): Caller {
  const row = db
    .select({ username: users.username, disabled: users.disabled, unitId: users.unitId, parentId: orgUnits.parentId, permissions: roles.permissions })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(eq(users.id, session.userId))
    .get();
  if (!row || row.disabled) throw new AppError('ACCOUNT_DISABLED');
  return {
    actor: row.username,
    userId: session.userId,
    permissions: new Set(parsePermissions(row.permissions)),
    scope: row.parentId === null ? { all: true } : { all: false, unitIds: new Set(unitAndDescendants(db, row.unitId)) },
    session,
  };
}
