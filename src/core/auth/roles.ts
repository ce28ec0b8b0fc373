import { eq } from 'drizzle-orm';
import { DEFAULT_ROLE_PERMISSIONS, ROLE_CODES, type RoleCode } from '../../shared/api/permissions';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { roles } from '../db/schema';
import { AppError } from '../api/errors';
import { zhCN } from '../../shared/i18n/zh-CN';

/** Stored names of the built-in roles (the UI shows its own translation of `roles.<code>`). */
const BUILTIN_ROLE_NAMES: Record<RoleCode, string> = zhCN.roles;

/** Creates the built-in roles that are missing; returns role ids by code. */
export function seedRoles(w: Writer, now: Date): Record<RoleCode, string> {
  const at = shanghaiTimestamp(now);
  const ids = {} as Record<RoleCode, string>;
  for (const code of ROLE_CODES) {
    const existing = w.db.select({ id: roles.id }).from(roles).where(eq(roles.code, code)).get();
    if (existing) {
      ids[code] = existing.id;
      continue;
    }
    ids[code] = newId();
    w.insert(roles, {
      id: ids[code],
      code,
      name: BUILTIN_ROLE_NAMES[code],
      builtin: true,
      permissions: JSON.stringify(DEFAULT_ROLE_PERMISSIONS[code]),
      createdAt: at,
      updatedAt: at,
    });
  }
  return ids;
}

export function roleIdByCode(db: Db, code: RoleCode): string {
  const role = db.select({ id: roles.id }).from(roles).where(eq(roles.code, code)).get();
  if (!role) throw new AppError('ROLE_NOT_FOUND', { role: code });
  return role.id;
}
