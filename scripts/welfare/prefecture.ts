/**
 * The synthetic prefecture the month is generated for: the demo's counties, townships and
 * villages (the same plan as scripts/demo, so that hits land on the demo's org units), and the
 * welfare programs with their standards.
 */
import { DEFAULT_SEED } from '../demo/generate';
import { planOrg } from '../demo/org';
import { COUNTIES, type CountyInfo } from '../demo/places';
import { Rng } from '../demo/random';

export interface Village {
  name: string;
  township: Township;
  community: boolean;
}

export interface Township {
  code: string;
  name: string;
  county: CountyInfo;
  villages: Village[];
}

export interface Prefecture {
  counties: readonly CountyInfo[];
  townships: Township[];
  villages: Village[];
}

/** The demo's org plan (scripts/demo/org.ts with the demo seed), as places. */
export function prefecture(): Prefecture {
  const planned = planOrg(new Rng(DEFAULT_SEED));
  const townships = new Map<string, Township>();
  for (const unit of planned) {
    if (unit.kind === 'township') townships.set(unit.code, { code: unit.code, name: unit.name, county: unit.county!, villages: [] });
  }
  const villages: Village[] = [];
  for (const unit of planned) {
    if (unit.kind !== 'village') continue;
    const township = townships.get(unit.parentCode!)!;
    const village: Village = { name: unit.name, township, community: unit.community };
    township.villages.push(village);
    villages.push(village);
  }
  return { counties: COUNTIES, townships: [...townships.values()], villages };
}

export const PROGRAMS = {
  dibao: '城乡低保',
  tekun: '特困供养',
  relief: '临时救助',
  farmland: '耕地地力保护补贴',
  ranger: '生态护林员补助',
  industry: '产业扶持资金',
} as const;

export interface StandardRow {
  program: string;
  /** a county code; null = every county */
  county: string | null;
  fromPeriod: string;
  maxFen: number;
}

const SEAT = '530702';
const perCounty = (program: string, fromPeriod: string, seatFen: number, otherFen: number): StandardRow[] =>
  COUNTIES.map((c) => ({ program, county: c.code, fromPeriod, maxFen: c.code === SEAT ? seatFen : otherFen }));

/**
 * Monthly per-person ceilings. The allowance standards rose in 2026 and rise again in 2027, so
 * the period decides which one applies; the other programs have one ceiling for all counties.
 */
export const STANDARDS: readonly StandardRow[] = [
  ...perCounty(PROGRAMS.dibao, '2025-01', 76_000, 68_000),
  ...perCounty(PROGRAMS.dibao, '2026-01', 82_000, 73_500),
  ...perCounty(PROGRAMS.dibao, '2027-01', 88_000, 79_000),
  ...perCounty(PROGRAMS.tekun, '2025-01', 110_000, 100_000),
  ...perCounty(PROGRAMS.tekun, '2026-01', 120_000, 110_000),
  { program: PROGRAMS.relief, county: null, fromPeriod: '2025-01', maxFen: 300_000 },
  { program: PROGRAMS.farmland, county: null, fromPeriod: '2025-01', maxFen: 200_000 },
  { program: PROGRAMS.ranger, county: null, fromPeriod: '2025-01', maxFen: 100_000 },
  { program: PROGRAMS.industry, county: null, fromPeriod: '2025-01', maxFen: 500_000 },
];

/** The ceiling in force for a program in a county and period: the latest standard begun by then. */
export function standardFen(program: string, countyCode: string, period: string): number {
  let best: StandardRow | null = null;
  for (const row of STANDARDS) {
    if (row.program !== program || row.fromPeriod > period) continue;
    if (row.county !== null && row.county !== countyCode) continue;
    if (!best || row.fromPeriod > best.fromPeriod) best = row;
  }
  if (!best) throw new Error(`no standard for ${program} in ${countyCode} at ${period}`);
  return best.maxFen;
}

/** The standard before the one in force (for the near-miss paid above an old ceiling), or null. */
export function previousStandardFen(program: string, countyCode: string, period: string): number | null {
  const rows = STANDARDS.filter((r) => r.program === program && (r.county === null || r.county === countyCode) && r.fromPeriod <= period).sort((a, b) =>
    a.fromPeriod.localeCompare(b.fromPeriod),
  );
  return rows.length >= 2 ? rows[rows.length - 2]!.maxFen : null;
}

/** The `n`-th month after `period` (negative: before). */
export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export function lastDay(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
