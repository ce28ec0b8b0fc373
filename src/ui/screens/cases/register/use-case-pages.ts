import { useEffect, useMemo, useReducer } from 'react';
import { api } from '../../../../shared/api';
import type { CaseSummary } from '../../../../shared/api/cases';
import { call } from '../../../bridge/client';
import type { CaseListFilters } from '../../../case-routes';
import { useDataChanged } from '../../../data/use-data-changed';
import { PageCache } from './page-cache';

export const CASE_PAGE_SIZE = 100;

/**
 * The register for one set of filters, as a cache of `cases.list` pages: a new filter starts a
 * new cache; a change written anywhere marks the pages stale and `onStale` re-fetches the
 * visible ones.
 */
export function useCasePages(filters: CaseListFilters, onStale: (cache: PageCache<CaseSummary>) => void) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const key = JSON.stringify(filters);
  const cache = useMemo(
    () =>
      new PageCache<CaseSummary>(
        (offset, limit) =>
          call(api.cases.list, {
            query: filters.query,
            stage: filters.stage,
            source: filters.source,
            light: filters.light,
            unitId: filters.unitId,
            sort: filters.sort,
            descending: filters.descending,
            offset,
            limit,
          }),
        rerender,
        CASE_PAGE_SIZE,
      ),
    // the filters' contents decide, not the object's identity
    [key],
  );
  useEffect(() => () => cache.dispose(), [cache]);
  useDataChanged(() => {
    cache.invalidate();
    onStale(cache);
  });
  return cache;
}
