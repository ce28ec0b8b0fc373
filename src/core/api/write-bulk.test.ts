// The write path's bulk methods (a rule run writes tens of thousands of hits): the same rows and
// the same change-log operations as the row-by-row methods, in one audited write.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changeLog, welfareRuns } from '../db/schema';
import { testCore } from '../testing/fixtures';
import { HybridLogicalClock } from './hlc';
import { runWrite } from './write';

const run = (id: string, by: string, hits: number) => ({
  id,
  startedAt: '2026-03-01T09:00:00.000+08:00',
  finishedAt: '2026-03-01T09:00:01.000+08:00',
  by,
  rules: '["R1"]',
  batchIds: '[]',
  hits,
  newHits: hits,
  noLongerFound: 0,
  byRule: '{}',
});

describe('bulk writes', () => {
  it('insertMany and updateMany store what insert and update would, and record only what changed', async () => {
    const { core } = await testCore();
    const { db, sqlite } = core.database;
    const admin = sqlite.prepare('SELECT id FROM users').pluck().get() as string;
    const clock = new HybridLogicalClock(core.nodeId, () => Date.now());
    const write = (fn: Parameters<typeof runWrite>[4]) =>
      runWrite(sqlite, db, clock, { caller: { actor: 'admin', userId: admin } as never, procedure: 'test.bulk', nodeId: core.nodeId, now: () => new Date() }, fn);

    write((w) => {
      w.insertMany(welfareRuns, [run('A', admin, 1), run('B', admin, 2)]);
      return { result: null };
    });
    expect(db.select().from(welfareRuns).all()).toEqual([run('A', admin, 1), run('B', admin, 2)]);

    write((w) => {
      const stored = db.select().from(welfareRuns).all();
      const changed = w.updateMany(
        welfareRuns,
        stored.map((current) => ({ id: current.id, current, patch: { hits: current.id === 'A' ? 5 : current.hits } })),
        { finishedAt: '2026-03-02T09:00:00.000+08:00' },
      );
      expect(changed).toBe(1);
      return { result: null };
    });
    expect(db.select().from(welfareRuns).where(eq(welfareRuns.id, 'A')).get()).toMatchObject({ hits: 5, finishedAt: '2026-03-02T09:00:00.000+08:00' });
    expect(db.select().from(welfareRuns).where(eq(welfareRuns.id, 'B')).get()).toEqual(run('B', admin, 2));

    const ops = db.select().from(changeLog).where(eq(changeLog.tableName, 'welfare_runs')).orderBy(changeLog.seq).all();
    expect(ops.map((o) => [o.rowId, o.op])).toEqual([['A', 'insert'], ['B', 'insert'], ['A', 'update']]);
    expect(JSON.parse(ops[0]!.columns)).toMatchObject({ id: 'A', started_at: '2026-03-01T09:00:00.000+08:00', new_hits: 1 });
    expect(JSON.parse(ops[2]!.columns)).toEqual({ hits: 5, finished_at: '2026-03-02T09:00:00.000+08:00' });
    expect(ops[0]!.hlc < ops[1]!.hlc && ops[1]!.hlc < ops[2]!.hlc).toBe(true);
  });
});
