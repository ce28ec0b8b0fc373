// The demo's clue register: about 300 clues across the city commission and the county offices,
// registered and taken through the workflow by the demo accounts with the real commands (the
// county officers and case management propose, the leader approves), each step dated back so
// that the register, the board and the inbox look like a year of work. Synthetic people only.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { cases as casesApi } from '../../shared/api/cases';
import type { RoleCode } from '../../shared/api/permissions';
import { COUNTIES } from '../../../scripts/demo/places';
import type { Caller } from '../api/caller';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { callerFor } from '../auth/caller';
import { isWorkingDay } from '../calendar/deadline';
import { effectiveCalendar } from '../calendar/effective';
import { caseReports, caseState, caseSubjects, orgUnits, people, roles, users } from '../db/schema';
import { shanghaiDate } from '../api/time';
import { acknowledgeReport, actOnCase, decideProposal, intakeClue, mergeCases, undoLatest } from '../cases/commands';
import { planDemoCases, type PlannedCase, type Pool, type PoolPerson } from './case-plans';
import { REJECT_COMMENT, UNDO_REASON } from './case-texts';

const CITY_CODE = '530700';
/** 第一 to 第六纪检监察室 of the city commission; 第一、第二 of a county's */
const CITY_DEPARTMENTS = ['D08', 'D09', 'D10', 'D11', 'D12', 'D13'];
const COUNTY_DEPARTMENTS = ['D05', 'D06'];
const SENIOR = /^(局长|党委书记|党工委书记|乡长|镇长|办事处主任)$/;

interface Actor {
  caller: Caller;
  displayName: string;
}

/** A demo account as the commands see it, when it exists with its demo role. */
function actor(w: Writer, username: string, role: RoleCode): Actor | null {
  const row = w.db
    .select({ id: users.id, displayName: users.displayName, role: roles.code })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(eq(users.username, username))
    .get();
  if (!row || row.role !== role) return null;
  return { caller: callerFor(w.db, { token: '', userId: row.id, createdAt: 0, lastActivity: 0, locked: false }), displayName: row.displayName };
}

/** The people clues may be about, the villages for name-only subjects, the complainants. */
export function loadPool(db: Db): Pool {
  const units = db.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits).all();
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const countyShort = (code: string) => COUNTIES.find((c) => c.code === code)?.short ?? '丽江市';
  const place = (unit: (typeof units)[number]): { who: string; townshipId: string | null } => {
    const county = countyShort(unit.code.slice(0, 6));
    if (unit.code.length === 12) {
      const township = byId.get(unit.parentId ?? '');
      return { who: `${county}${township?.name ?? ''}${unit.name}`, townshipId: township?.id ?? null };
    }
    if (unit.code.length === 9) return { who: `${county}${unit.name}`, townshipId: unit.id };
    return { who: unit.name, townshipId: null };
  };
  const staff = db
    .select({ id: people.id, name: people.name, position: people.position, unitId: people.unitId })
    .from(people)
    .where(and(isNotNull(people.position), isNotNull(people.unitId)))
    .orderBy(asc(people.idNumber))
    .all();
  const pool: PoolPerson[] = [];
  for (const person of staff) {
    const unit = byId.get(person.unitId!)!;
    const kind = unit.code.length === 12 ? 'village' : unit.code.length === 9 ? 'township' : unit.code.includes('-B') ? 'bureau' : null;
    if (!kind || !person.position) continue;
    const { who, townshipId } = place(unit);
    pool.push({
      personId: person.id,
      name: person.name,
      unitId: unit.id,
      countyCode: unit.code.slice(0, 6),
      kind,
      who: { name: person.name, unit: who, position: person.position },
      senior: SENIOR.test(person.position),
      townshipId,
    });
  }
  const villages = units
    .filter((u) => u.code.length === 12)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u) => ({ unitId: u.id, countyCode: u.code.slice(0, 6), who: { unit: place(u).who }, townshipId: place(u).townshipId ?? u.id }));
  const complainants = db
    .select({ name: people.name, phone: people.phone })
    .from(people)
    .where(isNull(people.position))
    .orderBy(asc(people.idNumber))
    .all();
  return {
    people: pool,
    villages,
    complainants,
    countyShort,
    departments: (code) => (code === CITY_CODE ? CITY_DEPARTMENTS : COUNTY_DEPARTMENTS).map((d) => byCode.get(`${code}-${d}`)?.id).filter((id): id is string => !!id),
    unitOf: (code) => byCode.get(code)!.id,
  };
}

/** A moment on a business date, in the morning in Shanghai, never after now. */
function stamp(date: string, minutes: number, now: Date): Date {
  const at = Date.parse(`${date}T09:00:00+08:00`) + minutes * 60_000;
  return new Date(Math.min(at, now.getTime()));
}

