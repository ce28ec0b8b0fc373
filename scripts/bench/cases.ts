/**
 * The clue register at scale: a database with the demo commission and 100,000 clues (BENCH_CASES),
 * then the time to open the register, to recompute every alert (the home screen's counts and the
 * deadline board over all open clocks), to open a case and to count the statistics.
 *
 * The clues are written in bulk with prepared statements in one transaction, but as the app
 * would write them: each step planned by the workflow engine (plan.ts) on the state the earlier
 * events replay to, approvals as a proposal and its approval, and the derived rows computed by
 * replay and clockView; a sample is re-projected with projectCase and compared.
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { api, type SessionOpened } from '../../src/shared/api';
import type { Action, ActionFields, AlertCounts, Board, CaseSummary, ClueSource } from '../../src/shared/api/cases';
import { CLUE_SOURCES } from '../../src/shared/api/cases';
import { openCore } from '../../src/core/api/core';
import { newId } from '../../src/core/api/ids';
import { shanghaiDate, shanghaiTimestamp } from '../../src/core/api/time';
import { effectiveCalendar } from '../../src/core/calendar/effective';
import type { HolidayCalendar } from '../../src/core/calendar/holidays';
import { clockView, plusDays } from '../../src/core/cases/clocks';
import type { NewEvent } from '../../src/core/cases/events';
import { plan } from '../../src/core/cases/plan';
import { projectCase } from '../../src/core/cases/project';
import { replay, type StoredEvent } from '../../src/core/cases/replay';
import { DEFAULT_SETTINGS } from '../../src/core/cases/workflow';
import { MIGRATIONS_DIR } from '../../src/core/paths';
import { Rng } from '../demo/random';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
export const PASSWORD = 'bench-pass-2026';

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** The median of `runs` timed calls, after one untimed warm-up; and the first (cold) call. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<{ cold: number; median: number }> {
  const [, cold] = await time(fn);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn))[1]);
  times.sort((a, b) => a - b);
  return { cold, median: times[Math.floor(times.length / 2)]! };
}

interface Refs {
  units: { id: string; code: string; departments: string[] }[];
  people: { id: string; name: string; initials: string; pinyin: string; idNumber: string; unitId: string | null; position: string | null }[];
  leader: { id: string; username: string; displayName: string };
  officer: { id: string; username: string };
}

function loadRefs(sqlite: Database.Database): Refs {
  const all = sqlite.prepare('SELECT id, code FROM org_units').all() as { id: string; code: string }[];
  const byCode = new Map(all.map((u) => [u.code, u.id]));
  const owners = ['530700', '530702', '530721', '530722', '530723', '530724'];
  const units = owners.map((code) => ({
    id: byCode.get(code)!,
    code,
    departments: (code === '530700' ? ['D08', 'D09', 'D10', 'D11', 'D12', 'D13'] : ['D05', 'D06']).map((d) => byCode.get(`${code}-${d}`)!),
  }));
  const people = sqlite
    .prepare('SELECT id, name, name_initials AS initials, name_pinyin AS pinyin, id_number AS idNumber, unit_id AS unitId, position FROM people ORDER BY id_number')
    .all() as Refs['people'];
  const user = (username: string) =>
    sqlite.prepare('SELECT id, username, display_name AS displayName FROM users WHERE username = ?').get(username) as Refs['leader'];
  return { units, people, leader: user('leader'), officer: user('casemgmt') };
}

/** What one clue went through: its actions in order, each with the fields it needs. */
type Path = { action: Action; gap: [number, number]; fields?: (deptId: string) => ActionFields; pending?: boolean }[];

