import { describe, expect, it } from 'vitest';
import { api, type OrgUnit, type Role } from '../../shared/api';
import type { EventMap } from '../../shared/api/events';
import { RULE_CODES, type RuleRun, type WelfareSettings } from '../../shared/api/welfare';
import type { Core } from '../api/core';
import { logIn, syntheticId, testCore } from '../testing/fixtures';
import { insertBatch } from './testing';

type Progress = EventMap['welfare.rulesProgressed'];

const DEAD = syntheticId('530721', '19400101', '011');
const TWICE = syntheticId('530721', '19521025', '033');

/** A month with a hit of R1 and one of R8. */
async function monthWithHits() {
  const { core } = await testCore();
  insertBatch(core.database, 'deaths', [{ idNumber: DEAD, diedOn: '2025-12-01' }]);
  insertBatch(core.database, 'disbursements', [{ idNumber: DEAD, amountFen: 60_000 }, { idNumber: TWICE }, { idNumber: TWICE }]);
  return core;
}

/** The events of `jobId` as they come, and a way to act on each. */
function progressOf(core: Core, jobId: string, onEvent: (event: Progress) => void = () => {}) {
  const seen: Progress[] = [];
  const stop = core.on('welfare.rulesProgressed', (event) => {
    if (event.jobId !== jobId) return;
    seen.push(event);
    onEvent(event);
  });
  return { seen, stop };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string };
  }
  throw new Error('expected a failure');
}

/** Everything a run writes, row by row. */
function written(core: Core) {
  const rows = (sql: string) => core.database.sqlite.prepare(sql).all();
  return {
    runs: rows('SELECT * FROM welfare_runs ORDER BY id'),
    hits: rows('SELECT * FROM welfare_hits ORDER BY id'),
    entries: rows('SELECT * FROM welfare_hit_entries ORDER BY id'),
    changes: rows("SELECT * FROM change_log WHERE table_name LIKE 'welfare_%' ORDER BY hlc"),
  };
}

async function analystOf(core: Core, username: string): Promise<string> {
  const [root] = (await core.call(api.units.list.name, {})) as OrgUnit[];
  const roleId = ((await core.call(api.roles.list.name, {})) as Role[]).find((r) => r.code === 'data_analyst')!.id;
  await core.call(api.users.create.name, { username, displayName: username, unitId: root!.id, roleId, password: 'welfare-pass-2026' });
  return logIn(core, username, 'welfare-pass-2026');
}

describe('the progress of a rule run', () => {
  it('reports the start and each rule in order, under the job id given, ending with every rule done', async () => {
    const core = await monthWithHits();
    const all = progressOf(core, 'all-rules');
    const run = (await core.call(api.welfare.runRules.name, { jobId: 'all-rules' })) as RuleRun;
    all.stop();
    expect(run.hits).toBe(2);
    expect(all.seen.map((e) => [e.done, e.total, e.rule])).toEqual([[0, 12, null], ...RULE_CODES.map((rule, i) => [i + 1, 12, rule])]);

    const two = progressOf(core, 'two-rules');
    await core.call(api.welfare.runRules.name, { rules: ['R8', 'R1'], jobId: 'two-rules' });
    two.stop();
    expect(two.seen.map((e) => [e.done, e.total, e.rule])).toEqual([
      [0, 2, null],
      [1, 2, 'R1'],
      [2, 2, 'R8'],
    ]);
  });

  it('lets the core answer other requests, reads and writes, between rules', async () => {
    const core = await monthWithHits();
    const settings = (await core.call(api.welfare.settings.name, {})) as WelfareSettings;
    let done = 0;
    let finished = false;
    const answered: { procedure: string; done: number; finished: boolean }[] = [];
    const answer = (procedure: string, input: unknown) =>
      core.call(procedure, input).then(() => answered.push({ procedure, done, finished }));
    const requests: Promise<unknown>[] = [];
    const progress = progressOf(core, 'busy', (event) => {
      done = event.done;
      // as a request from the window would come: on a later turn of the event loop
      if (event.done === 1) {
        setImmediate(() => {
          requests.push(answer(api.welfare.runs.name, {}), answer(api.welfare.updateSettings.name, { ...settings, minHomes: settings.minHomes + 1 }));
        });
      }
    });
    const run = (await core.call(api.welfare.runRules.name, { jobId: 'busy' })) as RuleRun;
    finished = true;
    progress.stop();
    await Promise.all(requests);
    expect(answered.map((a) => a.procedure)).toEqual([api.welfare.runs.name, api.welfare.updateSettings.name]);
    for (const a of answered) {
      expect(a.finished).toBe(false);
      expect(a.done).toBeLessThan(12);
    }
    expect(((await core.call(api.welfare.settings.name, {})) as WelfareSettings).minHomes).toBe(settings.minHomes + 1);
    expect(run.hits).toBe(2);
  });
});

