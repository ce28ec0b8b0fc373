import { eq } from 'drizzle-orm';
import type { SessionOpened } from '../../shared/api';
import { anonymous } from '../api/caller';
import type { Context } from '../api/context';
import { AppError } from '../api/errors';
import { shanghaiTimestamp } from '../api/time';
import { users } from '../db/schema';
import { afterFailure, afterSuccess, clearPendingFailures, lockedUntil } from '../security/lockout';
import { newMasterKey, parseRecoveryKey, unwrapKey, wrapKey, type KeySlot, type KeySlotFile } from '../security/keyslots';
import { currentUser, findUserSlot, requireStrongPassword, withUserSlot } from './accounts';

function replaceSlot(file: KeySlotFile, slot: KeySlot): KeySlotFile {
  return { ...file, slots: file.slots.map((s) => (s.id === slot.id ? slot : s)) };
}

let decoy: KeySlot | null = null;
/** An unknown username costs the same scrypt work as a wrong password: no user enumeration by timing. */
function spendDecoyWork(ctx: Context): void {
  decoy ??= wrapKey(newMasterKey(), 'decoy', { kind: 'user', userId: 'decoy', username: 'decoy', databaseId: 'decoy' }, ctx.security.kdf);
  unwrapKey(decoy, 'not-the-password', 'decoy');
}

/** Appends an audit entry now if the trail is readable, else keeps it in the slot for later. */
function auditAttempt(ctx: Context, username: string, outcome: string): void {
  if (ctx.vault.state() !== 'open') return;
  ctx.caller = { ...anonymous(username), session: ctx.caller.session };
  ctx.audit([], { username, outcome });
}

/**
 * Counts a failed password against the slot (lockout after too many), records it in the audit
 * trail, or in the slot while the trail is still locked, and throws the message to show.
 */
function fail(ctx: Context, file: KeySlotFile, slot: KeySlot | undefined, username: string): never {
  const now = ctx.now();
  let until: Date | null = null;
  if (slot) {
    let updated = afterFailure(slot, now, ctx.security.lockout, username);
    until = lockedUntil(updated, now);
    // with the trail readable the failure goes in now; otherwise it waits in the slot
    if (ctx.vault.state() === 'open') updated = clearPendingFailures(updated);
    ctx.vault.saveSlots(replaceSlot(file, updated));
  }
  auditAttempt(ctx, username, until ? 'lockedOut' : 'failed');
  if (until) throw new AppError('ACCOUNT_LOCKED', { until: shanghaiTimestamp(until) });
  throw new AppError('AUTH_FAILED');
}

/** Failures recorded while the database was locked go into the trail once it opens. */
function flushPendingFailures(ctx: Context, file: KeySlotFile): KeySlotFile {
  const pending = file.slots.flatMap((s) => s.pendingFailures);
  if (pending.length === 0) return file;
  const caller = ctx.caller;
  for (const failure of pending) {
    ctx.caller = anonymous(failure.username);
    ctx.audit([], { username: failure.username, outcome: 'failed', at: failure.at, recordedLater: true });
  }
  ctx.caller = caller;
  return { ...file, slots: file.slots.map(clearPendingFailures) };
}

function openSession(ctx: Context, userId: string): SessionOpened {
  const row = ctx.db.select({ disabled: users.disabled, username: users.username }).from(users).where(eq(users.id, userId)).get();
  if (!row || row.disabled) {
    auditAttempt(ctx, row?.username ?? userId, 'disabled');
    throw new AppError('ACCOUNT_DISABLED');
  }
  const session = ctx.sessions.open(userId, ctx.now().getTime());
  ctx.caller = { ...anonymous(row.username), userId, session };
  ctx.audit([{ table: 'users', id: userId }], { outcome: 'ok' });
  return { user: currentUser(ctx.db, userId), sessionToken: session.token };
}

