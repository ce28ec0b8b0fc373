import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../../shared/api/auth';
import { AppError } from '../api/errors';
import type { Db } from '../db/open';
import { orgUnits, roles, users } from '../db/schema';
import { passwordProblems } from '../../shared/password-rules';
import { wrapKey, type KdfParams, type KeySlot, type KeySlotFile } from '../security/keyslots';
import { DEMO_PASSWORD } from '../demo/accounts';
import { parsePermissions } from './caller';

export function requireStrongPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) throw new AppError('PASSWORD_WEAK', { problems });
}

/** Accounts with their unit and role, as every account listing reads them. */
export function accountRows(db: Db) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      unitId: users.unitId,
      unitName: orgUnits.name,
      roleId: users.roleId,
      roleCode: roles.code,
      roleName: roles.name,
      permissions: roles.permissions,
      disabled: users.disabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId));
}

export function currentUser(db: Db, userId: string): CurrentUser {
  const row = accountRows(db).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('NOT_FOUND', { user: userId });
  const { id, username, displayName, unitId, unitName, roleCode, roleName } = row;
  return { id, username, displayName, unitId, unitName, roleCode, roleName, permissions: parsePermissions(row.permissions) };
}

export function findUserSlot(file: KeySlotFile, username: string): KeySlot | undefined {
  const wanted = username.toLowerCase();
  return file.slots.find((s) => s.kind === 'user' && s.username?.toLowerCase() === wanted);
}

/** The demo's password is published: a slow KDF would only make the demo slow to load. */
const DEMO_KDF: Partial<KdfParams> = { N: 2 ** 12 };

/** The slot file with the user's slot replaced by one wrapping the master key under `password`. */
export function withUserSlot(
  file: KeySlotFile,
  masterKey: Uint8Array,
  user: { id: string; username: string },
  password: string,
  kdf: Partial<KdfParams> | undefined,
): KeySlotFile {
  const cost = password === DEMO_PASSWORD ? DEMO_KDF : kdf;
  const slot = wrapKey(masterKey, password, { kind: 'user', userId: user.id, username: user.username, databaseId: file.databaseId }, cost);
  return { ...file, slots: [...file.slots.filter((s) => s.userId !== user.id || s.kind !== 'user'), slot] };
}

/** The slot file without the user's slot: their password no longer opens the database. */
export function withoutUserSlot(file: KeySlotFile, userId: string): KeySlotFile {
  return { ...file, slots: file.slots.filter((s) => s.kind !== 'user' || s.userId !== userId) };
}
