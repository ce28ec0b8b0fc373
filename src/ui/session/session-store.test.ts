import { describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '../../shared/api/auth';
import {
  endSession,
  lockSession,
  onSessionEnd,
  sessionSnapshot,
  setStatus,
  unlockSession,
  waitForUnlock,
} from './session-store';

const user = {
  id: 'u1',
  username: 'admin',
  displayName: '管理员',
  unitId: 'unit',
  unitName: '丽江市',
  roleCode: 'administrator',
  roleName: 'administrator',
  permissions: [],
};
const open = (locked = false): AuthStatus => ({ state: 'open', user, locked, idleLockSeconds: 600 });

describe('session store', () => {
  it('holds calls made while locked until the unlock', async () => {
    setStatus(open());
    lockSession();
    expect(sessionSnapshot().locked).toBe(true);
    let released = false;
    const waiting = waitForUnlock().then(() => (released = true));
    await Promise.resolve();
    expect(released).toBe(false);
    unlockSession();
    await waiting;
    expect(released).toBe(true);
    expect(sessionSnapshot().locked).toBe(false);
  });

  it('fails the waiting calls when the session ends instead, and tells who asked', async () => {
    setStatus(open());
    const forget = vi.fn();
    const off = onSessionEnd(forget);
    lockSession();
    const waiting = waitForUnlock();
    const expired = { code: 'SESSION_EXPIRED' as const, messageKey: 'errors.SESSION_EXPIRED' };
    endSession(expired);
    await expect(waiting).rejects.toMatchObject({ code: 'SESSION_REQUIRED' });
    expect(sessionSnapshot()).toEqual({ status: null, locked: false, ended: expired });
    expect(forget).toHaveBeenCalledTimes(1);
    off();
  });

  it('takes a lock reported by auth.status, and keeps the reason until the next login', () => {
    setStatus(open(true));
    expect(sessionSnapshot().locked).toBe(true);
    const required = { code: 'SESSION_REQUIRED' as const, messageKey: 'errors.SESSION_REQUIRED' };
    endSession(required);
    setStatus({ state: 'login', user: null, locked: false, idleLockSeconds: 600 });
    expect(sessionSnapshot().ended).toBe(required);
    setStatus(open());
    expect(sessionSnapshot().ended).toBeNull();
  });

  it('does not lock outside an open session', async () => {
    setStatus({ state: 'login', user: null, locked: false, idleLockSeconds: 600 });
    lockSession();
    expect(sessionSnapshot().locked).toBe(false);
    await expect(waitForUnlock()).rejects.toMatchObject({ code: 'SESSION_REQUIRED' });
  });
});
