import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { roleLabel } from '../../components/role-label';
import { useQuery } from '../../data/use-query';

/** The roles for a select: translated names, the administrator first as the core lists them. */
export function useRoleOptions() {
  const { t } = useTranslation();
  const roles = useQuery(() => call(api.roles.list, {}), []);
  const options = useMemo(
    () => (roles.data ?? []).map((role) => ({ value: role.id, label: roleLabel(t, role.code, role.name) })),
    [roles.data, t],
  );
  return { options, error: roles.error };
}
