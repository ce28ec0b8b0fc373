import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { CaseDetail } from '../../shared/api/cases';
import { DATASETS, RULE_CODES, type Batch, type HitDetail, type HitPage, type RuleRun } from '../../shared/api/welfare';
import type { Core } from '../api/core';
import { logIn, testCore } from '../testing/fixtures';
import { DEMO_PASSWORD } from './accounts';
import { demoPeriods } from './welfare';

// a fixed today: the demo's months are the three before it
const NOW = new Date('2026-11-27T06:00:00Z');
let core: Core;
let analyst: string;

const board = async (filter: Record<string, unknown> = {}, session = analyst) =>
  (await core.call(api.welfare.hits.name, { limit: 500, ...filter }, session)) as HitPage;

beforeAll(async () => {
  ({ core } = await testCore({ demo: true, lifetime: 'file', now: () => NOW }));
  analyst = await logIn(core, 'analyst', DEMO_PASSWORD);
}, 120_000);

describe('the demo welfare supervision', () => {
  it('covers the three months before today', () => {
    expect(demoPeriods('2026-11-27')).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(demoPeriods('2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('has a complete batch of every dataset, imported by the analyst with its provenance', async () => {
    const batches = (await core.call(api.welfare.batches.name, {}, analyst)) as Batch[];
    expect(new Set(batches.map((b) => b.dataset))).toEqual(new Set(DATASETS));
    for (const batch of batches) {
      expect(batch.status, batch.dataset).toBe('complete');
      expect(batch.importedByName).toBe('杨晓东');
      expect(batch.rows, batch.dataset).toBeGreaterThan(0);
      expect(batch.accepted, batch.dataset).toBe(batch.rows);
      expect(batch.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(batch.fileName).toMatch(/\.csv$/);
    }
    const payments = batches.find((b) => b.dataset === 'disbursements')!;
    expect(payments.fileName).toBe('丽江市2026年8-10月民生资金发放明细.csv');
    expect(payments.rows).toBeGreaterThanOrEqual(2_000);
  });

  it('has one rule run with hits of every rule, over the three months', async () => {
    const runs = (await core.call(api.welfare.runs.name, {}, analyst)) as RuleRun[];
    expect(runs).toHaveLength(1);
    expect(runs[0]!.byName).toBe('杨晓东');
    const page = await board();
    expect(page.total).toBe(runs[0]!.hits);
    expect(page.facets.rules.map((r) => r.value).sort()).toEqual([...RULE_CODES].sort());
    expect(new Set(page.rows.map((h) => h.period))).toEqual(new Set(['2026-08', '2026-09', '2026-10']));
  });

  it('has hits assigned to the counties, found on by the county officers, one handed over as a clue', async () => {
    const statuses = Object.fromEntries((await board()).facets.statuses.map((s) => [s.value, s.count]));
    expect(statuses.new).toBeGreaterThan(0);
    expect(statuses.assigned).toBeGreaterThan(0);
    expect(statuses.confirmed).toBeGreaterThan(0);
    expect(statuses.explained).toBeGreaterThan(0);
    expect(statuses.data_error).toBeGreaterThan(0);
    expect(statuses.handed_over).toBeGreaterThan(0);

    const handed = (await board({ status: 'handed_over' })).rows[0]!;
    const detail = (await core.call(api.welfare.getHit.name, { id: handed.id }, analyst)) as HitDetail;
    expect(detail.history.map((e) => e.kind)).toEqual(['found', 'assigned', 'finding', 'handed_over']);
    const clue = (await core.call(api.cases.get.name, { id: detail.caseId })) as CaseDetail;
    expect(clue.source).toBe('big_data');
    expect(clue.unitName).toBe('玉龙纳西族自治县');
    expect(clue.documents.length).toBeGreaterThan(0);

    const confirmed = (await board({ status: 'confirmed' })).rows;
    expect(confirmed.every((h) => h.recoverableFen > 0)).toBe(true);
    expect((await board()).totals.confirmedRecoverableFen).toBeGreaterThan(0);
  });

  it('shows each county officer only the hits of their county', async () => {
    const yulong = await logIn(core, 'yulong', DEMO_PASSWORD);
    const own = await board({}, yulong);
    expect(own.total).toBeGreaterThan(0);
    expect(new Set(own.facets.counties.map((c) => c.name))).toEqual(new Set(['玉龙纳西族自治县']));
    expect(own.rows.every((h) => h.assignedUnitName === '玉龙纳西族自治县')).toBe(true);
  });
});
