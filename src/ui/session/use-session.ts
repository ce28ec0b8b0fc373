import { useCallback, useSyncExternalStore } from 'react';
import type { CurrentUser } from '../../shared/api/auth';
import type { Access } from '../../shared/api/permissions';
import { sessionSnapshot, subscribeSession, type SessionSnapshot } from './session-store';

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(subscribeSession, sessionSnapshot);
}

/** The logged-in user; only called under the gate, where there always is one. */
export function useCurrentUser(): CurrentUser {
  const user = useSession().status?.user;
  if (!user) throw new Error('useCurrentUser outside an open session');
  return user;
}

export function hasAccess(user: CurrentUser | null | undefined, access: Access): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  return access === 'session' || user.permissions.includes(access);
}

/**
 * Whether the user may do something: screens hide what the role does not allow, while the core
 * checks every call anyway (the UI only spares the user a button that would be refused).
 */
export function useCan(): (access: Access) => boolean {
  const user = useSession().status?.user ?? null;
  return useCallback((access: Access) => hasAccess(user, access), [user]);
}
