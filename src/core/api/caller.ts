import type { Access, Permission } from '../../shared/api/permissions';
import type { Session } from '../auth/sessions';

/** The org units a caller may see: everything (a user of the root unit) or a subtree. */
export type Scope = { all: true } | { all: false; unitIds: ReadonlySet<string> };

/** Who is calling, as the core resolved it from the session: never taken from the request. */
export interface Caller {
  /** the username written into the audit trail (for a login, the name tried) */
  actor: string;
  userId: string | null;
  permissions: ReadonlySet<Permission>;
  scope: Scope;
  session: Session | null;
}

export function anonymous(actor = 'anonymous'): Caller {
  return { actor, userId: null, permissions: new Set(), scope: { all: false, unitIds: new Set() }, session: null };
}

export function can(caller: Caller, access: Access): boolean {
  if (access === 'public') return true;
  if (access === 'session') return caller.session !== null;
  return caller.session !== null && caller.permissions.has(access);
}

/** Whether a row of this unit is visible; rows with no unit belong to the root. */
export function inScope(scope: Scope, unitId: string | null): boolean {
  return scope.all || (unitId !== null && scope.unitIds.has(unitId));
}
