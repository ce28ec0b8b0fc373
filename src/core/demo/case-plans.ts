// The demo's clues as plans: for each, who it is about, where it came from, and the steps it
// has gone through, dated back from today. Pure: the same pool, seed and today give the same
// plans; cases.ts carries them out through the real commands.
import type { Action, ActionFields, AppealKind, ClueSource, FirstFormMeasure, SanctionKind } from '../../shared/api/cases';
import { Rng } from '../../../scripts/demo/random';
import { plusDays, plusMonths } from '../cases/clocks';
import * as T from './case-texts';

export interface PoolPerson {
  personId: string | null;
  name: string;
  unitId: string;
  /** the owning office: the city commission (530700) or a county's */
  countyCode: string;
  kind: T.SubjectKind;
  who: T.Who;
  /** a post senior enough for the city commission to take the clue itself */
  senior: boolean;
  /** the township unit (for a village or township subject), to hand a clue down to */
  townshipId: string | null;
}

export interface Pool {
  people: PoolPerson[];
  /** name-only subjects are drawn in these villages */
  villages: { unitId: string; countyCode: string; who: Omit<T.Who, 'name' | 'position'>; townshipId: string }[];
  complainants: { name: string; phone: string | null }[];
  countyShort: (code: string) => string;
  /** the handling departments of an owning office */
  departments: (countyCode: string) => string[];
  /** an owning office's unit id */
  unitOf: (countyCode: string) => string;
}

/** What a step needs from the case as it stands when the step is taken. */
export interface Live {
  date: string;
  subjectIds: string[];
}

export type Decision = 'approve' | 'reject' | 'pending';

export interface Step {
  kind: 'act' | 'ack' | 'undo';
  action?: Action;
  fields?: (live: Live) => ActionFields;
  /** days after the previous step (or the receipt) */
  gap: readonly [number, number];
  decision?: Decision;
}

export interface PlannedCase {
  key: number;
  ownerCode: string;
  source: ClueSource;
  title: string;
  summary: string;
  complainant: { named: boolean; name: string | null; contact: string | null };
  subjects: PoolPerson[];
  receivedDate: string;
  steps: (Step & { date: string })[];
  /** merged into the plan with this key, on this date */
  mergeInto: { key: number; date: string } | null;
}

/** The last day a clue may have been received: the demo covers 14 months. */
const WINDOW_DAYS = 420;
const SOURCES: readonly (readonly [ClueSource, number])[] = [
  ['letters_visits', 38],
  ['inspection_handover', 16],
  ['audit', 10],
  ['other_agency', 8],
  ['big_data', 14],
  ['self_found', 14],
];
const MEASURES: readonly FirstFormMeasure[] = ['talk_reminder', 'criticism', 'ordered_review', 'admonishment'];

const act = (action: Action, gap: readonly [number, number], fields?: (live: Live) => ActionFields, decision?: Decision): Step => ({
  kind: 'act',
  action,
  gap,
  ...(fields ? { fields } : {}),
  ...(decision ? { decision } : {}),
});
const ack: Step = { kind: 'ack', gap: [2, 9] };

/** A kind of history a clue can have had, and how long ago its latest step was (null: any time). */
interface Template {
  name: string;
  count: number;
  age: readonly [number, number] | null;
  steps: (b: Builder) => Step[];
}

/** The steps shared by many histories, bound to one case's choices. */
class Builder {
  constructor(
    readonly rng: Rng,
    readonly department: string,
    readonly serious: boolean,
    readonly sanctions: SanctionKind[][],
    readonly owner: string,
    readonly pool: Pool,
    readonly subject: PoolPerson,
  ) {}

