
import { api, type Role } from '../../shared/api';
import { AppError } from '../api/errors';
import { implement } from '../api/implement';
import { shanghaiTimestamp } from '../api/time';
import { parsePermissions } from '../auth/caller';
import type { Db } from '../db/open';
import { roles } from '../db/schema';
import { createUser, listUsers, resetPassword, setUserDisabled, updateUser } from './users';

function listRoles(db: Db): Role[] {
  return db
    .select()
    .from(roles)
    .orderBy(roles.createdAt, roles.code)
    .all()
    .map((r) => ({ id: r.id, code: r.code, name: r.name, builtin: r.builtin, permissions: parsePermissions(r.permissions) }));
}

export const userProcedures = [
  implement(api.users.list, (ctx) => listUsers(ctx)),
  implement(api.users.create, (ctx, input) => createUser(ctx, input)),
  implement(api.users.update, (ctx, input) => updateUser(ctx, input)),
  implement(api.users.setDisabled, (ctx, input) => setUserDisabled(ctx, input)),
  implement(api.users.resetPassword, (ctx, input) => resetPassword(ctx, input)),
  implement(api.roles.list, (ctx) => listRoles(ctx.db)),
  implement(api.roles.update, (ctx, input) => {
    const role = listRoles(ctx.db).find((r) => r.id === input.id);
    if (!role) throw new AppError('ROLE_NOT_FOUND', { role: input.id });
    // the administrator role keeps what it needs to undo any change
    const permissions = role.code === 'administrator' ? [...new Set([...input.permissions, 'users.manage' as const, 'roles.manage' as const])] : input.permissions;
    ctx.write((w) => w.update(roles, role.id, { permissions: JSON.stringify(permissions) }, { updatedAt: shanghaiTimestamp(ctx.now()) }));
    return listRoles(ctx.db).find((r) => r.id === input.id)!;
  }),
];