describe('the run under way', () => {
  it('is told to whoever asks while it goes, with its progress, and whether it is theirs to cancel; none once it ends', async () => {
    const core = await monthWithHits();
    const analyst = await analystOf(core, 'analyst');
    expect(await core.call(api.welfare.runUnderWay.name, {})).toBeNull();
    const seen: Promise<[unknown, unknown]>[] = [];
    const progress = progressOf(core, 'shown', (event) => {
      // as the hits screen, opened again, would ask: on a later turn of the event loop
      if (event.done === 3) seen.push(new Promise((resolve) => setImmediate(() => resolve(Promise.all([core.call(api.welfare.runUnderWay.name, {}), core.call(api.welfare.runUnderWay.name, {}, analyst)])))));
    });
    await core.call(api.welfare.runRules.name, { jobId: 'shown' });
    progress.stop();
    const [mine, theirs] = await seen[0]!;
    const run = { jobId: 'shown', by: expect.any(String), byName: '管理员', startedAt: expect.any(String), total: 12 };
    expect(mine).toEqual({ ...run, done: 3, mine: true });
    expect(theirs).toEqual({ ...run, done: 3, mine: false });
    expect(await core.call(api.welfare.runUnderWay.name, {})).toBeNull();
  });
});

describe('cancelling a rule run', () => {
  it('stops it before it writes anything, closes its reading, and a run after it works', async () => {
    const core = await monthWithHits();
    const first = (await core.call(api.welfare.runRules.name, {})) as RuleRun;
    // a hit found since: the cancelled run would have stored it
    insertBatch(core.database, 'disbursements', [{ idNumber: DEAD, period: '2026-02' }]);
    const before = written(core);
    expect(before.runs).toHaveLength(1);
    expect(before.hits).toHaveLength(2);

    const answers: Promise<unknown>[] = [];
    const progress = progressOf(core, 'to-cancel', (event) => {
      if (event.done === 0) answers.push(core.call(api.welfare.cancelRun.name, { jobId: 'to-cancel' }));
    });
    const error = await failure(core.call(api.welfare.runRules.name, { jobId: 'to-cancel' }));
    progress.stop();
    expect(error.code).toBe('WELFARE_RUN_CANCELLED');
    expect(await Promise.all(answers)).toEqual([{ cancelled: true }]);
    expect(progress.seen.map((e) => e.done)).toEqual([0]);
    expect(written(core)).toEqual(before);
    // no reader is left holding the log: it can be emptied
    expect(core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    // over: nothing to cancel any more
    expect(await core.call(api.welfare.cancelRun.name, { jobId: 'to-cancel' })).toEqual({ cancelled: false });

    const after = (await core.call(api.welfare.runRules.name, { jobId: 'to-cancel' })) as RuleRun;
    expect(after).toMatchObject({ hits: 3, newHits: 1 });
    expect(((await core.call(api.welfare.runs.name, {})) as RuleRun[]).map((r) => r.id)).toEqual([after.id, first.id]);
  });

  it("is the caller's own: another user cannot cancel it; no second run starts while it goes", async () => {
    const core = await monthWithHits();
    const analyst = await analystOf(core, 'analyst');
    const answers: Promise<unknown>[] = [];
    const progress = progressOf(core, 'mine', (event) => {
      if (event.done !== 1) return;
      answers.push(
        core.call(api.welfare.cancelRun.name, { jobId: 'mine' }, analyst),
        core.call(api.welfare.cancelRun.name, { jobId: 'someone-elses' }),
        failure(core.call(api.welfare.runRules.name, { jobId: 'mine' }, analyst)),
        failure(core.call(api.welfare.runRules.name, { jobId: 'another' })),
      );
    });
    const run = (await core.call(api.welfare.runRules.name, { jobId: 'mine' })) as RuleRun;
    progress.stop();
    expect(await Promise.all(answers)).toEqual([
      { cancelled: false },
      { cancelled: false },
      expect.objectContaining({ code: 'WELFARE_RUN_RUNNING' }),
      expect.objectContaining({ code: 'WELFARE_RUN_RUNNING' }),
    ]);
    expect(progress.seen.at(-1)).toMatchObject({ done: 12, total: 12 });
    expect(run).toMatchObject({ hits: 2, byName: '管理员' });
    expect(await core.call(api.welfare.runUnderWay.name, {})).toBeNull();
    expect((await core.call(api.welfare.runs.name, {})) as RuleRun[]).toHaveLength(1);
  });
});