  dispatch(gap: readonly [number, number] = [1, 6]): Step {
    return act('dispatch', gap, () => ({ departmentId: this.department }));
  }
  inquire(decision?: Decision): Step[] {
    return [act('inquire', [4, 20], undefined, decision), ack];
  }
  reply(): Step {
    return act('record_reply', [8, 20]);
  }
  check(gap: readonly [number, number] = [5, 25], decision?: Decision): Step[] {
    return [act('check', gap, undefined, decision), ack];
  }
  investigate(gap: readonly [number, number] = [30, 58]): Step[] {
    return [act('investigate', gap), ack];
  }
  firstForm(gap: readonly [number, number]): Step {
    const measure = this.rng.pick(MEASURES);
    return act('first_form', gap, () => ({ measure }));
  }
  detention(release: boolean): Step[] {
    const steps = [act('detain', [3, 20]), act('notify_family', [0, 1])];
    return release ? [...steps, act('release', [25, 80])] : steps;
  }
  decide(): Step {
    const kinds = this.sanctions;
    return act('decide', [10, 28], (live) => ({
      sanctions: live.subjectIds.flatMap((subjectId, i) => (kinds[i] ?? ['party_warning']).map((kind) => ({ subjectId, kind }))),
    }));
  }
  /** from intake to a decision on the sanctions, with a detention for some */
  toDecision(detain: boolean): Step[] {
    return [
      this.dispatch(),
      ...this.check(),
      ...this.investigate(),
      ...(detain ? this.detention(true) : []),
      act('to_adjudication', [30, 70]),
      this.decide(),
    ];
  }
  shelve(): Step[] {
    const months = this.rng.int(2, 6);
    return [act('shelve', [5, 25], (live) => ({ reviewDate: plusMonths(live.date, months), reason: T.SHELVE_REASON })), ack];
  }
  transferDownTarget(): string {
    return this.owner === '530700' ? this.pool.unitOf(this.subject.countyCode) : (this.subject.townshipId ?? this.pool.unitOf(this.owner));
  }
}

