/**
 * A synthetic month of welfare payments for the demo prefecture and the registries they are
 * compared with, as the eight CSV files of FORMATS.md (headers in Chinese, disbursements in
 * GB18030 like the civil-affairs exports, the rest UTF-8), with planted cases for every rule
 * listed in planted.csv and near-misses in near-misses.csv. Deterministic for a seed; written
 * in chunks, never held whole.
 *
 *   node --import tsx scripts/welfare/generate.ts --out DIR [--disbursements 1000000] [--seed N] [--periods 2026-08,2026-09]
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATASET_FIELDS, type Dataset } from '../../src/shared/api/welfare';
import { parseIdNumber } from '../../src/core/registry/id-number';
import { Rng } from '../demo/random';
import { CsvFileWriter, type CsvEncoding } from './csv-writer';
import { fifteenDigitForm } from './ids';
import { HouseholdMaker, rowsPerPeriod, type Household, type Payment } from './households';
import { amountText, dateText, idText, monthText, nameText } from './messy';
import { OfficialMaker, type Official } from './officials';
import { People } from './people';
import { plantCases, type NearMiss, type PlantedHit } from './plant';
import { STANDARDS, lastDay, prefecture } from './prefecture';
import { RegistryMaker, type BusinessRecord, type DeathRecord, type PropertyRecord, type RelativeRecord, type VehicleRecord } from './registries';

export type { NearMiss, PlantedHit } from './plant';

type Registry = 'deaths' | 'officials' | 'relatives' | 'vehicles' | 'properties' | 'businesses';

/** The sizes issue 5 names for a prefecture's month. */
export const DEFAULT_SIZES: Record<Registry | 'disbursements', number> = {
  disbursements: 1_000_000,
  deaths: 50_000,
  officials: 100_000,
  relatives: 300_000,
  vehicles: 200_000,
  properties: 300_000,
  businesses: 100_000,
};

export const DEFAULT_WELFARE_SEED = 202_610;

export interface GenerateOptions {
  seed?: number;
  /** months paid, YYYY-MM; default 2026-10 */
  periods?: readonly string[];
  /** disbursement rows over all periods; the registries scale with it unless `sizes` says otherwise */
  disbursements?: number;
  sizes?: Partial<Record<Registry, number>>;
  /** cases planted per rule; default one per 25,000 rows, at least 2 */
  perRule?: number;
}

export interface GeneratedMonth {
  dir: string;
  files: Record<Dataset, string>;
  /** data rows written per file */
  rows: Record<Dataset, number>;
  planted: PlantedHit[];
  nearMisses: NearMiss[];
  plantedFile: string;
}

