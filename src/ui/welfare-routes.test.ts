import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './routing';
import { DEFAULT_HIT_FILTERS, hitFilterOf } from './welfare-routes';

describe('welfare routes', () => {
  it.each<[string, Route]>([
    ['#/welfare-import', { name: 'welfareImport' }],
    ['#/welfare-settings', { name: 'welfareSettings' }],
    ['#/welfare-hits', { name: 'welfareHits', filters: DEFAULT_HIT_FILTERS }],
    ['#/welfare-hits/01HIT', { name: 'welfareHit', id: '01HIT' }],
    [
      '#/welfare-hits?rule=R12&county=C1&township=石沟镇&program=城乡低保&status=assigned&q=5307&stale=1&page=3&size=500',
      {
        name: 'welfareHits',
        filters: { rule: 'R12', countyUnitId: 'C1', township: '石沟镇', program: '城乡低保', status: 'assigned', query: '5307', includeStale: true, page: 3, pageSize: 500 },
      },
    ],
    // unknown codes and sizes fall back rather than reach the core
    ['#/welfare-hits?rule=R13&status=lost&page=0&size=7', { name: 'welfareHits', filters: DEFAULT_HIT_FILTERS }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips through the href', () => {
    const routes: Route[] = [
      { name: 'welfareHits', filters: { ...DEFAULT_HIT_FILTERS, query: '张 三&', program: '特困供养', page: 2, pageSize: 50 } },
      { name: 'welfareHits', filters: DEFAULT_HIT_FILTERS },
      { name: 'welfareHit', id: 'A/B' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('sends only the filters that are set', () => {
    expect(hitFilterOf(DEFAULT_HIT_FILTERS)).toEqual({});
    expect(hitFilterOf({ ...DEFAULT_HIT_FILTERS, rule: 'R1', query: '  530721 ', includeStale: true, page: 4 })).toEqual({ rule: 'R1', query: '530721', includeStale: true });
  });
});
