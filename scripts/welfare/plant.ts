/**
 * Planted cases: for every rule R1–R12 of issue 5, households and registry records that must
 * produce a hit, listed as (rule, ID number, program, period); and near-misses that must not
 * (an exempt vehicle type, a deregistered vehicle, a closed business, an official who left, a
 * relative of a cadre in another county, a household sharing one account, a death in the month
 * paid …). Every planted person is new: a background record never joins one by accident.
 */
import type { RuleCode } from '../../src/shared/api/welfare';
import { parseIdNumber } from '../../src/core/registry/id-number';
import type { Rng } from '../demo/random';
import type { Household, HouseholdMaker, Member, Named, Payment } from './households';
import { fifteenDigitForm, impossibleBirthDate, oneDigitTypo, swapTypo, twoDigitTypo, wrongCheckCharacter } from './ids';
import { PAID_CATEGORIES, type Official, type OfficialMaker } from './officials';
import { dateBetween, type People, type Person } from './people';
import { PROGRAMS, addMonths, lastDay, previousStandardFen, type Prefecture, type Village } from './prefecture';
import {
  EXEMPT_VEHICLE_TYPES,
  RELATIONS,
  WEALTH_VEHICLE_TYPES,
  type BusinessRecord,
  type DeathRecord,
  type PropertyRecord,
  type RegistryMaker,
  type RelativeRecord,
  type VehicleRecord,
} from './registries';

export interface PlantedHit {
  rule: RuleCode;
  /** as it reads after normalisation */
  idNumber: string;
  program: string;
  period: string;
}

export interface NearMiss {
  rule: RuleCode;
  idNumber: string;
  what: string;
}

export interface Planted {
  households: Household[];
  deaths: DeathRecord[];
  officials: Official[];
  relatives: RelativeRecord[];
  vehicles: VehicleRecord[];
  properties: PropertyRecord[];
  businesses: BusinessRecord[];
  hits: PlantedHit[];
  nearMisses: NearMiss[];
  /** account holders of near-misses, who must not share a name with any official */
  holdersNotOfficials: Person[];
}

export interface PlantContext {
  rng: Rng;
  people: People;
  place: Prefecture;
  officials: OfficialMaker;
  households: HouseholdMaker;
  registries: RegistryMaker;
  /** sorted */
  periods: readonly string[];
}

/** The ID number a payment's row carries, normalised as the importer will. */
export function rowIdNumber(payment: Payment): string {
  return payment.idText === undefined ? payment.member.idNumber : parseIdNumber(payment.idText).idNumber;
}

class Planter {
  readonly out: Planted = {
    households: [],
    deaths: [],
    officials: [],
    relatives: [],
    vehicles: [],
    properties: [],
    businesses: [],
    hits: [],
    nearMisses: [],
    holdersNotOfficials: [],
  };
  private readonly first: string;
  private readonly last: string;
  /** the day before the first period starts, and the day the last one ends */
  private readonly before: string;
  private readonly end: string;

  constructor(private readonly c: PlantContext) {
    this.first = c.periods[0]!;
    this.last = c.periods.at(-1)!;
    this.before = lastDay(addMonths(this.first, -1));
    this.end = lastDay(this.last);
  }

  private get rng(): Rng {
    return this.c.rng;
  }

  private household(size: number, village?: Village): Household {
    const h = this.c.households.make('dibao', { size, village });
    this.out.households.push(h);
    return h;
  }

  private member(h: Household, notHead = false): Member {
    const pool = notHead && h.members.length > 1 ? h.members.slice(1) : h.members;
    return this.rng.pick(pool);
  }

  private hit(rule: RuleCode, payments: readonly Payment[], periods: readonly string[] = this.c.periods): void {
    for (const p of payments) for (const period of periods) this.out.hits.push({ rule, idNumber: rowIdNumber(p), program: p.program, period });
  }

  private paymentsOf(h: Household, m: Member): Payment[] {
    return h.payments.filter((p) => p.member === m);
  }

