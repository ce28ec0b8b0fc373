import { api } from '../../../shared/api';
import { call } from '../../bridge/client';
import { useDataChanged } from '../../data/use-data-changed';
import { useQuery } from '../../data/use-query';

export const PAGE_SIZE = 25;

export interface PeopleSearch {
  query: string;
  unitId: string | null;
  /** with unitId: include the units below it */
  descendants: boolean;
  /** 1-based */
  page: number;
}

/** One page of `people.search`, reloaded whenever the core reports a change. */
export function usePeopleSearch({ query, unitId, descendants, page }: PeopleSearch) {
  const result = useQuery(
    () => call(api.people.search, { query, unitId, descendants, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [query, unitId, descendants, page],
  );
  useDataChanged(result.reload);
  return result;
}
