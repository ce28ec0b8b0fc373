import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { RuleRun } from '../../shared/api/welfare';
import { changeLog, welfareBatches, welfareHitEntries, welfareHits, welfareRuns } from '../db/schema';
import { syntheticId, testCore } from '../testing/fixtures';
import { currentHits, insertBatch } from './testing';

const DEAD = syntheticId('530721', '19400101', '011');
const TWICE = syntheticId('530721', '19521025', '033');
const INVALID = '530723199502307893';

async function monthWithHits() {
  const { core } = await testCore();
  const deaths = insertBatch(core.database, 'deaths', [{ idNumber: DEAD, diedOn: '2025-12-01' }]);
  insertBatch(core.database, 'disbursements', [
    { idNumber: DEAD, amountFen: 60_000 },
    { idNumber: TWICE },
    { idNumber: TWICE },
    { idNumber: INVALID },
  ]);
  const run = (rules?: string[]) => core.call(api.welfare.runRules.name, rules ? { rules } : {}) as Promise<RuleRun>;
  return { core, deaths, run };
}

describe('a rule run', () => {
  it('stores each hit once with its found entry; the same data gives the same hits, keeping their verification', async () => {
    const { core, run } = await monthWithHits();
    const { db } = core.database;
    const first = await run();
    expect(first).toMatchObject({ hits: 3, newHits: 3, noLongerFound: 0, byRule: { R1: 1, R8: 1, R11: 1, R2: 0 }, byName: '管理员' });
    expect(first.rules).toHaveLength(12);
    const hits = currentHits(core.database);
    expect([...hits.keys()]).toEqual([`R1|${DEAD}|城乡低保|2026-01`, `R11|${INVALID}|城乡低保|2026-01`, `R8|${TWICE}|城乡低保|2026-01`].sort());
    expect(db.select().from(welfareHitEntries).all().map((e) => [e.hitId, e.kind]).sort()).toEqual(
      [...hits.values()].map((h) => [h.id, 'found']).sort(),
    );
    // hits are synchronised to the counties: they go through the change log
    expect(db.select().from(changeLog).where(eq(changeLog.tableName, 'welfare_hits')).all()).toHaveLength(3);

    // a county took one up meanwhile
    const taken = hits.get(`R8|${TWICE}|城乡低保|2026-01`)!;
    db.update(welfareHits).set({ status: 'assigned' }).where(eq(welfareHits.id, taken.id)).run();

    const second = await run();
    expect(second).toMatchObject({ hits: 3, newHits: 0, noLongerFound: 0 });
    const again = currentHits(core.database);
    expect([...again.values()].map((h) => [h.key, h.id, h.firstRunId, h.lastRunId])).toEqual(
      [...hits.values()].map((h) => [h.key, h.id, first.id, second.id]),
    );
    expect(again.get(taken.key)!.status).toBe('assigned');
    expect(db.select().from(welfareHitEntries).all()).toHaveLength(3);
    expect(((await core.call(api.welfare.runs.name, {})) as RuleRun[]).map((r) => r.id)).toEqual([second.id, first.id]);
  });

  it("marks the run's rules' hits no longer found, leaves other rules' alone, and brings a hit back refreshed", async () => {
    const { core, deaths, run } = await monthWithHits();
    const { db } = core.database;
    await run();
    const dead = currentHits(core.database).get(`R1|${DEAD}|城乡低保|2026-01`)!;

    db.update(welfareBatches).set({ status: 'withdrawn' }).where(eq(welfareBatches.id, deaths.id)).run();
    const withdrawn = await run(['R1', 'R8']);
    expect(withdrawn).toMatchObject({ rules: ['R1', 'R8'], hits: 1, newHits: 0, noLongerFound: 1, byRule: { R1: 0, R8: 1 } });
    expect([...currentHits(core.database).keys()]).toEqual([`R11|${INVALID}|城乡低保|2026-01`, `R8|${TWICE}|城乡低保|2026-01`]);
    expect(db.select().from(welfareHits).where(eq(welfareHits.id, dead.id)).get()).toMatchObject({ current: false });
    expect((await run(['R1'])).noLongerFound).toBe(0);

    // the corrected registry, imported again: the same hit, its evidence from the new batch
    const corrected = insertBatch(core.database, 'deaths', [{ name: '李志强', idNumber: DEAD, diedOn: '2025-12-01' }, { idNumber: DEAD, diedOn: '2025-11-30' }]);
    expect(await run(['R1'])).toMatchObject({ hits: 1, newHits: 0 });
    const back = currentHits(core.database).get(dead.key)!;
    expect(back.id).toBe(dead.id);
    expect(back.evidenceRefs.filter((e) => e.dataset === 'deaths')).toEqual([
      { dataset: 'deaths', batchId: corrected.id, row: 2 },
      { dataset: 'deaths', batchId: corrected.id, row: 3 },
    ]);
  });

  it('is refused while an import is under way, and writes nothing', async () => {
    const { core, run } = await monthWithHits();
    core.database.sqlite.prepare(`INSERT INTO welfare_staging (no, started_at) VALUES (7, '2026-03-01T09:00:00.000+08:00')`).run();
    await expect(run()).rejects.toMatchObject({ code: 'WELFARE_IMPORT_RUNNING' });
    expect(core.database.db.select().from(welfareRuns).all()).toEqual([]);
    expect(core.database.db.select().from(welfareHits).all()).toEqual([]);
  });
});
