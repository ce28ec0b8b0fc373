import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../src/core/registry/id-number';
import { CATEGORIES, KIN_RELATIONS, RANKS, UNIT_KINDS, personFields, units as unitApi } from '../../src/shared/api/registry';
import { DEFAULT_SEED, generateDemo, generateDemoDetail, type DemoPersonDetail } from './generate';
import { FAMOUS_NAMES, FEMALE_ONLY_CHARS } from './names';
import { Rng } from './random';

const data = generateDemoDetail();
const byId = new Map(data.people.map((p) => [p.idNumber, p]));
const person = (id: string): DemoPersonDetail => {
  const p = byId.get(id);
  if (!p) throw new Error(`no person ${id}`);
  return p;
};
const year = (p: DemoPersonDetail) => Number(p.birthDate.slice(0, 4));
const count = <T>(items: readonly T[], pred: (t: T) => boolean) => items.filter(pred).length;
const CADRE_CATEGORIES = new Set(['公务员', '参公人员', '事业编制', '村(社区)干部']);

describe('random', () => {
  it('is reproducible and spread over [0, 1)', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.float());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.float()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });
});

describe('generateDemo', () => {
  it('is deterministic: same seed, deep-equal output; another seed, other output', () => {
    expect(generateDemo()).toEqual(generateDemo({ seed: DEFAULT_SEED }));
    expect(generateDemo({ seed: 7 })).toEqual(generateDemo({ seed: 7 }));
    expect(generateDemo({ seed: 8 }).people).not.toEqual(generateDemo({ seed: 7 }).people);
  });

  it('outputs only the documented fields', () => {
    const plain = generateDemo();
    expect(Object.keys(plain)).toEqual(['units', 'people', 'kin']);
    expect(Object.keys(plain.people[0]!).sort()).toEqual(
      ['category', 'idNumber', 'name', 'phone', 'position', 'rank', 'unitCode'].sort(),
    );
  });

  it('has counts in range', () => {
    const kinds = Object.fromEntries(UNIT_KINDS.map((k) => [k, count(data.units, (u) => u.kind === k)]));
    expect(kinds.city).toBe(1);
    expect(kinds.county).toBe(5);
    expect(kinds.township).toBe(65);
    expect(kinds.village).toBeGreaterThanOrEqual(65 * 3);
    expect(kinds.village).toBeLessThanOrEqual(65 * 6);
    expect(kinds.resident_group).toBe(10);
    expect(kinds.department).toBeGreaterThanOrEqual(20);
    expect(data.people.length).toBeGreaterThanOrEqual(1500);
    expect(data.people.length).toBeLessThanOrEqual(2500);
    expect(count(data.people, (p) => p.category === '其他')).toBeGreaterThan(300);
    expect(count(data.people, (p) => p.category === '村(社区)干部')).toBeGreaterThan(300);
    expect(data.kin.length).toBeGreaterThan(500);
    for (const seed of [1, 2, 3]) {
      const n = generateDemo({ seed }).people.length;
      expect(n).toBeGreaterThanOrEqual(1500);
      expect(n).toBeLessThanOrEqual(2500);
    }
  });
});

describe('org tree', () => {
  it('lists parents before children, with unique codes the API accepts', () => {
    const seen = new Map<string, string>();
    const codeRule = unitApi.create.input.shape.code;
    for (const unit of data.units) {
      expect(seen.has(unit.code), unit.code).toBe(false);
      if (unit.parentCode === null) expect(unit.kind).toBe('city');
      else expect(seen.has(unit.parentCode), `${unit.code} before its parent`).toBe(true);
      expect(codeRule.safeParse(unit.code).success, unit.code).toBe(true);
      expect(unit.name.length).toBeLessThanOrEqual(100);
      seen.set(unit.code, unit.kind);
    }
  });

  it('nests kinds properly and codes follow the region code', () => {
    const kindOf = new Map(data.units.map((u) => [u.code, u.kind]));
    const allowedParent: Record<string, string[]> = {
      county: ['city'],
      township: ['county'],
      village: ['township'],
      department: ['city', 'county'],
      resident_group: ['city'],
    };
    for (const unit of data.units) {
      if (unit.parentCode === null) continue;
      expect(allowedParent[unit.kind], unit.code).toContain(kindOf.get(unit.parentCode));
      if (unit.kind === 'township') expect(unit.code).toMatch(new RegExp(`^${unit.parentCode}\\d{3}$`));
      if (unit.kind === 'village') expect(unit.code).toMatch(new RegExp(`^${unit.parentCode}\\d{3}$`));
      if (unit.kind === 'department' || unit.kind === 'resident_group') {
        expect(unit.code.startsWith(`${unit.parentCode}-`), unit.code).toBe(true);
      }
    }
  });

  it('has exactly the five counties of Lijiang', () => {
    const counties = data.units.filter((u) => u.kind === 'county').map((u) => u.code);
    expect(counties.sort()).toEqual(['530702', '530721', '530722', '530723', '530724']);
    expect(data.units[0]).toEqual({ code: '530700', name: '丽江市', kind: 'city', parentCode: null });
  });
});

