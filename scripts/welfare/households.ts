/**
 * Households receiving payments: a head and members (the relation each bears to the head), the
 * programs each is paid from, every amount within the standard of every period generated, each
 * recipient paid into their own account in their own name and approved by the township's
 * civil-affairs officer. Planted cases change a household's payments afterwards.
 */
import type { Rng } from '../demo/random';
import type { Official } from './officials';
import type { People, Person } from './people';
import { PROGRAMS, standardFen, type Prefecture, type Village } from './prefecture';

export interface Member extends Person {
  /** to the head: 本人, 配偶, 子女 … */
  relation: string;
  account: string;
}

export interface Named {
  name: string;
}

export interface Approver extends Named {
  idNumber: string;
}

export interface Payment {
  program: string;
  member: Member;
  amountFen: number;
  /** the ID number as the clerk wrote it, when it is not the member's (a typo) */
  idText?: string;
  account?: string;
  /** whose name the account is in; the member when absent */
  holder?: Named;
  approver?: Approver;
  /** a period in which the row is written twice */
  duplicateIn?: string;
}

export interface Household {
  village: Village;
  head: Member;
  members: Member[];
  payments: Payment[];
  approver: Approver;
}

export type HouseholdKind = 'dibao' | 'tekun' | 'farm' | 'ranger' | 'relief' | 'industry';

const KIND_WEIGHTS: readonly (readonly [HouseholdKind, number])[] = [
  ['dibao', 38],
  ['tekun', 6],
  ['farm', 40],
  ['ranger', 8],
  ['relief', 4],
  ['industry', 4],
];

/** The last data year of the month generated: nobody in a household is born after it. */
const LAST_BIRTH_YEAR = 2024;

export class HouseholdMaker {
  private accounts = 0;
  private readonly ceilings = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly people: People,
    private readonly place: Prefecture,
    private readonly approvers: ReadonlyMap<string, Official>,
    private readonly periods: readonly string[],
  ) {}

  /** A bank card number (一卡通), unique in the month, with a Luhn check digit. */
  account(): string {
    const serial = (this.accounts++ * 7_919 + 1_234_567) % 100_000_000_000;
    const body = `621790${String(serial).padStart(11, '0')}`;
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return body + String((10 - (sum % 10)) % 10);
  }

  /** The lowest ceiling of a program in a county over the periods generated: background amounts stay under it. */
  ceilingFen(program: string, countyCode: string): number {
    const key = `${program}|${countyCode}`;
    let fen = this.ceilings.get(key);
    if (fen === undefined) {
      fen = Math.min(...this.periods.map((p) => standardFen(program, countyCode, p)));
      this.ceilings.set(key, fen);
    }
    return fen;
  }

  /** The highest ceiling over the periods: an amount above it is over the standard in every period. */
  topCeilingFen(program: string, countyCode: string): number {
    return Math.max(...this.periods.map((p) => standardFen(program, countyCode, p)));
  }

  private member(village: Village, relation: string, born: readonly [number, number], surname?: string): Member {
    const approver = this.approvers.get(village.township.code)!;
    const person = this.people.person({ county: village.township.county, born, surname });
    // a recipient never shares the name of the officer approving the payment: no accidental "approved by oneself"
    while (person.name === approver.name) this.people.rename(person);
    return Object.assign(person, { relation, account: this.account() });
  }

  private amount(program: string, village: Village, fromFen: number, step: number): number {
    const ceiling = this.ceilingFen(program, village.township.county.code);
    const low = Math.min(fromFen, ceiling);
    return Math.floor(this.rng.int(low, ceiling) / step) * step;
  }

  /** An amount within the ceiling, typical of the program. */
  amountFor(program: string, village: Village): number {
    switch (program) {
      case PROGRAMS.dibao:
        return this.amount(program, village, 20_000, this.rng.chance(0.9) ? 100 : 50);
      case PROGRAMS.tekun:
        return this.amount(program, village, 60_000, 100);
      case PROGRAMS.relief:
        return this.amount(program, village, 50_000, 10_000);
      case PROGRAMS.farmland:
        return this.amount(program, village, 6_000, 1);
      case PROGRAMS.ranger:
        return Math.min(83_333, this.ceilingFen(program, village.township.county.code));
      default:
        return this.amount(program, village, 100_000, 50_000);
    }
  }

  private family(village: Village, size: number): Member[] {
    const rng = this.rng;
    const head = this.member(village, '本人', [1941, 2000]);
    const members = [head];
    const year = head.birth.year;
    if (members.length < size && year <= 1998) {
      const spouse = this.member(village, '配偶', [Math.max(1936, year - 5), Math.min(2000, year + 5)]);
      members.push(spouse);
    }
    if (members.length < size && year >= 1946 && rng.chance(0.25)) {
      members.push(this.member(village, '父母', [Math.max(1926, year - 35), year - 20], head.surname));
    }
    while (members.length < size && year + 20 <= LAST_BIRTH_YEAR - 1) {
      members.push(this.member(village, '子女', [year + 20, Math.min(LAST_BIRTH_YEAR, year + 40)], head.surname));
    }
    return members;
  }

  /** A household in `village` (else anywhere) of `kind` (else by the usual mix). */
  make(kind: HouseholdKind = this.rng.weighted(KIND_WEIGHTS), options: { village?: Village; size?: number } = {}): Household {
    const rng = this.rng;
    const village = options.village ?? rng.pick(this.place.villages);
    const approver = this.approvers.get(village.township.code)!;
    const pay = (program: string, member: Member): Payment => ({ program, member, amountFen: this.amountFor(program, village) });
    let members: Member[];
    let payments: Payment[];
    switch (kind) {
      case 'dibao': {
        members = this.family(village, options.size ?? rng.weighted([[1, 3], [2, 4], [3, 4], [4, 3], [5, 1]]));
        payments = members.map((m) => pay(PROGRAMS.dibao, m));
        if (rng.chance(0.5)) payments.push(pay(PROGRAMS.farmland, members[0]!));
        break;
      }
      case 'tekun':
        members = [this.member(village, '本人', [1930, 1965])];
        payments = [pay(PROGRAMS.tekun, members[0]!)];
        break;
      case 'ranger': {
        members = this.family(village, 2);
        payments = [pay(PROGRAMS.ranger, rng.pick(members)), pay(PROGRAMS.farmland, members[0]!)];
        break;
      }
      default: {
        members = [this.member(village, '本人', [1945, 1995])];
        const program = kind === 'farm' ? PROGRAMS.farmland : kind === 'relief' ? PROGRAMS.relief : PROGRAMS.industry;
        payments = [pay(program, members[0]!)];
      }
    }
    return { village, head: members[0]!, members, payments, approver };
  }
}

/** Rows a household has in one period. */
export function rowsPerPeriod(household: Household, period: string): number {
  return household.payments.reduce((n, p) => n + (p.duplicateIn === period ? 2 : 1), 0);
}
