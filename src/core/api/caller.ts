import type { Permission } from '../../shared/api/permissions';

/**
 * Who is calling. Until accounts exist every shell acts as the local operator with every
 * permission; the checks already run, so accounts only change what this holds.
 */
export interface Caller {
  /** the name written into the audit trail */
  actor: string;
  permissions: ReadonlySet<Permission> | 'all';
}

export const LOCAL_OPERATOR: Caller = { actor: 'local', permissions: 'all' };

export function can(caller: Caller, permission: Permission): boolean {
  return caller.permissions === 'all' || caller.permissions.has(permission);
}