describe('people', () => {
  it('have valid, unique ID numbers whose birth date and gender digit match the person', () => {
    const ids = new Set<string>();
    const counties = new Set(data.units.filter((u) => u.kind === 'county').map((u) => u.code));
    for (const p of data.people) {
      const parsed = parseIdNumber(p.idNumber);
      expect(parsed.valid, p.idNumber).toBe(true);
      if (!parsed.valid) continue;
      expect(parsed.idNumber).toBe(p.idNumber);
      expect(parsed.gender, p.idNumber).toBe(p.gender);
      expect(Number(p.idNumber[16]) % 2 === 1 ? 'M' : 'F').toBe(p.gender);
      expect(parsed.birthDate).toBe(p.birthDate);
      expect(counties.has(parsed.regionCode), parsed.regionCode).toBe(true);
      ids.add(p.idNumber);
    }
    expect(ids.size).toBe(data.people.length);
  });

  it('have names that fit their gender and are never famous', () => {
    for (const p of data.people) {
      expect(FAMOUS_NAMES.has(p.name), p.name).toBe(false);
      if (p.gender === 'M') expect([...p.name].some((c) => FEMALE_ONLY_CHARS.has(c)), p.name).toBe(false);
      expect(p.name).toMatch(/^[\u4e00-\u9fff]+(·[\u4e00-\u9fff]+)?$/);
    }
    expect(count(data.people, (p) => p.name.includes('·'))).toBeGreaterThan(0);
  });

  it('have plausible birth years, posts, ranks and categories', () => {
    const unitCodes = new Set(data.units.map((u) => u.code));
    for (const p of data.people) {
      expect(CATEGORIES as readonly (string | null)[]).toContain(p.category);
      if (p.rank !== null) expect(RANKS as readonly string[]).toContain(p.rank);
      if (p.unitCode !== null) expect(unitCodes.has(p.unitCode), p.unitCode).toBe(true);
      if (CADRE_CATEGORIES.has(p.category!)) {
        expect(year(p), p.name).toBeGreaterThanOrEqual(1965);
        expect(year(p), p.name).toBeLessThanOrEqual(2000);
        expect(p.unitCode).not.toBeNull();
        expect(p.position).not.toBeNull();
        expect(p.phone).not.toBeNull();
      } else {
        expect(year(p), p.name).toBeGreaterThanOrEqual(1940);
        expect(year(p), p.name).toBeLessThanOrEqual(2015);
        expect(p.position).toBeNull();
        expect(p.rank).toBeNull();
        if (p.unitCode !== null) expect(p.unitCode).toMatch(/^\d{12}$/);
      }
      if (p.category === '村(社区)干部') expect(p.unitCode).toMatch(/^\d{12}$/);
      if (p.category === '公务员' || p.category === '参公人员') expect(p.rank).not.toBeNull();
    }
  });

  it('have unique synthetic phone numbers and pass the API field rules', () => {
    const phones = data.people.flatMap((p) => (p.phone ? [p.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(phone).toMatch(/^17[01]\d{8}$/);
    for (const p of generateDemo().people) {
      expect(personFields.safeParse(p).success, p.name).toBe(true);
    }
  });
});

describe('kin', () => {
  it('links known people, once per pair, never to themselves, with known relations', () => {
    const pairs = new Set<string>();
    for (const k of data.kin) {
      expect(KIN_RELATIONS).toContain(k.relation);
      expect(k.idNumber).not.toBe(k.relativeIdNumber);
      person(k.idNumber);
      person(k.relativeIdNumber);
      const key = [k.idNumber, k.relativeIdNumber].sort().join('|');
      expect(pairs.has(key), key).toBe(false);
      pairs.add(key);
    }
  });

  it('has spouses of opposite gender and similar age, each married at most once', () => {
    const married = new Set<string>();
    for (const k of data.kin.filter((k) => k.relation === '配偶')) {
      const a = person(k.idNumber);
      const b = person(k.relativeIdNumber);
      expect(a.gender).not.toBe(b.gender);
      expect(Math.abs(year(a) - year(b))).toBeLessThanOrEqual(5);
      for (const id of [a.idNumber, b.idNumber]) {
        expect(married.has(id), id).toBe(false);
        married.add(id);
      }
    }
  });

  it('has parents 20–40 years older than their children', () => {
    for (const k of data.kin) {
      if (k.relation !== '父母' && k.relation !== '子女') continue;
      const [parent, child] =
        k.relation === '父母' ? [person(k.relativeIdNumber), person(k.idNumber)] : [person(k.idNumber), person(k.relativeIdNumber)];
      expect(parent.birthDate < child.birthDate).toBe(true);
      const gap = year(child) - year(parent);
      expect(gap).toBeGreaterThanOrEqual(20);
      expect(gap).toBeLessThanOrEqual(40);
    }
  });

  it('covers a good share of cadres, with relatives living in villages', () => {
    const linked = new Set(data.kin.flatMap((k) => [k.idNumber, k.relativeIdNumber]));
    const cadres = data.people.filter((p) => CADRE_CATEGORIES.has(p.category!));
    expect(count(cadres, (c) => linked.has(c.idNumber)) / cadres.length).toBeGreaterThan(0.15);
    const relativesInVillages = data.people.filter(
      (p) => p.category === '其他' && linked.has(p.idNumber) && p.unitCode !== null,
    );
    expect(relativesInVillages.length).toBeGreaterThan(100);
    for (const relation of ['配偶', '父母', '子女', '兄弟姐妹'] as const) {
      expect(count(data.kin, (k) => k.relation === relation), relation).toBeGreaterThan(50);
    }
  });
});
