import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflict, heads, movesToTakeBack, undoneSet } from './conflicts';
import { replay, type Effects, type StoredEvent } from './replay';

/** Replay order, as loadEvents gives it. */
const ordered = (events: StoredEvent[]) => [...events].sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at) || a.id.localeCompare(b.id));

/** An office's copy of a case's events, writing as appendEvent does: next seq, after its heads. */
class Office {
  constructor(
    readonly name: string,
    public events: StoredEvent[] = [],
  ) {}

  private clock = 0;

  write(id: string, kind: StoredEvent['kind'], effects: Effects = {}, refersTo: string | null = null): StoredEvent {
    const events = ordered(this.events);
    const event: StoredEvent = {
      id,
      seq: Math.max(0, ...events.map((e) => e.seq)) + 1,
      kind,
      action: null,
      fromStage: null,
      toStage: effects.stage ?? null,
      date: '2026-11-20',
      at: `${this.name}-${String(++this.clock).padStart(4, '0')}`,
      userId: null,
      actor: this.name,
      fields: {},
      approvals: [],
      effects,
      refersTo,
      after: heads(events),
    };
    this.events.push(event);
    return event;
  }

  /** What the other office holds, as a bundle brings it (a union by id). */
  receive(other: Office): void {
    const known = new Set(this.events.map((e) => e.id));
    this.events.push(...other.events.filter((e) => !known.has(e.id)));
  }

  state() {
    return replay(ordered(this.events));
  }

  /** Keeps one move as the conflict card does: undo each concurrent move, latest first. */
  resolve(keep: string, prefix: string): void {
    const events = ordered(this.events);
    movesToTakeBack(events, undoneSet(events), keep).forEach((target, i) => this.write(`${prefix}${i}`, 'undone', { resolves: keep }, target.id));
  }
}

/** Every event `id` follows, by walking `after` (independently of conflicts.ts). */
function ancestorsOf(events: StoredEvent[], id: string): Set<string> {
  const byId = new Map(events.map((e) => [e.id, e]));
  const seen = new Set<string>();
  const walk = (at: string) => {
    for (const parent of byId.get(at)?.after ?? []) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      walk(parent);
    }
  };
  walk(id);
  return seen;
}

/** A clue opened at the city and known to the county. */
function shared(): { city: Office; county: Office } {
  const city = new Office('city');
  city.write('o', 'opened', { stage: 'intake' });
  const county = new Office('county');
  county.receive(city);
  return { city, county };
}