  private miss(rule: RuleCode, idNumber: string, what: string): void {
    this.out.nearMisses.push({ rule, idNumber, what });
  }

  private official(o: Official): Official {
    this.out.officials.push(o);
    return o;
  }

  /** A recipient who is also in the officials' list. */
  private asOfficial(m: Member, o: Official): Official {
    return this.official({ ...o, name: m.name, idNumber: m.idNumber, gender: m.gender, birth: m.birth, surname: m.surname });
  }

  private relative(o: Official, m: Member): void {
    this.out.relatives.push({ officialId: o.idNumber, name: m.name, idNumber: m.idNumber, relation: this.rng.pick(RELATIONS) });
  }

  private monthDay(period: string, from = 1, to = 28): string {
    return `${period}-${String(this.rng.int(from, to)).padStart(2, '0')}`;
  }

  // R1: paid for a period after the month of death.
  r1(i: number): void {
    const h = this.household(this.rng.int(1, 3));
    const m = this.member(h);
    const fifteen = fifteenDigitForm(m.idNumber);
    const death = (diedOn: string): DeathRecord => ({
      name: m.name,
      idText: fifteen && this.rng.chance(0.4) ? fifteen : m.idNumber,
      diedOn,
      source: '公安户籍注销',
    });
    if (i === 1 && this.c.periods.length > 1) {
      // died during the first period: the later ones are paid to the dead
      this.out.deaths.push(death(this.monthDay(this.first)));
      this.hit('R1', this.paymentsOf(h, m), this.c.periods.slice(1));
      return;
    }
    this.out.deaths.push(death(this.monthDay(addMonths(this.first, -this.rng.int(1, 8)))));
    this.hit('R1', this.paymentsOf(h, m));
  }

  r1Miss(i: number): void {
    const h = this.household(this.rng.int(1, 3));
    const m = this.member(h);
    const inMonth = i % 2 === 0;
    const diedOn = inMonth ? this.monthDay(this.last) : this.monthDay(addMonths(this.last, 1));
    this.out.deaths.push({ name: m.name, idText: m.idNumber, diedOn, source: '殡葬火化' });
    this.miss('R1', m.idNumber, inMonth ? 'died in the last month paid' : 'died after the last month paid');
  }

  // R2: an official paid from public funds, in post during the period.
  r2(i: number): void {
    const h = this.household(this.rng.int(1, 2));
    const m = h.head;
    const category = PAID_CATEGORIES[i % PAID_CATEGORIES.length]!;
    const o = this.asOfficial(m, this.c.officials.ofCategory(category, h.village.township.county));
    o.startOn = dateBetween(this.rng, '2005-01-01', '2020-12-31');
    o.endOn = null;
    if (i % 4 === 3) o.endOn = lastDay(addMonths(this.last, 3));
    if (i === 1 && this.c.periods.length > 1) {
      // left during the second period: in post in the first two
      o.endOn = this.monthDay(this.c.periods[1]!, 5, 20);
      this.hit('R2', this.paymentsOf(h, m), this.c.periods.slice(0, 2));
      return;
    }
    this.hit('R2', this.paymentsOf(h, m));
  }

  r2Miss(i: number): void {
    const h = this.household(this.rng.int(1, 2));
    const m = h.head;
    const o = this.asOfficial(m, this.c.officials.ofCategory(PAID_CATEGORIES[i % PAID_CATEGORIES.length]!, h.village.township.county));
    if (i % 2 === 0) {
      o.startOn = dateBetween(this.rng, '2005-01-01', '2015-12-31');
      o.endOn = dateBetween(this.rng, '2018-01-01', this.before);
      this.miss('R2', m.idNumber, 'official who left before the period');
    } else {
      o.startOn = `${addMonths(this.last, 1)}-01`;
      o.endOn = null;
      this.miss('R2', m.idNumber, 'official who started after the period');
    }
  }