const TEMPLATES: readonly Template[] = [
  // 受理: waiting to be dispatched, most just received (yellow), some left too long (red)
  { name: 'intake', count: 16, age: [0, 3], steps: () => [] },
  { name: 'intake_overdue', count: 6, age: [9, 40], steps: () => [] },
  // 分办
  { name: 'dispatched', count: 18, age: [1, 40], steps: (b) => [b.dispatch()] },
  { name: 'dispatched_proposed', count: 3, age: [0, 6], steps: (b) => [b.dispatch(), act('check', [5, 20], undefined, 'pending')] },
  {
    name: 'dispatched_rejected',
    count: 1,
    age: [0, 4],
    steps: (b) => [
      b.dispatch(),
      act('dismiss', [5, 15], () => ({ reason: T.DISMISS_REASONS[0]! }), 'reject'),
      act('check', [1, 5], undefined, 'pending'),
    ],
  },
  {
    name: 'dispatched_undone',
    count: 1,
    age: [1, 20],
    steps: (b) => [
      act('dispatch', [1, 3], () => ({ departmentId: b.pool.departments(b.owner).find((d) => d !== b.department) ?? b.department })),
      { kind: 'undo', gap: [0, 1] },
      b.dispatch([0, 2]),
    ],
  },
  // 谈话函询
  { name: 'inquiry', count: 12, age: [0, 30], steps: (b) => [b.dispatch(), ...b.inquire()] },
  { name: 'inquiry_replied', count: 8, age: [0, 40], steps: (b) => [b.dispatch(), ...b.inquire(), b.reply()] },
  {
    name: 'inquiry_proposed',
    count: 2,
    age: [0, 5],
    steps: (b) => [b.dispatch(), ...b.inquire(), b.reply(), act('clarify', [5, 20], undefined, 'pending')],
  },
  // 初步核实, one paused, one paused and resumed, one with an extension waiting for approval
  { name: 'check', count: 18, age: [0, 70], steps: (b) => [b.dispatch(), ...b.check()] },
  { name: 'check_after_inquiry', count: 3, age: [0, 50], steps: (b) => [b.dispatch(), ...b.inquire(), b.reply(), ...b.check([10, 25])] },
  {
    name: 'check_paused',
    count: 1,
    age: [8, 25],
    steps: (b) => [b.dispatch(), ...b.check(), act('pause', [15, 30], () => ({ clock: 'preliminary_check', reason: T.PAUSE_REASONS[0]! }))],
  },
  {
    name: 'check_resumed',
    count: 1,
    age: [3, 20],
    steps: (b) => [
      b.dispatch(),
      ...b.check(),
      act('pause', [10, 20], () => ({ clock: 'preliminary_check', reason: T.PAUSE_REASONS[1]! })),
      act('resume', [12, 25], () => ({ clock: 'preliminary_check' })),
    ],
  },
  { name: 'check_proposed', count: 2, age: [0, 5], steps: (b) => [b.dispatch(), ...b.check(), act('investigate', [30, 55], undefined, 'pending')] },
  {
    name: 'check_extension_proposed',
    count: 1,
    age: [0, 3],
    steps: (b) => [b.dispatch(), ...b.check(), act('extend', [50, 56], () => ({ clock: 'preliminary_check', reason: T.EXTEND_REASON }), 'pending')],
  },
  // 暂存待查: some review dates already passed
  { name: 'shelved', count: 12, age: [5, 170], steps: (b) => [b.dispatch(), ...b.shelve()] },
  // 立案审查调查, with detentions, an extension, returns from adjudication
  { name: 'investigation', count: 13, age: [0, 110], steps: (b) => [b.dispatch(), ...b.check(), ...b.investigate()] },
  {
    name: 'investigation_extended',
    count: 1,
    age: [5, 40],
    steps: (b) => [
      b.dispatch(),
      ...b.check(),
      ...b.investigate(),
      act('extend', [75, 86], () => ({ clock: 'investigation', reason: T.EXTEND_REASON })),
    ],
  },
  { name: 'detention', count: 3, age: [0, 80], steps: (b) => [b.dispatch(), ...b.check(), ...b.investigate(), ...b.detention(false)] },
  { name: 'detention_released', count: 2, age: [0, 40], steps: (b) => [b.dispatch(), ...b.check(), ...b.investigate(), ...b.detention(true)] },
  {
    // the family has not been told yet: the 24-hour notice is overdue
    name: 'detention_unnotified',
    count: 1,
    age: [2, 4],
    steps: (b) => [b.dispatch(), ...b.check(), ...b.investigate(), act('detain', [5, 15])],
  },
  { name: 'detention_proposed', count: 1, age: [0, 3], steps: (b) => [b.dispatch(), ...b.check(), ...b.investigate(), act('detain', [5, 20], undefined, 'pending')] },
  {
    name: 'investigation_returned',
    count: 2,
    age: [0, 40],
    steps: (b) => [
      b.dispatch(),
      ...b.check(),
      ...b.investigate(),
      act('to_adjudication', [40, 80]),
      act(b.rng.chance(0.5) ? 'supplement' : 'reinvestigate', [10, 25], () => ({ reason: T.RETURN_REASON })),
    ],
  },
  // 审理, 处分决定, 执行, 申诉
  {
    name: 'adjudication',
    count: 8,
    age: [0, 40],
    steps: (b) => [b.dispatch(), ...b.check(), ...b.investigate(), act('to_adjudication', [40, 85])],
  },
  {
    name: 'adjudication_proposed',
    count: 2,
    age: [0, 4],
    steps: (b) => [b.dispatch(), ...b.check(), ...b.investigate(), act('to_adjudication', [40, 85]), { ...b.decide(), decision: 'pending' }],
  },
  { name: 'decision', count: 6, age: [0, 35], steps: (b) => b.toDecision(false) },
  { name: 'executing', count: 12, age: [0, 170], steps: (b) => [...b.toDecision(b.rng.chance(0.3)), act('announce', [3, 20])] },
  {
    name: 'appeal',
    count: 4,
    age: [0, 45],
    steps: (b) => {
      const appealKind = b.rng.pick<AppealKind>(['review', 're_review', 'party_appeal']);
      return [...b.toDecision(false), act('announce', [3, 20]), act('appeal', [10, 40], () => ({ appealKind }))];
    },
  },

  // closed, with every outcome
  { name: 'not_accepted', count: 8, age: null, steps: (b) => [act('not_accept', [1, 5], () => ({ reason: b.rng.pick(T.NOT_ACCEPTED_REASONS) }))] },
  {
    name: 'reported_up',
    count: 4,
    age: null,
    steps: (b) => [act('report_up', [1, 4], () => ({ recipient: b.owner === '530700' ? '云南省纪委监委' : '丽江市纪委监委' }))],
  },
  { name: 'transferred_down', count: 8, age: null, steps: (b) => [act('transfer_down', [1, 5], () => ({ targetUnitId: b.transferDownTarget() }))] },
  {
    name: 'dismissed',
    count: 16,
    age: null,
    steps: (b) => {
      const reason = b.rng.pick(T.DISMISS_REASONS);
      return b.rng.chance(0.5)
        ? [b.dispatch(), act('dismiss', [5, 25], () => ({ reason })), ack]
        : [b.dispatch(), ...b.check(), act('dismiss', [30, 58], () => ({ reason }))];
    },
  },
  { name: 'clarified', count: 20, age: null, steps: (b) => [b.dispatch(), ...b.inquire(), b.reply(), act('clarify', [5, 25])] },
  { name: 'first_form_inquiry', count: 12, age: null, steps: (b) => [b.dispatch(), ...b.inquire(), b.reply(), b.firstForm([5, 25])] },
  { name: 'first_form_check', count: 10, age: null, steps: (b) => [b.dispatch(), ...b.check(), b.firstForm([30, 58])] },
  {
    name: 'transferred',
    count: 5,
    age: null,
    steps: (b) => {
      const short = b.pool.countyShort(b.owner);
      const recipient = b.rng.pick([`${short}公安局`, `${short}人民检察院`, `${short === '丽江市' ? '中共丽江市委' : `中共${short}委`}组织部`]);
      return [b.dispatch(), ...b.check(), act('transfer', [30, 58], () => ({ recipient }))];
    },
  },
  { name: 'withdrawn', count: 3, age: null, steps: (b) => [b.dispatch(), ...b.check(), ...b.investigate(), act('withdraw', [30, 80], () => ({ reason: T.WITHDRAW_REASON }))] },
  {
    name: 'sanction_executed',
    count: 22,
    age: null,
    steps: (b) => [...b.toDecision(b.rng.chance(0.3)), act('announce', [3, 20]), act('report_execution', [40, 170])],
  },
  {
    name: 'sanction_appealed',
    count: 3,
    age: null,
    steps: (b) => {
      const changed = b.rng.chance(0.5);
      const lighter = b.sanctions.map(() => 'party_warning' as const);
      const ruling = changed
        ? act('change', [15, 28], (live) => ({
            reason: T.CHANGE_REASON,
            sanctions: live.subjectIds.map((subjectId, i) => ({ subjectId, kind: lighter[i] ?? 'party_warning' })),
          }))
        : act('uphold', [15, 28]);
      return [...b.toDecision(false), act('announce', [3, 15]), act('appeal', [10, 30], () => ({ appealKind: 'review' })), ruling, act('report_execution', [30, 120])];
    },
  },
];