const PATHS: [Path, number, number][] = [
  // path, weight, how many days back the clue may have been received
  [[], 8, 25],
  [[{ action: 'dispatch', gap: [1, 6], fields: (d) => ({ departmentId: d }) }], 12, 60],
  [[{ action: 'dispatch', gap: [1, 6], fields: (d) => ({ departmentId: d }) }, { action: 'check', gap: [5, 20], pending: true }], 2, 60],
  [[{ action: 'dispatch', gap: [1, 6], fields: (d) => ({ departmentId: d }) }, { action: 'inquire', gap: [5, 20] }], 8, 80],
  [[{ action: 'dispatch', gap: [1, 6], fields: (d) => ({ departmentId: d }) }, { action: 'check', gap: [5, 20] }], 12, 120],
  [
    [
      { action: 'dispatch', gap: [1, 6], fields: (d) => ({ departmentId: d }) },
      { action: 'check', gap: [5, 20] },
      { action: 'investigate', gap: [30, 60] },
    ],
    8,
    250,
  ],
  [[{ action: 'not_accept', gap: [1, 5], fields: () => ({ reason: '不属于受理范围' }) }], 10, 1000],
  [[{ action: 'dispatch', gap: [1, 6], fields: (d) => ({ departmentId: d }) }, { action: 'dismiss', gap: [5, 40], fields: () => ({ reason: '查无实据' }) }], 25, 1000],
  [
    [
      { action: 'dispatch', gap: [1, 6], fields: (d) => ({ departmentId: d }) },
      { action: 'inquire', gap: [5, 20] },
      { action: 'record_reply', gap: [5, 20] },
      { action: 'clarify', gap: [5, 30] },
    ],
    15,
    1000,
  ],
];

const TITLES = ['违规收受礼品礼金', '违规发放津补贴', '在低保评定中优亲厚友', '套取衔接资金', '违规吃喝', '插手工程项目', '违规操办婚丧喜庆事宜', '截留挪用集体资金'];