  // R3: a village cadre paid, or a relative of an official or cadre of the recipient's township or village.
  r3(i: number): void {
    const h = this.household(this.rng.int(1, 3));
    if (i % 2 === 0) {
      const m = h.head;
      const o = this.asOfficial(m, this.c.officials.villageCadre(h.village));
      o.startOn = dateBetween(this.rng, '2010-01-01', '2022-12-31');
      o.endOn = null;
      this.hit('R3', this.paymentsOf(h, m));
      return;
    }
    const m = this.member(h);
    const o = this.official(i % 4 === 1 ? this.c.officials.villageCadre(h.village) : this.c.officials.townshipStaff(h.village.township));
    this.relative(o, m);
    this.hit('R3', this.paymentsOf(h, m));
  }

  r3Miss(i: number): void {
    const h = this.household(this.rng.int(1, 3));
    if (i % 2 === 0) {
      const m = h.head;
      const o = this.asOfficial(m, this.c.officials.villageCadre(h.village));
      o.startOn = dateBetween(this.rng, '2008-01-01', '2015-12-31');
      o.endOn = dateBetween(this.rng, '2018-01-01', this.before);
      this.miss('R3', m.idNumber, 'village cadre who left before the period');
      return;
    }
    // a relative of a cadre of another county's village
    const m = this.member(h);
    const elsewhere = this.c.place.villages.filter((v) => v.township.county.code !== h.village.township.county.code && v.name !== h.village.name);
    const o = this.official(this.c.officials.villageCadre(this.rng.pick(elsewhere)));
    this.relative(o, m);
    this.miss('R3', m.idNumber, 'relative of a cadre in another county');
  }

  // R4: approved by the recipient or by one of the recipient's relatives.
  r4(i: number): void {
    if (i % 3 === 2) {
      // a village cadre approving their own payment: also R3
      const h = this.household(this.rng.int(1, 2));
      const m = h.head;
      const o = this.asOfficial(m, this.c.officials.villageCadre(h.village));
      o.startOn = dateBetween(this.rng, '2010-01-01', '2022-12-31');
      o.endOn = null;
      for (const p of this.paymentsOf(h, m)) p.approver = m;
      this.hit('R4', this.paymentsOf(h, m));
      this.hit('R3', this.paymentsOf(h, m));
      return;
    }
    // a county civil-affairs officer (no township, so not R3) approving a relative's household
    const h = this.household(this.rng.int(1, 3));
    const m = this.member(h);
    const approver = this.official(this.c.officials.countyBureau(h.village.township.county));
    this.relative(approver, m);
    for (const p of h.payments) p.approver = approver;
    this.hit('R4', this.paymentsOf(h, m));
  }

  // R5: the household owns a vehicle that counts as wealth.
  r5(i: number): void {
    const h = this.household(this.rng.int(2, 4));
    const owner = this.member(h);
    const registeredOn = i === 1 ? this.monthDay(this.first) : dateBetween(this.rng, '2012-01-01', this.before);
    const deregisteredOn = i % 4 === 2 ? this.monthDay(this.last, 2, 28) : null;
    this.out.vehicles.push(this.vehicle(owner, this.rng.pick(WEALTH_VEHICLE_TYPES), registeredOn, deregisteredOn));
    this.hit('R5', h.payments);
  }

  private vehicle(owner: Member, vehicleType: string, registeredOn: string, deregisteredOn: string | null): VehicleRecord {
    return { ownerName: owner.name, idNumber: owner.idNumber, plate: this.c.registries.plate(), vehicleType, registeredOn, deregisteredOn };
  }

  r5Miss(i: number): void {
    const h = this.household(this.rng.int(2, 4));
    const owner = this.member(h);
    const kind = i % 3;
    if (kind === 0) {
      const type = EXEMPT_VEHICLE_TYPES[Math.floor(i / 3) % EXEMPT_VEHICLE_TYPES.length]!;
      this.out.vehicles.push(this.vehicle(owner, type, dateBetween(this.rng, '2012-01-01', this.before), null));
      this.miss('R5', owner.idNumber, `vehicle of an exempt type (${type})`);
    } else if (kind === 1) {
      const registeredOn = dateBetween(this.rng, '2008-01-01', '2015-12-31');
      this.out.vehicles.push(this.vehicle(owner, '小型轿车', registeredOn, dateBetween(this.rng, '2016-01-01', this.before)));
      this.miss('R5', owner.idNumber, 'vehicle deregistered before the period');
    } else {
      this.out.vehicles.push(this.vehicle(owner, '小型轿车', this.monthDay(addMonths(this.last, 1)), null));
      this.miss('R5', owner.idNumber, 'vehicle registered after the period');
    }
  }

