import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE_FILTERS } from './case-routes';
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
    ['#/sync', { name: 'sync' }],
    ['#/cases', { name: 'cases', filters: DEFAULT_CASE_FILTERS }],
    [
      '#/cases?q=zs&stage=inquiry&source=audit&light=red&unit=U1&sort=nextDue&desc=0',
      { name: 'cases', filters: { query: 'zs', stage: 'inquiry', source: 'audit', light: 'red', unitId: 'U1', sort: 'nextDue', descending: false } },
    ],
    ['#/cases?stage=nowhere&light=green&sort=bogus', { name: 'cases', filters: DEFAULT_CASE_FILTERS }],
    ['#/cases/new', { name: 'caseNew' }],
    ['#/cases/01CASE', { name: 'case', id: '01CASE' }],
    ['#/case-inbox', { name: 'caseInbox' }],
    ['#/case-board?department=D1&stage=investigation', { name: 'caseBoard', departmentId: 'D1', countyId: null, stage: 'investigation' }],
    ['#/case-stats?from=2026-01-01&to=bad', { name: 'caseStats', from: '2026-01-01', to: null }],
    ['#/case-settings', { name: 'caseSettings' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips through the href', () => {
    const routes: Route[] = [
      { name: 'people', query: '张 三&', unitId: 'U1', page: 2 },
      { name: 'person', id: '01XYZ' },
      { name: 'units', unitId: 'A/B' },
      { name: 'audit' },
      { name: 'sync' },
      { name: 'cases', filters: { ...DEFAULT_CASE_FILTERS, query: '张 三', stage: 'closed', sort: 'number', descending: false } },
      { name: 'cases', filters: { ...DEFAULT_CASE_FILTERS, sort: 'receivedDate', descending: false } },
      { name: 'caseBoard', departmentId: null, countyId: 'C1', stage: null },
      { name: 'caseStats', from: null, to: '2026-12-31' },
      { name: 'case', id: '01CASE' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
