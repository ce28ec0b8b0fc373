import { CLUE_SOURCES, STAGES, type CaseSort, type ClueSource, type Stage } from '../shared/api/cases';

/** The columns the register may be sorted by (the contract's `sort`). */
export const CASE_SORTS = ['receivedDate', 'number', 'nextDue', 'updatedAt', 'stage'] as const satisfies readonly CaseSort[];

/** The register's filters and order, kept in the hash so that back from a case returns to them. */
export interface CaseListFilters {
  query: string;
  stage: Stage | null;
  source: ClueSource | null;
  light: 'red' | 'yellow' | null;
  unitId: string | null;
  sort: CaseSort;
  descending: boolean;
}

export type CaseRoute =
  | { name: 'cases'; filters: CaseListFilters }
  | { name: 'caseNew' }
  | { name: 'case'; id: string }
  | { name: 'caseInbox' }
  | { name: 'caseBoard'; departmentId: string | null; countyId: string | null; stage: Stage | null }
  | { name: 'caseStats'; from: string | null; to: string | null }
  | { name: 'caseSettings' };

export const DEFAULT_CASE_FILTERS: CaseListFilters = {
  query: '',
  stage: null,
  source: null,
  light: null,
  unitId: null,
  sort: 'receivedDate',
  descending: true,
};

export const casesRoute = (over: Partial<CaseListFilters> = {}): CaseRoute => ({ name: 'cases', filters: { ...DEFAULT_CASE_FILTERS, ...over } });

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
const isoDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/** The case routes of a hash already split into path parts and search; null: not a case route. */
export function parseCaseRoute(parts: string[], params: URLSearchParams): CaseRoute | null {
  switch (parts[0]) {
    case 'cases':
      if (parts[1] === 'new') return { name: 'caseNew' };
      if (parts[1]) return { name: 'case', id: parts[1] };
      return {
        name: 'cases',
        filters: {
          query: params.get('q') ?? '',
          stage: oneOf(STAGES, params.get('stage')),
          source: oneOf(CLUE_SOURCES, params.get('source')),
          light: oneOf(['red', 'yellow'] as const, params.get('light')),
          unitId: params.get('unit') || null,
          sort: oneOf(CASE_SORTS, params.get('sort')) ?? DEFAULT_CASE_FILTERS.sort,
          descending: params.has('desc') ? params.get('desc') === '1' : DEFAULT_CASE_FILTERS.descending,
        },
      };
    case 'case-inbox':
      return { name: 'caseInbox' };
    case 'case-board':
      return {
        name: 'caseBoard',
        departmentId: params.get('department') || null,
        countyId: params.get('county') || null,
        stage: oneOf(STAGES, params.get('stage')),
      };
    case 'case-stats':
      return { name: 'caseStats', from: isoDate(params.get('from')), to: isoDate(params.get('to')) };
    case 'case-settings':
      return { name: 'caseSettings' };
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

export function caseRouteHref(route: CaseRoute): string {
  switch (route.name) {
    case 'cases': {
      const f = route.filters;
      const ordered = f.sort !== DEFAULT_CASE_FILTERS.sort || f.descending !== DEFAULT_CASE_FILTERS.descending;
      return withSearch('#/cases', [
        ['q', f.query],
        ['stage', f.stage],
        ['source', f.source],
        ['light', f.light],
        ['unit', f.unitId],
        ['sort', ordered ? f.sort : null],
        ['desc', ordered ? (f.descending ? '1' : '0') : null],
      ]);
    }
    case 'caseNew':
      return '#/cases/new';
    case 'case':
      return `#/cases/${encodeURIComponent(route.id)}`;
    case 'caseInbox':
      return '#/case-inbox';
    case 'caseBoard':
      return withSearch('#/case-board', [
        ['department', route.departmentId],
        ['county', route.countyId],
        ['stage', route.stage],
      ]);
    case 'caseStats':
      return withSearch('#/case-stats', [
        ['from', route.from],
        ['to', route.to],
      ]);
    case 'caseSettings':
      return '#/case-settings';
  }
}