  // R6: the household owns commercial or office property, or two homes.
  r6(i: number): void {
    const h = this.household(this.rng.int(2, 4));
    const owner = this.member(h);
    const registries = this.c.registries;
    const at = (p: PropertyRecord): PropertyRecord => ({ ...p, registeredOn: dateBetween(this.rng, '2005-01-01', this.before) });
    if (i % 2 === 0) {
      this.out.properties.push(at(registries.property(owner, i % 4 === 0 ? '商业' : '办公')));
    } else {
      const home = at(registries.property(owner, '住宅'));
      let second = at(registries.property(owner, '住宅'));
      // homes count by location: the second must be another address
      while (second.location === home.location) second = at(registries.property(owner, '住宅'));
      this.out.properties.push(home, second);
    }
    this.hit('R6', h.payments);
  }

  r6Miss(i: number): void {
    const h = this.household(this.rng.int(2, 4));
    const owner = this.member(h);
    const use = ['住宅', '工业', '车库'][i % 3]!;
    this.out.properties.push({ ...this.c.registries.property(owner, use), registeredOn: dateBetween(this.rng, '2005-01-01', this.before) });
    this.miss('R6', owner.idNumber, `one property used as ${use}`);
  }

  // R7: a household member runs a business that is still registered.
  private business(person: Member, role: string, status: string, foundedOn: string): void {
    const county = person.county;
    const { company, creditCode } = this.c.registries.company(county.code, county.short);
    this.out.businesses.push({ company, creditCode, personName: person.name, idNumber: person.idNumber, role, capitalFen: this.rng.int(5, 200) * 10_000_00, foundedOn, status });
    // the company's other people
    const partner = this.c.people.person({ county, born: [1960, 1998] });
    const partnerRole = role === '法定代表人' ? '监事' : '法定代表人';
    this.out.businesses.push({ company, creditCode, personName: partner.name, idNumber: partner.idNumber, role: partnerRole, capitalFen: null, foundedOn, status });
  }

  r7(i: number): void {
    const h = this.household(this.rng.int(2, 4));
    const person = this.member(h);
    this.business(person, i % 2 === 0 ? '法定代表人' : '股东', '存续', i === 1 ? this.monthDay(this.first) : dateBetween(this.rng, '2010-01-01', this.before));
    this.hit('R7', h.payments);
  }

  r7Miss(i: number): void {
    const h = this.household(this.rng.int(2, 4));
    const person = this.member(h);
    const founded = dateBetween(this.rng, '2010-01-01', this.before);
    const kind = i % 4;
    if (kind === 0) this.business(person, '法定代表人', this.rng.pick(['注销', '吊销']), founded);
    else if (kind === 1) this.business(person, this.rng.pick(['监事', '高管']), '存续', founded);
    else if (kind === 2) this.business(person, '股东', '存续', this.monthDay(addMonths(this.last, 1)));
    else this.business(person, '法定代表人', '注销', founded);
    this.miss('R7', person.idNumber, ['closed business', 'supervisor or manager, not owner', 'business founded after the period', 'closed business'][kind]!);
  }

  // R8: the same payment written twice in one period.
  r8(): void {
    const h = this.household(this.rng.int(1, 3));
    const m = this.member(h);
    const p = this.paymentsOf(h, m).find((x) => x.program === PROGRAMS.dibao)!;
    // both rows together stay within the standard: only R8, whichever way R9 counts
    p.amountFen = Math.floor(this.c.households.ceilingFen(p.program, h.village.township.county.code) / 2 / 100) * 100;
    p.duplicateIn = this.rng.pick(this.c.periods);
    this.hit('R8', [p], [p.duplicateIn]);
  }

