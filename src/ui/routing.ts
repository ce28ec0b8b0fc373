import { useMemo, useSyncExternalStore } from 'react';
import { caseRouteHref, parseCaseRoute, type CaseRoute } from './case-routes';
import { parseWelfareRoute, welfareRouteHref, type WelfareRoute } from './welfare-routes';

/**
 * Client-side routes in the URL hash: no router dependency, deep links work in both shells
 * (Electron loads a file:// URL where only the hash is ours), and tests can open any screen.
 */
export type Route =
  | { name: 'overview' }
  | { name: 'units'; unitId: string | null }
  | { name: 'people'; query: string; unitId: string | null; page: number }
  | { name: 'person'; id: string }
  | { name: 'peopleImport' }
  | { name: 'users' }
  | { name: 'roles' }
  | { name: 'audit' }
  | { name: 'backup' }
  | { name: 'sync' }
  | CaseRoute
  | WelfareRoute;

export type RouteName = Route['name'];

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(search);
  const caseRoute = parseCaseRoute(parts, params);
  if (caseRoute) return caseRoute;
  const welfareRoute = parseWelfareRoute(parts, params);
  if (welfareRoute) return welfareRoute;
  switch (parts[0]) {
    case 'units':
      return { name: 'units', unitId: parts[1] ?? null };
    case 'people-import':
      return { name: 'peopleImport' };
    case 'users':
    case 'roles':
    case 'audit':
    case 'backup':
    case 'sync':
      return { name: parts[0] };
    case 'people': {
      if (parts[1]) return { name: 'person', id: parts[1] };
      const page = Number(params.get('page') ?? '1');
      return {
        name: 'people',
        query: params.get('q') ?? '',
        unitId: params.get('unit') || null,
        page: Number.isInteger(page) && page > 0 ? page : 1,
      };
    }
    default:
      return { name: 'overview' };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'overview':
      return '#/';
    case 'units':
      return route.unitId ? `#/units/${encodeURIComponent(route.unitId)}` : '#/units';
    case 'person':
      return `#/people/${encodeURIComponent(route.id)}`;
    case 'peopleImport':
      return '#/people-import';
    case 'users':
    case 'roles':
    case 'audit':
    case 'backup':
    case 'sync':
      return `#/${route.name}`;
    case 'people': {
      const params = new URLSearchParams();
      if (route.query) params.set('q', route.query);
      if (route.unitId) params.set('unit', route.unitId);
      if (route.page > 1) params.set('page', String(route.page));
      const search = params.toString();
      return search ? `#/people?${search}` : '#/people';
    }
    case 'welfareImport':
    case 'welfareHits':
    case 'welfareHit':
    case 'welfareSettings':
      return welfareRouteHref(route);
    default:
      return caseRouteHref(route);
  }
}

export const peopleRoute = (over: Partial<Omit<Extract<Route, { name: 'people' }>, 'name'>> = {}): Route => ({
  name: 'people',
  query: '',
  unitId: null,
  page: 1,
  ...over,
});

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

/**
 * `replace` is for state that refines the current screen (search text, page): it keeps the
 * back button for real moves between screens. replaceState fires no hashchange, so we notify.
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (options.replace) {
    window.history.replaceState(null, '', href);
    listeners.forEach((l) => l());
  } else {
    window.location.hash = href;
  }
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