/** Writes `count` clues as the app would, in one transaction; returns their ids. */
function bulkCases(sqlite: Database.Database, refs: Refs, count: number, today: string, cal: HolidayCalendar, now: Date): string[] {
  const rng = new Rng(100_000);
  const at = shanghaiTimestamp(now);
  const insertCase = sqlite.prepare(
    `INSERT INTO cases (id, number, title, source, received_date, unit_id, summary, complainant_named, complainant_name, complainant_contact, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
  );
  const insertSubject = sqlite.prepare(
    `INSERT INTO case_subjects (id, case_id, person_id, name, name_initials, name_pinyin, id_number, unit_id, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO case_events (id, case_id, seq, kind, action, from_stage, to_stage, date, at, user_id, actor, fields, approvals, effects, refers_to, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertClock = sqlite.prepare(
    `INSERT INTO case_clocks (id, case_id, kind, start_date, due, unknown_year, closed_date, paused_since, pause_reason, extensions, history) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReport = sqlite.prepare(
    `INSERT INTO case_reports (id, case_id, kind, recipient, created_date, acknowledged_date, acknowledged_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertState = sqlite.prepare(
    `INSERT INTO case_state (case_id, stage, outcome, department_id, next_due, awaiting_approval, approver_role, merged_into, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const maxNumber = sqlite.prepare('SELECT max(number) AS n FROM cases WHERE number LIKE ?');
  const sequences = new Map<string, number>();
  const nextNumber = (unitCode: string, date: string) => {
    const prefix = `${unitCode}-${date.slice(0, 4)}-`;
    if (!sequences.has(prefix)) {
      const last = (maxNumber.get(`${prefix}%`) as { n: string | null }).n;
      sequences.set(prefix, last ? Number(last.slice(prefix.length)) : 0);
    }
    const seq = sequences.get(prefix)! + 1;
    sequences.set(prefix, seq);
    return `${prefix}${String(seq).padStart(5, '0')}`;
  };
  const leaderStep = (date: string) => [{ by: refs.leader.username, byName: refs.leader.displayName, at: `${date}T10:00:00.000+08:00`, approved: true, comment: null }];

  // each clue: its received date, owner, subject and path, drawn first so numbers follow the dates
  const drafts = Array.from({ length: count }, () => {
    const [path, , back] = rng.weighted(PATHS.map((p) => [p, p[1]] as const));
    return {
      path,
      received: plusDays(today, -rng.int(path.reduce((s, p) => s + p.gap[1], 0), back + path.reduce((s, p) => s + p.gap[1], 0))),
      unit: rng.weighted(refs.units.map((u, i) => [u, i === 0 ? 3 : 2] as const)),
      person: rng.pick(refs.people),
      source: rng.pick(CLUE_SOURCES) as ClueSource,
      title: rng.pick(TITLES),
      gaps: path.map((p) => rng.int(p.gap[0], p.gap[1])),
      dept: rng.int(0, 5),
    };
  }).sort((a, b) => a.received.localeCompare(b.received));

  const ids: string[] = [];
  sqlite.transaction(() => {
    for (const draft of drafts) {
      const id = newId();
      ids.push(id);
      const { person, unit } = draft;
      insertCase.run(id, nextNumber(unit.code, draft.received), `反映${person.name}${draft.title}问题`, draft.source, draft.received, unit.id, `反映${person.name}${draft.title}。`, 0, at, at);
      insertSubject.run(newId(), id, person.id, person.name, person.initials, person.pinyin, person.idNumber, person.unitId, person.position, at);
      const events: StoredEvent[] = [];
      const append = (event: NewEvent) => {
        const stored: StoredEvent = { ...event, id: newId(), seq: events.length + 1, at, after: events.length > 0 ? [events.at(-1)!.id] : [] };
        events.push(stored);
        insertEvent.run(
          stored.id, id, stored.seq, stored.kind, stored.action, stored.fromStage, stored.toStage, stored.date, stored.at, stored.userId, stored.actor,
          JSON.stringify(stored.fields), JSON.stringify(stored.approvals), JSON.stringify(stored.effects), stored.refersTo, JSON.stringify(stored.after),
        );
        return stored;
      };
      const actor = { userId: refs.officer.id, actor: refs.officer.username };
      append({
        kind: 'opened', action: null, fromStage: null, toStage: 'intake', date: draft.received, ...actor, fields: {}, approvals: [],
        effects: { stage: 'intake', clocks: [{ op: 'start', kind: 'intake_dispatch', limit: DEFAULT_SETTINGS.limits.intake_dispatch }] },
        refersTo: null,
      });
      let date = draft.received;
      draft.path.forEach((step, i) => {
        date = plusDays(date, draft.gaps[i]!);
        if (date > today) date = today;
        const state = replay(events);
        const planned = plan(state, DEFAULT_SETTINGS, step.action, step.fields?.(unit.departments[draft.dept % unit.departments.length]!) ?? {}, date, () => true);
        const base = { action: step.action, fromStage: state.stage, toStage: planned.toStage, date, fields: planned.fields };
        if (!planned.approver) {
          append({ ...base, kind: 'acted', ...actor, approvals: [], effects: planned.effects, refersTo: null });
          return;
        }
        const proposal = append({
          ...base, kind: 'proposed', ...actor, approvals: [],
          effects: { proposal: { action: step.action, fields: planned.fields, date, approver: planned.approver } }, refersTo: null,
        });
        if (step.pending) return;
        append({ ...base, kind: 'acted', userId: refs.leader.id, actor: refs.leader.username, approvals: leaderStep(date), effects: planned.effects, refersTo: proposal.id });
      });
      // the derived rows, as writeDerived computes them
      const state = replay(events);
      let nextDue: string | null = null;
      for (const clock of state.clocks) {
        const view = clockView(cal, clock);
        if (clock.closedDate === null && view.pausedSince === null && view.due !== null && (nextDue === null || view.due < nextDue)) nextDue = view.due;
        insertClock.run(clock.id, id, clock.kind, clock.startDate, view.due, view.unknownYear, clock.closedDate, view.pausedSince, view.pauseReason, view.extensions, JSON.stringify(view.history));
      }
      for (const r of state.reports) insertReport.run(r.id, id, r.kind, r.recipient, r.createdDate, r.acknowledgedDate, r.acknowledgedBy);
      insertState.run(id, state.stage, state.outcome, state.departmentId, nextDue, state.pending ? 1 : 0, state.pending?.approver ?? null, null, state.version, at);
    }
  })();
  return ids;
}

/** Re-projects a sample with the app's projectCase and checks that nothing changes. */
function verifySample(core: ReturnType<typeof openCore>, ids: string[], now: Date): number {
  const { db, sqlite } = core.database;
  const snapshot = (id: string) =>
    JSON.stringify([
      sqlite.prepare('SELECT stage, outcome, department_id, next_due, awaiting_approval, approver_role, merged_into, version FROM case_state WHERE case_id = ?').get(id),
      sqlite.prepare('SELECT * FROM case_clocks WHERE case_id = ? ORDER BY id').all(id),
      sqlite.prepare('SELECT * FROM case_reports WHERE case_id = ? ORDER BY id').all(id),
      sqlite.prepare('SELECT * FROM case_sanctions WHERE case_id = ? ORDER BY id').all(id),
    ]);
  const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 500)) === 0);
  sqlite.transaction(() => {
    for (const id of sample) {
      const before = snapshot(id);
      projectCase(db, id, now);
      if (snapshot(id) !== before) throw new Error(`bench clue ${id}: its derived rows differ from projectCase's`);
    }
  })();
  return sample.length;
}

/** A database with the demo commission and `count` clues written in bulk, open, with the administrator's session. */
export async function buildCaseBench(dbFile: string, count = CASES): Promise<{ core: ReturnType<typeof openCore>; session: string }> {
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR });
  const setup = (await core.call(api.auth.setup.name, { username: 'admin', displayName: '管理员', password: PASSWORD })) as SessionOpened;
  const session = setup.sessionToken!;
  await core.call(api.system.loadDemo.name, {}, session);
  const now = new Date();
  const { sqlite, db } = core.database;
  const [ids, buildMs] = await time(async () => bulkCases(sqlite, loadRefs(sqlite), count, shanghaiDate(now), effectiveCalendar(db), now));
  const events = (sqlite.prepare('SELECT count(*) AS n FROM case_events').get() as { n: number }).n;
  const clocks = (sqlite.prepare('SELECT count(*) AS n FROM case_clocks WHERE closed_date IS NULL').get() as { n: number }).n;
  console.log(
    `cases: ${ids.length} clues written in bulk (${events} events, ${clocks} open clocks) in ${buildMs.toFixed(0)} ms; ${verifySample(core, ids, now)} re-projected by projectCase, identical`,
  );
  return { core, session };
}

/** The figures: the register, the alerts over every open clock, a case, the statistics. */
export async function measureCases(core: ReturnType<typeof openCore>, session: string): Promise<void> {
  const { sqlite } = core.database;
  const call = (name: string, input: unknown) => core.call(name, input, session);
  const list = await median(9, () => call(api.cases.list.name, {}));
  const total = ((await call(api.cases.list.name, {})) as { total: number }).total;
  console.log(`cases.list (register, first page of 100 of ${total}, received date desc): ${list.cold.toFixed(0)} ms cold, ${list.median.toFixed(1)} ms median`);
  const deep = await median(9, () => call(api.cases.list.name, { offset: total - 200 }));
  console.log(`cases.list (a page near the end, offset ${total - 200}, as scrolling there fetches it): ${deep.median.toFixed(1)} ms median`);
  const byDue = await median(9, () => call(api.cases.list.name, { sort: 'nextDue', descending: false }));
  console.log(`cases.list (sorted by next due date): ${byDue.median.toFixed(1)} ms median`);
  const byDueDeep = await median(5, () => call(api.cases.list.name, { sort: 'nextDue', descending: false, offset: total - 200 }));
  console.log(`cases.list (sorted by next due date, near the end): ${byDueDeep.median.toFixed(1)} ms median`);
  const someone = (sqlite.prepare('SELECT name FROM case_subjects WHERE person_id IS NOT NULL LIMIT 1 OFFSET 5000').get() as { name: string }).name;
  for (const query of [someone, someone.slice(0, 1), 'he', '5307211']) {
    const result = (await call(api.cases.list.name, { query })) as { total: number };
    const search = await median(5, () => call(api.cases.list.name, { query }));
    console.log(`cases.list query ${JSON.stringify(query)} (${result.total} matches): ${search.median.toFixed(1)} ms median`);
  }
  const counts = (await call(api.cases.alertCounts.name, {})) as AlertCounts;
  const alerts = await median(5, () => call(api.cases.alertCounts.name, {}));
  console.log(
    `cases.alertCounts (every open clock judged: ${counts.red} red, ${counts.yellow} yellow, ${counts.unknown} unknown): ${alerts.cold.toFixed(0)} ms cold, ${alerts.median.toFixed(0)} ms median`,
  );
  const board = (await call(api.cases.board.name, {})) as Board;
  const boardMs = await median(5, () => call(api.cases.board.name, {}));
  console.log(`cases.board (${board.rows.length} rows): ${boardMs.cold.toFixed(0)} ms cold, ${boardMs.median.toFixed(0)} ms median`);
  const first = ((await call(api.cases.list.name, { limit: 1 })) as { rows: CaseSummary[] }).rows[0]!;
  const get = await median(20, () => call(api.cases.get.name, { id: first.id }));
  console.log(`cases.get (audited read): ${get.median.toFixed(1)} ms median`);
  const stats = await median(3, () => call(api.cases.statistics.name, {}));
  console.log(`cases.statistics (all clues): ${stats.cold.toFixed(0)} ms cold, ${stats.median.toFixed(0)} ms median`);
}

export async function benchCases(dir: string): Promise<void> {
  const { core, session } = await buildCaseBench(path.join(dir, 'cases-bench.db'));
  try {
    await measureCases(core, session);
  } finally {
    core.close();
  }
}