  // R9: paid above the standard for the program, county and period.
  r9(i: number): void {
    const h = this.household(this.rng.int(1, 3));
    const m = this.member(h);
    const county = h.village.township.county.code;
    if (i % 3 === 2) {
      const p: Payment = { program: PROGRAMS.relief, member: m, amountFen: this.c.households.topCeilingFen(PROGRAMS.relief, county) + this.rng.int(1, 20) * 10_000 };
      h.payments.push(p);
      this.hit('R9', [p]);
      return;
    }
    const p = this.paymentsOf(h, m).find((x) => x.program === PROGRAMS.dibao)!;
    p.amountFen = this.c.households.topCeilingFen(p.program, county) + this.rng.int(1, 30) * 1_000;
    this.hit('R9', [p]);
  }

  r9Miss(i: number): void {
    const h = this.household(this.rng.int(1, 3));
    const m = this.member(h);
    const p = this.paymentsOf(h, m).find((x) => x.program === PROGRAMS.dibao)!;
    const county = h.village.township.county.code;
    const ceiling = this.c.households.ceilingFen(p.program, county);
    const old = previousStandardFen(p.program, county, this.first);
    if (i % 2 === 1 && old !== null && old < ceiling) {
      p.amountFen = Math.min(ceiling, old + 1_000);
      this.miss('R9', m.idNumber, 'above the previous standard, within the one in force');
    } else {
      p.amountFen = ceiling;
      this.miss('R9', m.idNumber, 'exactly the standard');
    }
  }

  // R10: an account held by the approver or an official; or one account for three households.
  r10(i: number): void {
    if (i % 2 === 0) {
      const h = this.household(this.rng.int(1, 3));
      const m = this.member(h);
      let holder: Named = h.approver;
      if (i % 4 !== 0) {
        const o = this.official(this.c.officials.townshipStaff(h.village.township));
        while (o.name === m.name) this.c.people.rename(o);
        holder = o;
      }
      const account = this.c.households.account();
      for (const p of this.paymentsOf(h, m)) Object.assign(p, { holder, account });
      this.hit('R10', this.paymentsOf(h, m));
      return;
    }
    const village = this.rng.pick(this.c.place.villages);
    const account = this.c.households.account();
    const agent = this.c.people.person({ county: village.township.county, born: [1965, 1995] });
    const shared: Payment[] = [];
    for (let k = 0; k < 3 + (i % 3 === 1 ? 1 : 0); k++) {
      const h = this.household(this.rng.int(1, 3), village);
      const p = this.paymentsOf(h, this.member(h)).find((x) => x.program === PROGRAMS.dibao)!;
      Object.assign(p, { account, holder: agent });
      shared.push(p);
    }
    this.hit('R10', shared);
  }

  r10Miss(i: number): void {
    if (i % 2 === 0) {
      // one household paid into the head's account: a family's habit, not an anomaly
      const h = this.household(this.rng.int(3, 5));
      for (const p of h.payments) Object.assign(p, { account: h.head.account, holder: h.head });
      this.out.holdersNotOfficials.push(h.head);
      this.miss('R10', h.head.idNumber, 'household sharing one account');
      return;
    }
    const village = this.rng.pick(this.c.place.villages);
    const account = this.c.households.account();
    const holder = this.c.people.person({ county: village.township.county, born: [1965, 1995] });
    this.out.holdersNotOfficials.push(holder);
    for (let k = 0; k < 2; k++) {
      const h = this.household(1, village);
      Object.assign(h.payments[0]!, { account, holder });
      this.miss('R10', h.head.idNumber, 'account shared by two households only');
    }
  }

  // R11: an ID number whose check character or birth date is wrong.
  r11(i: number): void {
    const h = this.household(this.rng.int(2, 3));
    const m = this.member(h, true);
    const typo = [wrongCheckCharacter, impossibleBirthDate, oneDigitTypo][i % 3]!(this.rng, m.idNumber);
    for (const p of this.paymentsOf(h, m)) p.idText = i % 5 === 4 ? ` ${typo.toLowerCase()}` : typo;
    this.hit('R11', this.paymentsOf(h, m));
  }