export function login(ctx: Context, input: { username: string; password: string }): SessionOpened {
  const file = ctx.vault.slots();
  const slot = findUserSlot(file, input.username);
  ctx.caller = anonymous(input.username);
  const until = slot ? lockedUntil(slot, ctx.now()) : null;
  if (until) {
    auditAttempt(ctx, input.username, 'refusedLocked');
    throw new AppError('ACCOUNT_LOCKED', { until: shanghaiTimestamp(until) });
  }
  if (!slot) spendDecoyWork(ctx);
  const key = slot ? unwrapKey(slot, input.password, file.databaseId) : null;
  if (!slot || !key) fail(ctx, file, slot, input.username);
  ctx.vault.open(key);
  ctx.vault.saveSlots(flushPendingFailures(ctx, replaceSlot(file, afterSuccess(slot))));
  return openSession(ctx, slot.userId!);
}

/** Lifts an idle lock: the same password again, counted like a login. */
export function unlock(ctx: Context, password: string): { unlocked: true } {
  const session = ctx.caller.session!;
  const file = ctx.vault.slots();
  const slot = file.slots.find((s) => s.kind === 'user' && s.userId === session.userId);
  const key = slot ? unwrapKey(slot, password, file.databaseId) : null;
  if (!slot || !key) {
    try {
      fail(ctx, file, slot, ctx.caller.actor);
    } catch (error) {
      if (error instanceof AppError && error.code === 'ACCOUNT_LOCKED') ctx.sessions.close(session.token);
      throw error;
    }
  }
  ctx.vault.saveSlots(replaceSlot(file, afterSuccess(slot)));
  session.locked = false;
  session.lastActivity = ctx.now().getTime();
  ctx.audit([], { outcome: 'ok' });
  return { unlocked: true };
}

export function changePassword(ctx: Context, input: { currentPassword: string; newPassword: string }): { changed: true } {
  const session = ctx.caller.session!;
  const file = ctx.vault.slots();
  const slot = file.slots.find((s) => s.kind === 'user' && s.userId === session.userId);
  if (!slot || !unwrapKey(slot, input.currentPassword, file.databaseId)) fail(ctx, file, slot, ctx.caller.actor);
  requireStrongPassword(input.newPassword, ctx.caller.actor);
  ctx.vault.saveSlots(withUserSlot(file, ctx.vault.key, { id: session.userId, username: slot.username! }, input.newPassword, ctx.security.kdf));
  ctx.audit([{ table: 'users', id: session.userId }], { outcome: 'changed' });
  return { changed: true };
}

/** The recovery key opens the database and gives the administrator of the setup a new password. */
export function recover(ctx: Context, input: { recoveryKey: string; newPassword: string }): SessionOpened {
  const file = ctx.vault.slots();
  const slot = file.slots.find((s) => s.kind === 'recovery');
  const recoveryKey = parseRecoveryKey(input.recoveryKey);
  const key = slot && recoveryKey ? unwrapKey(slot, recoveryKey, file.databaseId) : null;
  ctx.caller = anonymous('recovery');
  if (!slot || !key) {
    auditAttempt(ctx, 'recovery', 'failed');
    throw new AppError('RECOVERY_KEY_INVALID');
  }
  ctx.vault.open(key);
  const adminId = slot.userId!;
  const admin = ctx.db.select({ username: users.username }).from(users).where(eq(users.id, adminId)).get();
  if (!admin) throw new AppError('NOT_FOUND', { user: adminId });
  requireStrongPassword(input.newPassword, admin.username);
  ctx.write(
    (w) => w.update(users, adminId, { disabled: false }, { updatedAt: shanghaiTimestamp(ctx.now()) }),
    () => ({ outcome: 'recovered', username: admin.username }),
  );
  ctx.vault.saveSlots(flushPendingFailures(ctx, withUserSlot(file, key, { id: adminId, username: admin.username }, input.newPassword, ctx.security.kdf)));
  return openSession(ctx, adminId);
}