class Runner {
  constructor(
    private readonly w: Writer,
    private readonly now: Date,
    private readonly leader: Actor,
  ) {}

  private version(caseId: string): { version: number; awaiting: boolean } {
    const row = this.w.db.select({ version: caseState.version, awaiting: caseState.awaitingApproval }).from(caseState).where(eq(caseState.caseId, caseId)).get()!;
    return { version: row.version, awaiting: row.awaiting };
  }

  intake(plan: PlannedCase, unitId: string, officer: Actor): string {
    const input = casesApi.intake.input.parse({
      title: plan.title,
      source: plan.source,
      receivedDate: plan.receivedDate,
      unitId,
      summary: plan.summary,
      complainant: plan.complainant,
      subjects: plan.subjects.map((s) => ({ personId: s.personId, name: s.name, unitId: s.unitId, position: s.personId ? null : s.who.position })),
    });
    return intakeClue(this.w, officer.caller, input, stamp(plan.receivedDate, 30 + (plan.key % 300), this.now));
  }

  steps(plan: PlannedCase, caseId: string, officer: Actor): void {
    const w = this.w;
    const subjectIds = w.db.select({ id: caseSubjects.id }).from(caseSubjects).where(eq(caseSubjects.caseId, caseId)).orderBy(asc(caseSubjects.createdAt), asc(caseSubjects.id)).all().map((s) => s.id);
    plan.steps.forEach((step, i) => {
      const at = stamp(step.date, 60 + i * 23, this.now);
      if (step.kind === 'ack') {
        const open = w.db.select({ id: caseReports.id }).from(caseReports).where(and(eq(caseReports.caseId, caseId), isNull(caseReports.acknowledgedDate))).all();
        for (const report of open) acknowledgeReport(w, officer.caller, { caseId, reportId: report.id, date: step.date }, at);
        return;
      }
      if (step.kind === 'undo') {
        undoLatest(w, officer.caller, { caseId, version: this.version(caseId).version, reason: UNDO_REASON }, at);
        return;
      }
      const fields = step.fields?.({ date: step.date, subjectIds }) ?? {};
      const input = casesApi.act.input.parse({ caseId, version: this.version(caseId).version, action: step.action, date: step.date, fields });
      actOnCase(w, officer.caller, input, at);
      const after = this.version(caseId);
      if (!after.awaiting || step.decision === 'pending') return;
      const approve = step.decision !== 'reject';
      const decision = casesApi.decide.input.parse({ caseId, version: after.version, approve, comment: approve ? null : REJECT_COMMENT });
      decideProposal(w, this.leader.caller, decision, stamp(step.date, 180 + i * 23, this.now), this.leader.displayName);
    });
  }
}

/**
 * Registers the demo clues once the demo units, people and accounts exist; does nothing when
 * the accounts that act on them (leader, casemgmt) are missing or hold other roles.
 */
export function seedDemoCases(w: Writer, now: Date): { cases: number } {
  const leader = actor(w, 'leader', 'commission_leader');
  const casemgmt = actor(w, 'casemgmt', 'case_management');
  if (!leader || !casemgmt) return { cases: 0 };
  const county: Record<string, Actor | null> = { '530721': actor(w, 'yulong', 'county_officer'), '530724': actor(w, 'ninglang', 'county_officer') };
  const officerOf = (ownerCode: string) => county[ownerCode] ?? casemgmt;

  const pool = loadPool(w.db);
  if (pool.people.length === 0) return { cases: 0 };
  const cal = effectiveCalendar(w.db);
  const plans = planDemoCases(pool, {
    today: shanghaiDate(now),
    isWorkingDay: (date) => {
      try {
        return isWorkingDay(cal, date);
      } catch {
        return true;
      }
    },
  });
  // owning offices are named by code in the plans
  const unitIds = new Map(w.db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits).all().map((u) => [u.code, u.id]));
  const runner = new Runner(w, now, leader);
  // registered in the order received, so register numbers follow the dates
  const ordered = [...plans].sort((a, b) => a.receivedDate.localeCompare(b.receivedDate) || a.key - b.key);
  const ids = new Map<number, string>();
  for (const plan of ordered) ids.set(plan.key, runner.intake(plan, unitIds.get(plan.ownerCode)!, officerOf(plan.ownerCode)));
  for (const plan of plans) runner.steps(plan, ids.get(plan.key)!, officerOf(plan.ownerCode));
  for (const plan of plans) {
    if (!plan.mergeInto) continue;
    mergeCases(
      w,
      officerOf(plan.ownerCode).caller,
      { duplicateId: ids.get(plan.key)!, intoId: ids.get(plan.mergeInto.key)!, reason: '同一反映对象、同一问题，并入在办线索一并处理。' },
      stamp(plan.mergeInto.date, 400, now),
    );
  }
  return { cases: plans.length };
}