  // R12: a recipient whose ID number is one digit or one swap away from a dead person's of the same name.
  r12(i: number): void {
    const h = this.household(2);
    const m = h.members[1]!;
    const diedOn = this.monthDay(addMonths(this.first, -this.rng.int(2, 12)));
    if (i % 4 === 3) {
      // the death registry holds the typo; the recipient's number is right
      const typo = i % 8 === 3 ? swapTypo(this.rng, m.idNumber) : oneDigitTypo(this.rng, m.idNumber);
      this.out.deaths.push({ name: m.name, idText: typo, diedOn, source: '医学死亡证明' });
      this.hit('R12', this.paymentsOf(h, m));
      return;
    }
    const typo = i % 2 === 0 ? oneDigitTypo(this.rng, m.idNumber) : swapTypo(this.rng, m.idNumber);
    this.out.deaths.push({ name: m.name, idText: m.idNumber, diedOn, source: '公安户籍注销' });
    for (const p of this.paymentsOf(h, m)) p.idText = typo;
    this.hit('R12', this.paymentsOf(h, m));
    this.hit('R11', this.paymentsOf(h, m));
  }

  r12Miss(i: number): void {
    const h = this.household(2);
    const m = h.members[1]!;
    const kind = i % 3;
    let typo: string;
    if (kind === 0) {
      // same name, but two digits apart
      typo = twoDigitTypo(this.rng, m.idNumber);
      this.out.deaths.push({ name: m.name, idText: m.idNumber, diedOn: this.monthDay(addMonths(this.first, -3)), source: '公安户籍注销' });
      this.miss('R12', typo, 'same name, ID number two digits apart');
    } else if (kind === 1) {
      // one digit apart, another name
      typo = oneDigitTypo(this.rng, m.idNumber);
      const other = this.c.people.person({ county: m.county, born: [1940, 1990] });
      this.out.deaths.push({ name: other.name === m.name ? `${other.name}华` : other.name, idText: m.idNumber, diedOn: this.monthDay(addMonths(this.first, -3)), source: '公安户籍注销' });
      this.miss('R12', typo, 'ID number one digit apart, another name');
    } else {
      // a near match who died in the last month paid
      typo = oneDigitTypo(this.rng, m.idNumber);
      this.out.deaths.push({ name: m.name, idText: m.idNumber, diedOn: this.monthDay(this.last), source: '殡葬火化' });
      this.miss('R12', typo, 'near match who died in the last month paid');
    }
    // the typo itself is an invalid ID number
    for (const p of this.paymentsOf(h, m)) p.idText = typo;
    this.hit('R11', this.paymentsOf(h, m));
  }
}

/** `perRule` cases of every rule and about half as many near-misses of each. */
export function plantCases(c: PlantContext, perRule: number): Planted {
  const planter = new Planter(c);
  const misses = Math.max(2, Math.ceil(perRule / 2));
  for (let i = 0; i < perRule; i++) {
    planter.r1(i);
    planter.r2(i);
    planter.r3(i);
    planter.r4(i);
    planter.r5(i);
    planter.r6(i);
    planter.r7(i);
    planter.r8();
    planter.r9(i);
    planter.r10(i);
    planter.r11(i);
    planter.r12(i);
  }
  for (let i = 0; i < misses; i++) {
    planter.r1Miss(i);
    planter.r2Miss(i);
    planter.r3Miss(i);
    planter.r5Miss(i);
    planter.r6Miss(i);
    planter.r7Miss(i);
    planter.r9Miss(i);
    planter.r10Miss(i);
    planter.r12Miss(i);
  }
  // R5–R7 near-misses of every kind however few cases are asked for
  for (let i = misses; i < 4; i++) {
    planter.r5Miss(i);
    planter.r7Miss(i);
  }
  return planter.out;
}
