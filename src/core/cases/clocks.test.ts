import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueDate } from '../calendar/deadline';
import { HOLIDAY_CALENDAR as cal } from '../calendar/holidays';
import { clockView, lightOf, plusMonths, worstLight, yellowEdge, type ClockFacts } from './clocks';

function facts(over: Partial<ClockFacts>): ClockFacts {
  return { id: 'c', kind: 'intake_dispatch', startDate: '2026-02-11', rule: { limit: { unit: 'working_days', n: 5 } }, steps: [], closedDate: null, ...over };
}

describe('due dates on the statutory calendar', () => {
  it('counts the make-up Saturday before the Spring Festival and skips the festival week', () => {
    // 12, 13, 14 (make-up Saturday), then 15–23 off, 24, 25
    expect(clockView(cal, facts({})).due).toBe('2026-02-25');
  });

  it('a pause over the National Day week moves a working-day clock by the working days it stood still', () => {
    const started = facts({ kind: 'complainant_notice', startDate: '2026-09-21', rule: { limit: { unit: 'working_days', n: 15 } } });
    expect(clockView(cal, started).due).toBe('2026-10-19');
    const paused = { ...started, steps: [{ type: 'pause' as const, date: '2026-09-30', reason: '等待外单位回复' }] };
    const view = clockView(cal, paused);
    expect([view.due, view.pausedSince, view.pauseReason]).toEqual(['2026-10-19', '2026-09-30', '等待外单位回复']);
    // 1–7 October are holidays: only the 8th and 9th were lost
    const resumed = clockView(cal, { ...paused, steps: [...paused.steps, { type: 'resume', date: '2026-10-09' }] });
    expect(resumed.due).toBe('2026-10-21');
    expect(resumed.pausedSince).toBeNull();
    expect(resumed.history.map((h) => [h.reason, h.due])).toEqual([
      ['start', '2026-10-19'],
      ['resume', '2026-10-21'],
    ]);
  });

  it('a pause of a month-limit clock moves it by calendar days, to a working day', () => {
    const started = facts({ kind: 'disposal_plan', startDate: '2026-04-01', rule: { limit: { unit: 'months', n: 1 } } });
    expect(clockView(cal, started).due).toBe('2026-05-06'); // 1 May falls in the Labour Day holiday
    const resumed = clockView(cal, { ...started, steps: [{ type: 'pause', date: '2026-04-10', reason: 'x' }, { type: 'resume', date: '2026-04-20' }] });
    // the nominal 1 May plus the 10 days it stood still: Monday 11 May
    expect(resumed.due).toBe('2026-05-11');
  });

  it('an extension adds its limit to the nominal end, not to the working day it was moved to', () => {
    const started = facts({ kind: 'preliminary_check', startDate: '2026-01-15', rule: { limit: { unit: 'months', n: 2 } } });
    expect(clockView(cal, started).due).toBe('2026-03-16'); // 15 March is a Sunday
    const view = clockView(cal, { ...started, steps: [{ type: 'extend', date: '2026-03-10', limit: { unit: 'months', n: 1 } }] });
    // 15 March plus a month: Wednesday 15 April, not 16 April
    expect([view.due, view.extensions]).toEqual(['2026-04-15', 1]);
  });

  it('a deadline in a year the calendar lacks is unknown, never guessed', () => {
    const view = clockView(cal, facts({ kind: 'investigation', startDate: '2026-11-27', rule: { limit: { unit: 'days', n: 90 } } }));
    expect([view.due, view.unknownYear]).toEqual([null, 2027]);
    expect(lightOf(view, null, '2026-11-27', '2026-12-04')).toBe('unknown');
  });

  it('24 hours run through a holiday', () => {
    expect(clockView(cal, facts({ kind: 'detention_notice', startDate: '2026-10-01', rule: { limit: { unit: 'hours', n: 24 } } })).due).toBe('2026-10-02');
  });

  it('a fixed review date is its own due date', () => {
    expect(clockView(cal, facts({ kind: 'shelved_review', rule: { fixedDue: '2026-06-30' } })).due).toBe('2026-06-30');
  });

  it('plusMonths clamps to the end of a shorter month', () => {
    expect(plusMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(plusMonths('2026-08-31', 18)).toBe('2028-02-29');
  });
});

describe('lights', () => {
  const edge = yellowEdge(cal, '2026-03-02', 5); // Mon 2 March + 5 working days

  it('the yellow window is N working days from today', () => {
    expect(edge).toBe('2026-03-09');
    expect(yellowEdge(cal, '2026-03-02', 0)).toBe('2026-03-02');
    // past the calendar every computable due date lies inside the window
    expect(yellowEdge(cal, '2026-12-28', 5)).toBe('9999-12-31');
  });

  it('open clocks go from open to yellow to red as today passes', () => {
    const due = '2026-03-09';
    expect(lightOf({ due: '2026-03-10', pausedSince: null }, null, '2026-03-02', edge)).toBe('open');
    expect(lightOf({ due, pausedSince: null }, null, '2026-03-02', edge)).toBe('yellow');
    expect(lightOf({ due, pausedSince: null }, null, '2026-03-09', '2026-03-16')).toBe('yellow');
    expect(lightOf({ due, pausedSince: null }, null, '2026-03-10', '2026-03-17')).toBe('red');
  });

  it('closed clocks are green in time, late after', () => {
    expect(lightOf({ due: '2026-03-09', pausedSince: null }, '2026-03-09', '2026-04-01', edge)).toBe('green');
    expect(lightOf({ due: '2026-03-09', pausedSince: null }, '2026-03-10', '2026-04-01', edge)).toBe('late');
  });

  it('a paused clock keeps the light it had when it stopped', () => {
    expect(lightOf({ due: '2026-03-09', pausedSince: '2026-03-05' }, null, '2026-06-01', edge)).toBe('open');
    expect(lightOf({ due: '2026-03-09', pausedSince: '2026-03-12' }, null, '2026-06-01', edge)).toBe('red');
  });

  it('the worst light of a case: red, then yellow, then unknown, then open', () => {
    expect(worstLight(['open', 'yellow', 'green'])).toBe('yellow');
    expect(worstLight(['unknown', 'red'])).toBe('red');
    expect(worstLight(['green', 'late'])).toBeNull();
  });
});

describe('the engine and `zhijian due` agree', () => {
  it('a clock started under a limit is due when dueDate says', () => {
    const units = ['working_days', 'days', 'months', 'hours'] as const;
    fc.assert(
      fc.property(
        // up to 260 working days (more than a year) after the start: starts end in September 2025
        // so that every deadline stays inside the calendar, which ends with 2026
        fc.date({ min: new Date(Date.UTC(2024, 0, 1)), max: new Date(Date.UTC(2025, 8, 30)), noInvalidDate: true }),
        fc.constantFrom(...units),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 20 }),
        (date, unit, months, extra) => {
          const n = unit === 'months' ? months : months * 20 + extra;
          const from = date.toISOString().slice(0, 10);
          const view = clockView(cal, facts({ startDate: from, rule: { limit: { unit, n } } }));
          expect(view.due).toBe(dueDate(cal, from, unit, n));
        },
      ),
    );
  });
});
