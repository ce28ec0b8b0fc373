import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { OUTCOMES, STAGES, type AlertCounts, type Board, type CaseDetail, type CaseStatistics, type CaseSummary, type InboxItem } from '../../shared/api/cases';
import type { Core } from '../api/core';
import { shanghaiDate } from '../api/time';
import { effectiveCalendar } from '../calendar/effective';
import { isWorkingDay } from '../calendar/deadline';
import { plusDays } from '../cases/clocks';
import { logIn, testCore } from '../testing/fixtures';
import { DEMO_PASSWORD } from './accounts';
import { planDemoCases } from './case-plans';
import { loadPool } from './cases';

// the demo is dated back from today: a fixed today (late 2026, the calendar's last year) keeps
// its lights the same on every run
const NOW = new Date('2026-11-27T06:00:00Z');
const TODAY = shanghaiDate(NOW);
let core: Core;
let register: CaseSummary[];

async function allCases(session?: string): Promise<CaseSummary[]> {
  const rows: CaseSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await core.call(api.cases.list.name, { limit: 500, offset }, session)) as { rows: CaseSummary[]; total: number };
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

beforeAll(async () => {
  ({ core } = await testCore({ demo: true, lifetime: 'file', now: () => NOW }));
  register = await allCases();
}, 120_000);

