import { and, eq, ne, sql } from 'drizzle-orm';
import type { UserRow } from '../../shared/api';
import { inScope, type Caller } from '../api/caller';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import type { Db } from '../db/open';
import { roles, users } from '../db/schema';
import { lockedUntil } from '../security/lockout';
import type { KeySlotFile } from '../security/keyslots';
import { accountRows, requireStrongPassword, withoutUserSlot, withUserSlot } from '../auth/accounts';

/** Users in the caller's scope, with the failed logins their key slots have counted. */
export function listUsers(ctx: Context): UserRow[] {
  const slots = ctx.vault.slots();
  const now = ctx.now();
  return accountRows(ctx.db)
    .orderBy(users.username)
    .all()
    .filter((u) => inScope(ctx.caller.scope, u.unitId))
    .map(({ permissions: _permissions, ...u }) => {
      const slot = slots.slots.find((s) => s.kind === 'user' && s.userId === u.id);
      const until = slot ? lockedUntil(slot, now) : null;
      return { ...u, failedAttempts: slot?.failedAttempts ?? 0, lockedUntil: until ? shanghaiTimestamp(until) : null };
    });
}

export function getUserRow(ctx: Context, id: string): UserRow {
  const row = listUsers(ctx).find((u) => u.id === id);
  if (!row) throw new AppError('NOT_FOUND', { user: id });
  return row;
}

function requireUnitInScope(caller: Caller, unitId: string): void {
  if (!inScope(caller.scope, unitId)) throw new AppError('OUT_OF_SCOPE', { unit: unitId });
}

function requireRole(db: Db, roleId: string): { code: string } {
  const role = db.select({ code: roles.code }).from(roles).where(eq(roles.id, roleId)).get();
  if (!role) throw new AppError('ROLE_NOT_FOUND', { role: roleId });
  return role;
}

/** Refuses a change that would leave no active administrator. */
function keepAnAdministrator(db: Db, userId: string): void {
  const others = db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(roles.code, 'administrator'), eq(users.disabled, false), ne(users.id, userId)))
    .get();
  if ((others?.n ?? 0) === 0) throw new AppError('LAST_ADMINISTRATOR');
}

function isAdministrator(db: Db, userId: string): boolean {
  return accountRows(db).where(eq(users.id, userId)).get()?.roleCode === 'administrator';
}

function saveSlots(ctx: Context, change: (file: KeySlotFile) => KeySlotFile): void {
  ctx.vault.saveSlots(change(ctx.vault.slots()));
}

export function createUser(
  ctx: Context,
  input: { username: string; displayName: string; unitId: string; roleId: string; password: string },
): UserRow {
  requireUnitInScope(ctx.caller, input.unitId);
  requireRole(ctx.db, input.roleId);
  requireStrongPassword(input.password, input.username);
  if (ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${input.username.toLowerCase()}`).get()) {
    throw new AppError('USERNAME_TAKEN', { username: input.username });
  }
  const id = newId();
  ctx.write(
    (w) => {
      const at = shanghaiTimestamp(ctx.now());
      const { password: _password, ...fields } = input;
      w.insert(users, { id, ...fields, disabled: false, createdAt: at, updatedAt: at });
    },
    () => ({ username: input.username }),
  );
  saveSlots(ctx, (file) => withUserSlot(file, ctx.vault.key, { id, username: input.username }, input.password, ctx.security.kdf));
  return getUserRow(ctx, id);
}

export function updateUser(ctx: Context, input: { id: string; displayName?: string | undefined; unitId?: string | undefined; roleId?: string | undefined }): UserRow {
  getUserRow(ctx, input.id);
  if (input.unitId) requireUnitInScope(ctx.caller, input.unitId);
  if (input.roleId && requireRole(ctx.db, input.roleId).code !== 'administrator' && isAdministrator(ctx.db, input.id)) {
    keepAnAdministrator(ctx.db, input.id);
  }
  ctx.write((w) => w.update(users, input.id, { displayName: input.displayName, unitId: input.unitId, roleId: input.roleId }, { updatedAt: shanghaiTimestamp(ctx.now()) }));
  return getUserRow(ctx, input.id);
}

/**
 * Disabling revokes the user's key slot (their password no longer opens the database) and ends
 * their sessions; an administrator gives a re-enabled user a new password with resetPassword.
 */
export function setUserDisabled(ctx: Context, input: { id: string; disabled: boolean }): UserRow {
  getUserRow(ctx, input.id);
  if (input.disabled) {
    if (input.id === ctx.caller.userId) throw new AppError('FORBIDDEN', { procedure: 'users.setDisabled', permission: 'self' });
    if (isAdministrator(ctx.db, input.id)) keepAnAdministrator(ctx.db, input.id);
  }
  ctx.write((w) => w.update(users, input.id, { disabled: input.disabled }, { updatedAt: shanghaiTimestamp(ctx.now()) }));
  if (input.disabled) {
    saveSlots(ctx, (file) => withoutUserSlot(file, input.id));
    ctx.sessions.closeAllOf(input.id);
  }
  return getUserRow(ctx, input.id);
}

/** A new key slot under a new password: also lifts a lockout. */
export function resetPassword(ctx: Context, input: { id: string; password: string }): UserRow {
  const user = getUserRow(ctx, input.id);
  requireStrongPassword(input.password, user.username);
  saveSlots(ctx, (file) => withUserSlot(file, ctx.vault.key, { id: user.id, username: user.username }, input.password, ctx.security.kdf));
  ctx.sessions.closeAllOf(user.id);
  ctx.audit([{ table: 'users', id: user.id }], { outcome: 'passwordReset', username: user.username });
  return getUserRow(ctx, input.id);
}
