import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api } from '../../shared/api';
import type { WireError } from '../../shared/api/errors';
import { call } from '../bridge/client';
import { useDataChanged } from './use-data-changed';
import { useQuery } from './use-query';
import { indexUnits, type UnitIndex } from './unit-index';

interface UnitsState {
  index: UnitIndex;
  loading: boolean;
  error: WireError | null;
  reload: () => void;
}

const UnitsContext = createContext<UnitsState | null>(null);

/**
 * One copy of the unit list for every screen (tree, filters, person form): ~400 units are cheap
 * to load whole, and people counts change with every person written, so any change reloads it.
 */
export function UnitsProvider({ children }: { children: ReactNode }) {
  const query = useQuery(() => call(api.units.list, {}), []);
  useDataChanged(query.reload);
  const index = useMemo(() => indexUnits(query.data ?? []), [query.data]);
  const value = useMemo(
    () => ({ index, loading: query.loading && query.data === undefined, error: query.error, reload: query.reload }),
    [index, query.loading, query.data, query.error, query.reload],
  );
  return <UnitsContext.Provider value={value}>{children}</UnitsContext.Provider>;
}

export function useUnits(): UnitsState {
  const state = useContext(UnitsContext);
  if (!state) throw new Error('useUnits outside UnitsProvider');
  return state;
}