export const ENCODINGS: Record<Dataset, CsvEncoding> = {
  disbursements: 'gb18030',
  deaths: 'utf8',
  officials: 'utf8',
  relatives: 'utf8',
  vehicles: 'utf8',
  properties: 'utf8',
  businesses: 'utf8',
  standards: 'utf8',
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Background records with the planted ones mixed in at random places. */
function writeMixed<T>(rng: Rng, writer: CsvFileWriter, background: number, next: () => T[], planted: readonly T[], cells: (record: T) => string[]): void {
  const at = planted.map((record) => ({ record, at: rng.int(0, background) })).sort((a, b) => a.at - b.at);
  let k = 0;
  let written = 0;
  const flushUpTo = (n: number) => {
    while (k < at.length && at[k]!.at <= n) writer.row(cells(at[k++]!.record));
  };
  while (written < background) {
    flushUpTo(written);
    for (const record of next()) {
      if (written >= background) break;
      writer.row(cells(record));
      written += 1;
    }
  }
  flushUpTo(Number.POSITIVE_INFINITY);
}

export function generateWelfareMonth(outDir: string, options: GenerateOptions = {}): GeneratedMonth {
  const seed = options.seed ?? DEFAULT_WELFARE_SEED;
  const periods = [...(options.periods ?? ['2026-10'])].sort();
  const total = options.disbursements ?? DEFAULT_SIZES.disbursements;
  const scale = total / DEFAULT_SIZES.disbursements;
  const size = (d: Registry) => options.sizes?.[d] ?? Math.max(20, Math.round(DEFAULT_SIZES[d] * scale));
  const perRule = options.perRule ?? Math.max(2, Math.round(total / 25_000));
  const end = lastDay(periods.at(-1)!);

  fs.mkdirSync(outDir, { recursive: true });
  const rng = new Rng(seed);
  const place = prefecture();
  const people = new People(rng);
  const officials = new OfficialMaker(rng, people, place);
  const approvers = new Map(place.townships.map((t) => [t.code, officials.approver(t)]));
  const households = new HouseholdMaker(rng, people, place, approvers, periods);
  const registries = new RegistryMaker(rng, people, place, end);
  const planted = plantCases({ rng, people, place, officials, households, registries, periods }, perRule);

  const files = {} as Record<Dataset, string>;
  const rows = {} as Record<Dataset, number>;
  const open = (dataset: Dataset) => {
    files[dataset] = path.join(outDir, `${dataset}.csv`);
    return new CsvFileWriter(files[dataset], DATASET_FIELDS[dataset].map((f) => f.label), ENCODINGS[dataset]);
  };
  const close = (dataset: Dataset, writer: CsvFileWriter) => {
    writer.close();
    rows[dataset] = writer.rows;
  };
  const date = (iso: string | null) => (iso ? dateText(rng, iso) : '');

  // officials first: the relatives point at them, and near-miss account holders must not share their names
  const officialNames = new Set<string>();
  const officialPool: Official[] = [];
  {
    const writer = open('officials');
    const cells = (o: Official) => {
      officialNames.add(o.name);
      return [nameText(rng, o.name), idText(rng, o.idNumber), o.unit, o.position, o.category, o.township ?? '', o.village ?? '', date(o.startOn), date(o.endOn)];
    };
    const fixed = [...approvers.values(), ...planted.officials];
    writeMixed(rng, writer, Math.max(0, size('officials') - fixed.length), () => {
      const o = officials.background();
      officialPool.push(o);
      return [o];
    }, fixed, cells);
    close('officials', writer);
  }
  for (const holder of planted.holdersNotOfficials) while (officialNames.has(holder.name)) people.rename(holder);

  {
    const writer = open('disbursements');
    const row = (h: Household, p: Payment, period: string) => {
      const m = p.member;
      const approver = p.approver ?? h.approver;
      writer.row([
        p.program,
        monthText(rng, period),
        nameText(rng, m.name),
        p.idText ?? idText(rng, m.idNumber),
        idText(rng, h.head.idNumber),
        m.relation,
        h.village.township.county.short,
        h.village.township.name,
        h.village.name,
        amountText(rng, p.amountFen),
        rng.chance(0.08) ? '' : dateText(rng, `${period}-${pad2(rng.int(10, 20))}`),
        p.account ?? m.account,
        (p.holder ?? m).name,
        approver.name,
        approver.idNumber,
      ]);
    };
    const emit = (h: Household, paid: readonly string[] = periods) => {
      for (const period of paid) {
        for (const p of h.payments) {
          row(h, p, period);
          if (p.duplicateIn === period) row(h, p, period);
        }
      }
    };
    const plantedRows = planted.households.reduce((n, h) => n + periods.reduce((m, period) => m + rowsPerPeriod(h, period), 0), 0);
    // background rows per period: the total less the planted, spread evenly over the periods
    const budget = Math.max(0, Math.floor((total - plantedRows) / periods.length));
    const at = planted.households.map((h) => ({ h, at: rng.int(0, budget) })).sort((a, b) => a.at - b.at);
    let k = 0;
    let used = 0;
    while (used < budget) {
      while (k < at.length && at[k]!.at <= used) emit(at[k++]!.h);
      const left = budget - used;
      let h = households.make();
      if (h.payments.length > left) h = households.make('farm');
      emit(h);
      used += h.payments.length;
    }
    while (k < at.length) emit(at[k++]!.h);
    // what does not spread evenly: one-off relief in the last month
    for (let left = total - plantedRows - budget * periods.length; left > 0; left--) emit(households.make('relief'), periods.slice(-1));
    close('disbursements', writer);
  }

  {
    const writer = open('deaths');
    const cells = (d: DeathRecord) => {
      // the old 15-digit form only for a right number: it drops the check character a typo would show in
      const fifteen = parseIdNumber(d.idText).valid ? fifteenDigitForm(d.idText) : null;
      const id = fifteen && rng.chance(0.2) ? fifteen : idText(rng, d.idText);
      return [nameText(rng, d.name), id, dateText(rng, d.diedOn), d.source];
    };
    writeMixed(rng, writer, Math.max(0, size('deaths') - planted.deaths.length), () => [registries.death()], planted.deaths, cells);
    close('deaths', writer);
  }
  {
    const writer = open('relatives');
    const cells = (r: RelativeRecord) => [idText(rng, r.officialId), nameText(rng, r.name), r.idNumber ? idText(rng, r.idNumber) : '', r.relation];
    const pool = officialPool.length > 0 ? officialPool : [...approvers.values()];
    writeMixed(rng, writer, Math.max(0, size('relatives') - planted.relatives.length), () => [registries.relative(rng.pick(pool))], planted.relatives, cells);
    close('relatives', writer);
  }
  {
    const writer = open('vehicles');
    const cells = (v: VehicleRecord) => [nameText(rng, v.ownerName), idText(rng, v.idNumber), v.plate, v.vehicleType, dateText(rng, v.registeredOn), date(v.deregisteredOn)];
    writeMixed(rng, writer, Math.max(0, size('vehicles') - planted.vehicles.length), () => registries.vehicles(), planted.vehicles, cells);
    close('vehicles', writer);
  }
  {
    const writer = open('properties');
    const cells = (p: PropertyRecord) => [nameText(rng, p.ownerName), idText(rng, p.idNumber), p.location, p.use, String(p.areaM2), dateText(rng, p.registeredOn)];
    writeMixed(rng, writer, Math.max(0, size('properties') - planted.properties.length), () => registries.properties(), planted.properties, cells);
    close('properties', writer);
  }
  {
    const writer = open('businesses');
    const cells = (b: BusinessRecord) => [
      b.company,
      b.creditCode,
      nameText(rng, b.personName),
      idText(rng, b.idNumber),
      b.role,
      b.capitalFen === null ? '' : amountText(rng, b.capitalFen),
      date(b.foundedOn),
      b.status ?? '',
    ];
    writeMixed(rng, writer, Math.max(0, size('businesses') - planted.businesses.length), () => registries.business(), planted.businesses, cells);
    close('businesses', writer);
  }
  {
    const writer = open('standards');
    for (const s of STANDARDS) writer.row([s.program, s.county ?? '', monthText(rng, s.fromPeriod), amountText(rng, s.maxFen)]);
    close('standards', writer);
  }

  const hits = dedupeHits(planted.hits);
  const plantedFile = path.join(outDir, 'planted.csv');
  fs.writeFileSync(plantedFile, `rule,id_number,program,period\n${hits.map((h) => `${h.rule},${h.idNumber},${h.program},${h.period}`).join('\n')}\n`);
  fs.writeFileSync(
    path.join(outDir, 'near-misses.csv'),
    `rule,id_number,what\n${planted.nearMisses.map((m) => `${m.rule},${m.idNumber},${m.what}`).join('\n')}\n`,
  );
  return { dir: outDir, files, rows, planted: hits, nearMisses: planted.nearMisses, plantedFile };
}

const RULE_ORDER = (rule: string) => Number(rule.slice(1));

/** One line per hit key, in rule, ID, program, period order. */
function dedupeHits(hits: readonly PlantedHit[]): PlantedHit[] {
  const byKey = new Map(hits.map((h) => [`${h.rule}|${h.idNumber}|${h.program}|${h.period}`, h]));
  return [...byKey.values()].sort(
    (a, b) =>
      RULE_ORDER(a.rule) - RULE_ORDER(b.rule) ||
      a.idNumber.localeCompare(b.idNumber) ||
      a.program.localeCompare(b.program) ||
      a.period.localeCompare(b.period),
  );
}

/** planted.csv as written by generateWelfareMonth. */
export function readPlanted(file: string): PlantedHit[] {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return lines.filter(Boolean).map((line) => {
    const [rule, idNumber, program, period] = line.split(',') as [PlantedHit['rule'], string, string, string];
    return { rule, idNumber, program, period };
  });
}