export interface PlanContext {
  today: string;
  /** whether officers work on a day (rest days are skipped where today allows) */
  isWorkingDay: (date: string) => boolean;
}

class Planner {
  private readonly used = new Set<string>();
  private key = 0;
  readonly plans: PlannedCase[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly pool: Pool,
    private readonly ctx: PlanContext,
  ) {}

  private pickSubject(kind: T.SubjectKind): PoolPerson {
    const candidates = this.pool.people.filter((p) => p.kind === kind && p.personId !== null && !this.used.has(p.personId));
    const person = this.rng.pick(candidates.length > 0 ? candidates : this.pool.people);
    this.used.add(person.personId ?? person.name);
    return person;
  }

  private nameOnly(): PoolPerson {
    const village = this.rng.pick(this.pool.villages);
    const name = this.rng.pick(this.pool.complainants).name;
    const position = this.rng.pick(['村民小组长', '护林员', '村务监督委员会委员', '驻村工作队员']);
    return {
      personId: null,
      name,
      unitId: village.unitId,
      countyCode: village.countyCode,
      kind: 'village',
      who: { ...village.who, name, position },
      senior: false,
      townshipId: village.townshipId,
    };
  }

  /** Working days for officers: a date moved forward off a rest day, never past today. */
  private workday(date: string): string {
    let day = date;
    for (let i = 0; i < 4 && !this.ctx.isWorkingDay(day); i++) {
      const next = plusDays(day, 1);
      if (next > this.ctx.today) break;
      day = next;
    }
    return day > this.ctx.today ? this.ctx.today : day;
  }

  private layout(steps: Step[], age: readonly [number, number] | null): { receivedDate: string; dates: string[] } {
    let gaps = steps.map((s) => this.rng.int(s.gap[0], s.gap[1]));
    const total = gaps.reduce((a, b) => a + b, 0);
    const ageDays = age ? this.rng.int(age[0], age[1]) : this.rng.int(0, Math.max(0, WINDOW_DAYS - total));
    if (total + ageDays > WINDOW_DAYS) gaps = gaps.map((g) => Math.floor((g * (WINDOW_DAYS - ageDays)) / total));
    const start = plusDays(this.ctx.today, -(ageDays + gaps.reduce((a, b) => a + b, 0)));
    const receivedDate = this.workday(start);
    const dates: string[] = [];
    let at = receivedDate;
    for (const gap of gaps) {
      at = this.workday(plusDays(at, gap));
      dates.push(at);
    }
    return { receivedDate, dates };
  }

