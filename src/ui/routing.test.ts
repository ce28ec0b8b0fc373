import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routing';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'overview' }],
    ['#/', { name: 'overview' }],
    ['#/nowhere', { name: 'overview' }],
    ['#/units', { name: 'units', unitId: null }],
    ['#/units/01ABC', { name: 'units', unitId: '01ABC' }],
    ['#/people', { name: 'people', query: '', unitId: null, page: 1 }],
    ['#/people?q=zs&unit=U1&page=3', { name: 'people', query: 'zs', unitId: 'U1', page: 3 }],
    ['#/people?page=-2', { name: 'people', query: '', unitId: null, page: 1 }],
    ['#/people/01XYZ', { name: 'person', id: '01XYZ' }],
    ['#/people-import', { name: 'peopleImport' }],
    ['#/users', { name: 'users' }],
    ['#/roles', { name: 'roles' }],
    ['#/audit', { name: 'audit' }],
    ['#/backup', { name: 'backup' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips through the href', () => {
    const routes: Route[] = [
      { name: 'people', query: '张 三&', unitId: 'U1', page: 2 },
      { name: 'person', id: '01XYZ' },
      { name: 'units', unitId: 'A/B' },
      { name: 'audit' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
