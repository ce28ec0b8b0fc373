import { HIT_STATUSES, RULE_CODES, type HitFilter, type HitStatus, type RuleCode } from '../shared/api/welfare';

/** The page sizes the hit board offers; `welfare.hits` takes at most 500 rows at a time. */
export const HIT_PAGE_SIZES = [50, 100, 200, 500] as const;
export type HitPageSize = (typeof HIT_PAGE_SIZES)[number];

/** The hit board's filters and page, kept in the hash so that back from a hit returns to them. */
export interface HitBoardFilters {
  rule: RuleCode | null;
  countyUnitId: string | null;
  township: string | null;
  program: string | null;
  status: HitStatus | null;
  query: string;
  /** also the hits the latest run no longer found */
  includeStale: boolean;
  page: number;
  pageSize: HitPageSize;
}

export type WelfareRoute =
  | { name: 'welfareImport' }
  | { name: 'welfareHits'; filters: HitBoardFilters }
  | { name: 'welfareHit'; id: string }
  | { name: 'welfareSettings' };

export const DEFAULT_HIT_FILTERS: HitBoardFilters = {
  rule: null,
  countyUnitId: null,
  township: null,
  program: null,
  status: null,
  query: '',
  includeStale: false,
  page: 1,
  pageSize: 100,
};

export const hitsRoute = (over: Partial<HitBoardFilters> = {}): WelfareRoute => ({ name: 'welfareHits', filters: { ...DEFAULT_HIT_FILTERS, ...over } });

/** The board's filters as `welfare.hits` and `welfare.exportBoard` take them. */
export function hitFilterOf(filters: HitBoardFilters): HitFilter {
  const filter: HitFilter = {};
  if (filters.rule) filter.rule = filters.rule;
  if (filters.countyUnitId) filter.countyUnitId = filters.countyUnitId;
  if (filters.township) filter.township = filters.township;
  if (filters.program) filter.program = filters.program;
  if (filters.status) filter.status = filters.status;
  if (filters.query.trim()) filter.query = filters.query.trim();
  if (filters.includeStale) filter.includeStale = true;
  return filter;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

function positive(value: string | null, fallback: number): number {
  const n = Number(value ?? fallback);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The welfare routes of a hash already split into path parts and search; null: not one of them. */
export function parseWelfareRoute(parts: string[], params: URLSearchParams): WelfareRoute | null {
  switch (parts[0]) {
    case 'welfare-import':
      return { name: 'welfareImport' };
    case 'welfare-settings':
      return { name: 'welfareSettings' };
    case 'welfare-hits': {
      if (parts[1]) return { name: 'welfareHit', id: parts[1] };
      const size = Number(params.get('size'));
      return {
        name: 'welfareHits',
        filters: {
          rule: oneOf(RULE_CODES, params.get('rule')),
          countyUnitId: params.get('county') || null,
          township: params.get('township') || null,
          program: params.get('program') || null,
          status: oneOf(HIT_STATUSES, params.get('status')),
          query: params.get('q') ?? '',
          includeStale: params.get('stale') === '1',
          page: positive(params.get('page'), 1),
          pageSize: (HIT_PAGE_SIZES as readonly number[]).includes(size) ? (size as HitPageSize) : DEFAULT_HIT_FILTERS.pageSize,
        },
      };
    }
    default:
      return null;
  }
}

function withSearch(path: string, entries: [string, string | null | undefined][]): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function welfareRouteHref(route: WelfareRoute): string {
  switch (route.name) {
    case 'welfareImport':
      return '#/welfare-import';
    case 'welfareSettings':
      return '#/welfare-settings';
    case 'welfareHit':
      return `#/welfare-hits/${encodeURIComponent(route.id)}`;
    case 'welfareHits': {
      const f = route.filters;
      return withSearch('#/welfare-hits', [
        ['rule', f.rule],
        ['county', f.countyUnitId],
        ['township', f.township],
        ['program', f.program],
        ['status', f.status],
        ['q', f.query],
        ['stale', f.includeStale ? '1' : null],
        ['page', f.page > 1 ? String(f.page) : null],
        ['size', f.pageSize !== DEFAULT_HIT_FILTERS.pageSize ? String(f.pageSize) : null],
      ]);
    }
  }
}