  add(template: Template, fixed?: { subject?: PoolPerson; source?: ClueSource; ownerCode?: string }): PlannedCase {
    const rng = this.rng;
    const source = fixed?.source ?? rng.weighted(SOURCES);
    const kind: T.SubjectKind =
      source === 'big_data' ? 'village' : source === 'audit' ? rng.pick(['bureau', 'township']) : rng.weighted<T.SubjectKind>([['village', 4], ['township', 3], ['bureau', 3]]);
    const first = fixed?.subject ?? (rng.chance(0.1) ? this.nameOnly() : this.pickSubject(kind));
    const subjects = [first];
    if (rng.chance(0.15)) {
      const colleague = this.pool.people.find((p) => p.unitId === first.unitId && p.personId !== null && !this.used.has(p.personId));
      if (colleague) {
        this.used.add(colleague.personId!);
        subjects.push(colleague);
      }
    }
    const ownerCode = fixed?.ownerCode ?? (first.countyCode === '530700' || (first.senior && rng.chance(0.35)) ? '530700' : first.countyCode);
    const named = source === 'letters_visits' && rng.chance(0.45);
    const complainant = named ? rng.pick(this.pool.complainants) : null;
    const text = T.allegation(rng, source, subjects.map((s) => s.who), first.kind, this.pool.countyShort(ownerCode), named, Number(this.ctx.today.slice(0, 4)) - rng.int(0, 1));
    const departments = this.pool.departments(ownerCode);
    const builder = new Builder(rng, rng.pick(departments), text.serious, subjects.map(() => T.sanctionsFor(rng, text.serious)), ownerCode, this.pool, first);
    // the two reports of a disposal are acknowledged in most cases, some are still awaited
    const steps = template.steps(builder).filter((s) => s.kind !== 'ack' || rng.chance(0.6));
    // a named complainant is told within 15 working days, once the clue has been dealt with
    if (named && steps.length > 0 && rng.chance(0.85)) steps.splice(1, 0, act('notify_complainant', [1, 8]));
    const { receivedDate, dates } = this.layout(steps, template.age);
    const plan: PlannedCase = {
      key: this.key++,
      ownerCode,
      source,
      title: text.title,
      summary: text.summary,
      complainant: { named, name: complainant?.name ?? null, contact: complainant?.phone ?? null },
      subjects,
      receivedDate,
      steps: steps.map((s, i) => ({ ...s, date: dates[i]! })),
      mergeInto: null,
    };
    this.plans.push(plan);
    return plan;
  }

  template(name: string): Template {
    return TEMPLATES.find((t) => t.name === name)!;
  }

  /** Two clues about one person: an unmerged pair for the intake officer, and a merged one. */
  duplicates(): void {
    const pending = this.pickSubject('village');
    const earlier = this.add(this.template('dispatched'), { subject: pending, source: 'letters_visits' });
    this.add(this.template('intake'), { subject: pending, source: 'big_data', ownerCode: earlier.ownerCode });
    const merged = this.pickSubject('township');
    const into = this.add(this.template('check'), { subject: merged, source: 'inspection_handover' });
    const duplicate = this.add({ ...this.template('intake'), age: [1, 12] }, { subject: merged, source: 'letters_visits', ownerCode: into.ownerCode });
    const last = [into.steps.at(-1)?.date ?? into.receivedDate, duplicate.receivedDate].sort().at(-1)!;
    const date = plusDays(last, 1) > this.ctx.today ? this.ctx.today : plusDays(last, 1);
    duplicate.mergeInto = { key: into.key, date };
  }
}

export const DEMO_CASES_SEED = 5307_2026;

/** The demo's clues, planned against `today`. */
export function planDemoCases(pool: Pool, ctx: PlanContext, seed = DEMO_CASES_SEED): PlannedCase[] {
  const planner = new Planner(new Rng(seed), pool, ctx);
  for (const template of TEMPLATES) for (let i = 0; i < template.count; i++) planner.add(template);
  planner.duplicates();
  return planner.plans;
}
