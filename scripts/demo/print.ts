/**
 * Prints what the demo generator makes, as JSON, for a human to eyeball:
 *   npx tsx scripts/demo/print.ts [--seed N] [--sample N]
 */
import { parseIdNumber } from '../../src/core/registry/id-number';
import { DEFAULT_SEED, generateDemoDetail } from './generate';
import { COUNTIES } from './places';

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function intArg(flag: string, fallback: number): number {
  const raw = argValue(flag);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) {
    console.error(`${flag} needs an integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const seed = intArg('--seed', DEFAULT_SEED);
const sample = intArg('--sample', 0);
const data = generateDemoDetail({ seed });

const countyOfUnit = new Map<string, string>();
for (const unit of data.units) {
  const parentCounty = unit.parentCode ? countyOfUnit.get(unit.parentCode) : undefined;
  countyOfUnit.set(unit.code, unit.kind === 'county' ? unit.code : (parentCounty ?? '(city)'));
}
const countyName = (code: string) => COUNTIES.find((c) => c.code === code)?.name ?? code;

const perCounty = Object.fromEntries(
  [...COUNTIES.map((c) => c.code), '(city)'].map((code) => [
    countyName(code),
    {
      units: tally(
        data.units.filter((u) => countyOfUnit.get(u.code) === code),
        (u) => u.kind,
      ),
      peopleInUnits: data.people.filter((p) => p.unitCode && countyOfUnit.get(p.unitCode) === code).length,
      peopleRegisteredHere: data.people.filter((p) => p.idNumber.startsWith(code)).length,
    },
  ]),
);

const summary = {
  seed,
  units: { total: data.units.length, ...tally(data.units, (u) => u.kind) },
  people: {
    total: data.people.length,
    byCategory: tally(data.people, (p) => p.category ?? '(none)'),
    byGender: tally(data.people, (p) => p.gender),
    byBirthDecade: tally(data.people, (p) => `${p.birthDate.slice(0, 3)}0s`),
    withoutUnit: data.people.filter((p) => p.unitCode === null).length,
    withPhone: data.people.filter((p) => p.phone !== null).length,
    invalidIds: data.people.filter((p) => !parseIdNumber(p.idNumber).valid).length,
  },
  kin: { total: data.kin.length, ...tally(data.kin, (k) => k.relation) },
  perCounty,
  ...(sample > 0 ? { samplePeople: data.people.filter((_, i) => i % Math.ceil(data.people.length / sample) === 0) } : {}),
};

console.log(JSON.stringify(summary, null, 2));