describe('the demo clue register', () => {
  it('has about 300 clues across the city commission and every county, from every source, over 14 months', () => {
    expect(register.length).toBeGreaterThanOrEqual(270);
    expect(register.length).toBeLessThanOrEqual(330);
    expect(new Set(register.map((c) => c.unitName)).size).toBe(6);
    expect(new Set(register.map((c) => c.source)).size).toBe(6);
    const dates = register.map((c) => c.receivedDate).sort();
    expect(dates.at(-1)! <= TODAY).toBe(true);
    expect(dates[0]! >= plusDays(TODAY, -430)).toBe(true);
    expect(dates[0]! <= plusDays(TODAY, -330)).toBe(true);
    // register numbers follow the order clues were received in, office by office
    for (const unit of new Set(register.map((c) => c.unitId))) {
      const own = register.filter((c) => c.unitId === unit && c.receivedDate.startsWith('2026')).sort((a, b) => a.number.localeCompare(b.number));
      expect(own.map((c) => c.receivedDate)).toEqual(own.map((c) => c.receivedDate).sort());
    }
  });

  it('has clues in every stage, and closed ones with every outcome', () => {
    for (const stage of STAGES) expect(register.filter((c) => c.stage === stage).length, stage).toBeGreaterThan(0);
    for (const outcome of OUTCOMES) expect(register.filter((c) => c.outcome === outcome).length, outcome).toBeGreaterThan(0);
  });

  it('has overdue and soon-due clocks, and some the calendar cannot date yet (2027)', async () => {
    const counts = (await core.call(api.cases.alertCounts.name, {})) as AlertCounts;
    expect(counts.red).toBeGreaterThanOrEqual(10);
    expect(counts.yellow).toBeGreaterThanOrEqual(10);
    const board = (await core.call(api.cases.board.name, {})) as Board;
    expect(board.counts).toEqual({ red: counts.red, yellow: counts.yellow });
    expect(board.unknown.count).toBeGreaterThan(0);
    expect(board.unknown.years).toEqual([2027]);
    expect(new Set(board.rows.map((r) => r.clock)).size).toBeGreaterThanOrEqual(4);
    expect(register.some((c) => c.light === 'red') && register.some((c) => c.light === 'yellow')).toBe(true);
  });

  it('leaves proposals waiting for the leader, and shows none to the officers', async () => {
    const leader = await logIn(core, 'leader', DEMO_PASSWORD);
    const inbox = (await core.call(api.cases.inbox.name, {}, leader)) as InboxItem[];
    expect(inbox.length).toBeGreaterThanOrEqual(5);
    expect(new Set(inbox.map((i) => i.proposal.action))).toEqual(new Set(['check', 'clarify', 'investigate', 'extend', 'detain', 'decide']));
    expect(((await core.call(api.cases.alertCounts.name, {}, leader)) as AlertCounts).awaitingMyApproval).toBe(inbox.length);
    const detail = (await core.call(api.cases.get.name, { id: inbox[0]!.case.id }, leader)) as CaseDetail;
    expect(detail.canDecide).toBe(true);
  });

  it('has a pair of clues about one person (same ID number) not yet merged, and a merged one', async () => {
    const pairs = core.database.sqlite
      .prepare(
        `SELECT s.id_number AS idNumber, group_concat(s.case_id) AS ids FROM case_subjects s JOIN case_state st ON st.case_id = s.case_id
         WHERE s.id_number IS NOT NULL AND st.merged_into IS NULL AND (st.outcome IS NULL OR st.outcome <> 'merged')
         GROUP BY s.id_number HAVING count(DISTINCT s.case_id) > 1`,
      )
      .all() as { idNumber: string; ids: string }[];
    expect(pairs).toHaveLength(1);
    const [a, b] = pairs[0]!.ids.split(',');
    const detail = (await core.call(api.cases.get.name, { id: a })) as CaseDetail;
    expect(detail.duplicates.map((d) => [d.case.id, d.reason])).toEqual([[b, 'id_number']]);
    const merged = register.find((c) => c.outcome === 'merged')!;
    expect(((await core.call(api.cases.get.name, { id: merged.id })) as CaseDetail).mergedInto).not.toBeNull();
  });

  it('has a paused clock, an extension, detentions, sanctions, undone and rejected steps, acknowledged reports', async () => {
    const sqlite = core.database.sqlite;
    const one = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    expect(one('SELECT count(*) AS n FROM case_clocks WHERE paused_since IS NOT NULL AND closed_date IS NULL')).toBe(1);
    expect(one("SELECT count(*) AS n FROM case_clocks WHERE history LIKE '%\"resume\"%'")).toBe(1);
    expect(one('SELECT count(*) AS n FROM case_clocks WHERE extensions > 0')).toBe(1);
    expect(one("SELECT count(*) AS n FROM case_clocks WHERE kind = 'detention' AND closed_date IS NULL")).toBeGreaterThanOrEqual(3);
    expect(one("SELECT count(*) AS n FROM case_events WHERE kind = 'undone'")).toBe(1);
    expect(one("SELECT count(*) AS n FROM case_events WHERE kind = 'rejected'")).toBe(1);
    expect(one('SELECT count(*) AS n FROM case_reports WHERE acknowledged_date IS NOT NULL')).toBeGreaterThan(50);
    expect(one('SELECT count(*) AS n FROM case_reports WHERE acknowledged_date IS NULL')).toBeGreaterThan(10);
    const stats = (await core.call(api.cases.statistics.name, {})) as CaseStatistics;
    expect(stats.sanctionsByKind.length).toBeGreaterThanOrEqual(5);
    expect(stats.casesOpened).toBeGreaterThan(40);
  });

  it('dates every step on or after the one before, on or before today, mostly on working days', () => {
    const rows = core.database.sqlite.prepare('SELECT case_id AS caseId, date FROM case_events ORDER BY case_id, seq').all() as { caseId: string; date: string }[];
    const cal = effectiveCalendar(core.database.db);
    let worked = 0;
    rows.forEach((row, i) => {
      expect(row.date <= TODAY).toBe(true);
      const prev = rows[i - 1];
      if (prev?.caseId === row.caseId) expect(row.date >= prev.date).toBe(true);
      if (isWorkingDay(cal, row.date)) worked += 1;
    });
    expect(worked / rows.length).toBeGreaterThan(0.9);
  });

  it('is about people of the demo registry, some typed by name only; county officers see their own', async () => {
    const subjects = core.database.sqlite.prepare('SELECT person_id AS personId FROM case_subjects').all() as { personId: string | null }[];
    const linked = subjects.filter((s) => s.personId !== null).length;
    expect(linked / subjects.length).toBeGreaterThan(0.8);
    expect(linked).toBeLessThan(subjects.length);
    const yulong = await logIn(core, 'yulong', DEMO_PASSWORD);
    const own = await allCases(yulong);
    expect(own.length).toBeGreaterThan(20);
    expect(new Set(own.map((c) => c.unitName))).toEqual(new Set(['玉龙纳西族自治县']));
  });

  it('is planned deterministically from the registry and today', () => {
    const pool = loadPool(core.database.db);
    const context = { today: TODAY, isWorkingDay: (date: string) => isWorkingDay(effectiveCalendar(core.database.db), date) };
    const first = planDemoCases(pool, context);
    expect(JSON.stringify(planDemoCases(pool, context))).toEqual(JSON.stringify(first));
    // the clue the welfare demo hands over from a confirmed hit is not one of the plans
    const fromHits = new Set(core.database.sqlite.prepare('SELECT case_id FROM welfare_hits WHERE case_id IS NOT NULL').pluck().all());
    expect(first.map((p) => p.title).sort()).toEqual(register.filter((c) => !fromHits.has(c.id)).map((c) => c.title).sort());
  });
});
