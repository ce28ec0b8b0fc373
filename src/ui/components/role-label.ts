import type { TFunction } from 'i18next';
import type { Permission } from '../../shared/api/permissions';

/** Built-in roles are named by the translations; a role the administrator added by its own name. */
export function roleLabel(t: TFunction, code: string, name: string): string {
  return t(`roles.${code}`, { defaultValue: name });
}

export function permissionLabel(t: TFunction, permission: Permission): string {
  return t(`permissions.${permission}`, { defaultValue: permission });
}