describe('concurrent moves of one case', () => {
  it('finds none while the offices take turns', () => {
    const { city, county } = shared();
    county.write('c1', 'acted', { stage: 'dispatched', departmentId: 'D' });
    city.receive(county);
    city.write('c2', 'proposed', { proposal: { action: 'inquire', fields: {}, date: '2026-11-20', approver: 'commission_leader' } });
    expect(city.state().conflict).toBeNull();
  });

  it('keeps both moves made apart, shows them as a conflict, and lets people choose one', () => {
    const { city, county } = shared();
    city.write('a1', 'acted', { stage: 'dispatched', departmentId: 'D' });
    city.write('a2', 'proposed', { proposal: { action: 'inquire', fields: {}, date: '2026-11-20', approver: 'commission_leader' } });
    county.write('b1', 'acted', { stage: 'closed', outcome: 'not_accepted' });
    city.receive(county);
    county.receive(city);
    // the same state on both sides, both histories kept
    expect(city.state()).toEqual(county.state());
    expect(city.state().conflict?.eventIds).toEqual(['a1', 'b1', 'a2']);

    // keeping the county's move takes back both of the city's, latest first
    const events = ordered(city.events);
    expect(movesToTakeBack(events, undoneSet(events), 'b1').map((e) => e.id)).toEqual(['a2', 'a1']);
    // keeping the city's first move takes back the county's; the city's second follows its first
    expect(movesToTakeBack(events, undoneSet(events), 'a1').map((e) => e.id)).toEqual(['b1']);

    county.resolve('a1', 'r');
    city.receive(county);
    const settled = city.state();
    expect(settled.conflict).toBeNull();
    expect([settled.stage, settled.outcome, settled.pending?.action]).toEqual(['dispatched', null, 'inquire']);
    expect(settled.undone).toEqual(new Set(['b1']));
    // and the case moves on from there as one history
    city.write('a3', 'rejected', {}, 'a2');
    expect(city.state().conflict).toBeNull();
  });

  it('lets notes beside the case (a complainant told, a clock paused) combine with a move', () => {
    const { city, county } = shared();
    city.write('a1', 'acted', { clocks: [{ op: 'stop', kind: 'complainant_notice' }] });
    city.write('a2', 'acknowledged', { acknowledge: { reportId: 'r' } });
    county.write('b1', 'acted', { stage: 'dispatched', departmentId: 'D' });
    city.receive(county);
    expect(city.state().conflict).toBeNull();
    expect(city.state().stage).toBe('dispatched');
  });

  it('sees events written before offices synced, which carry no `after`, as concurrent when they share a seq', () => {
    const legacy = (id: string, seq: number, effects: Effects): StoredEvent => ({ ...new Office('x').write(id, 'acted', effects), seq, at: id, after: null });
    const events = ordered([legacy('o', 1, { stage: 'intake' }), legacy('a', 2, { stage: 'dispatched' }), legacy('b', 2, { stage: 'closed' })]);
    expect(findConflict(events, undoneSet(events))?.eventIds).toEqual(['a', 'b']);
    const after = ordered([...events, legacy('c', 3, { stage: 'inquiry' })]);
    // c followed both: it is not part of the conflict
    expect(findConflict(after, undoneSet(after))?.eventIds).toEqual(['a', 'b']);
  });

  it('takes an undo back when the approval made meanwhile is kept, bringing the proposal back into effect', () => {
    const { city, county } = shared();
    city.write('p', 'proposed', { proposal: { action: 'inquire', fields: {}, date: '2026-11-20', approver: 'commission_leader' } });
    county.receive(city);
    city.write('u', 'undone', {}, 'p');
    county.write('ap', 'acted', { stage: 'inquiry' }, 'p');
    county.receive(city);
    expect(county.state().conflict?.eventIds).toEqual(['u', 'ap']);
    county.resolve('ap', 'r');
    const settled = county.state();
    expect(settled.conflict).toBeNull();
    expect(settled.undone).toEqual(new Set(['u']));
    expect([settled.stage, settled.pending]).toEqual(['inquiry', null]);
  });

  it('ends every conflict of random concurrent writes by keeping one move at a time, on any office', () => {
    const write = fc.record({ office: fc.nat(2), move: fc.boolean(), sync: fc.option(fc.nat(2), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 25 }), fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), (writes, picks) => {
        const offices = [new Office('a'), new Office('b'), new Office('c')];
        offices[0]!.write('o', 'opened', { stage: 'intake' });
        for (const o of offices.slice(1)) o.receive(offices[0]!);
        writes.forEach((w, i) => {
          const office = offices[w.office]!;
          office.write(`w${i}`, 'acted', w.move ? { stage: i % 2 ? 'dispatched' : 'inquiry' } : { clocks: [] });
          if (w.sync !== undefined) offices[w.sync]!.receive(office);
        });
        const office = offices[0]!;
        for (const o of offices) office.receive(o);
        let rounds = 0;
        for (let conflict = office.state().conflict; conflict; conflict = office.state().conflict) {
          const keep = conflict.eventIds[picks[rounds]! % conflict.eventIds.length]!;
          const before = office.state().undone;
          office.resolve(keep, `r${rounds}-`);
          const after = office.state();
          // only moves made concurrently with the one kept are taken back
          const related = new Set([...ancestorsOf(office.events, keep), ...office.events.filter((e) => ancestorsOf(office.events, e.id).has(keep)).map((e) => e.id)]);
          for (const id of after.undone) if (!before.has(id)) expect(related.has(id)).toBe(false);
          // the move kept stands, and nothing in effect was made concurrently with it
          expect(after.undone.has(keep)).toBe(false);
          expect(after.conflict?.eventIds ?? []).not.toContain(keep);
          rounds += 1;
          expect(rounds).toBeLessThan(30);
        }
      }),
      { numRuns: 200 },
    );
  });
});
