import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/api/auth';
import { isFuture } from '../../format';

export type UserState = 'disabled' | 'locked' | 'active';

export function userState(user: Pick<UserRow, 'disabled' | 'lockedUntil'>, now = Date.now()): UserState {
  if (user.disabled) return 'disabled';
  if (isFuture(user.lockedUntil, now)) return 'locked';
  return 'active';
}

const COLOR: Record<UserState, string> = { disabled: 'gray', locked: 'red', active: 'green' };

/** Disabled, locked by failed logins, or in use: the administrator sees at a glance. */
export function UserStatusBadge({ user }: { user: Pick<UserRow, 'disabled' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  const state = userState(user);
  return (
    <Badge color={COLOR[state]} variant={state === 'active' ? 'light' : 'filled'} data-testid="user-status" data-state={state}>
      {t(`ui.users.state.${state}`)}
    </Badge>
  );
}
