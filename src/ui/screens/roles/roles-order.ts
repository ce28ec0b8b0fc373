import type { Role } from '../../../shared/api/auth';
import { ROLE_CODES } from '../../../shared/api/permissions';

/** The built-in roles in the contract's order (administrator first), then any others by name. */
export function rolesInOrder(roles: Role[]): Role[] {
  const rank = (role: Role) => {
    const index = (ROLE_CODES as readonly string[]).indexOf(role.code);
    return index < 0 ? ROLE_CODES.length : index;
  };
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
