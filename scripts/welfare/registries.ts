/**
 * The registries the payments are compared with, as records before they are written: deaths,
 * officials' relatives, vehicles, real estate and business roles. Background records are about
 * people who receive nothing, so only planted cases join them to a recipient.
 */
import type { Rng } from '../demo/random';
import { creditCode } from './ids';
import type { Official } from './officials';
import { dateBetween, type People } from './people';
import type { Prefecture } from './prefecture';

export interface DeathRecord {
  name: string;
  /** as written: a valid number, or the typo a registry clerk made */
  idText: string;
  diedOn: string;
  source: string;
}

export interface RelativeRecord {
  officialId: string;
  name: string;
  idNumber: string | null;
  relation: string;
}

export interface VehicleRecord {
  ownerName: string;
  idNumber: string;
  plate: string;
  vehicleType: string;
  registeredOn: string;
  deregisteredOn: string | null;
}

export interface PropertyRecord {
  ownerName: string;
  idNumber: string;
  location: string;
  use: string;
  areaM2: number;
  registeredOn: string;
}

export interface BusinessRecord {
  company: string;
  creditCode: string;
  personName: string;
  idNumber: string;
  role: string;
  capitalFen: number | null;
  foundedOn: string | null;
  status: string | null;
}

export const EXEMPT_VEHICLE_TYPES = ['残疾人专用车', '摩托车', '拖拉机', '三轮汽车'] as const;
export const WEALTH_VEHICLE_TYPES = ['小型轿车', '小型普通客车', '轻型货车', '小型越野客车', '中型普通客车'] as const;
const VEHICLE_TYPES: readonly (readonly [string, number])[] = [
  ['小型轿车', 38],
  ['小型普通客车', 14],
  ['轻型货车', 12],
  ['小型越野客车', 4],
  ['摩托车', 20],
  ['三轮汽车', 4],
  ['拖拉机', 5],
  ['残疾人专用车', 1],
  ['重型半挂牵引车', 2],
];
const PROPERTY_USES: readonly (readonly [string, number])[] = [
  ['住宅', 78],
  ['商业', 9],
  ['办公', 3],
  ['工业', 3],
  ['车库', 5],
  ['仓储', 2],
];
export const RELATIONS = ['配偶', '子女', '父母', '兄弟姐妹', '配偶父母', '子女配偶', '祖父母', '外祖父母', '孙子女', '外孙子女', '其他'] as const;
const RELATION_WEIGHTS: readonly (readonly [string, number])[] = [
  ['配偶', 22], ['子女', 24], ['父母', 20], ['兄弟姐妹', 14], ['配偶父母', 10], ['子女配偶', 3], ['祖父母', 1], ['外祖父母', 1], ['孙子女', 2], ['外孙子女', 1], ['其他', 2],
];
const DEATH_SOURCES = ['公安户籍注销', '殡葬火化', '医学死亡证明'] as const;
const ROADS = ['新华路', '长水路', '福慧路', '民主路', '香格里大道', '玉河路', '文化巷', '兴仁路', '金山路', '象山路'] as const;
const TRADES = ['商贸有限公司', '农业开发有限公司', '旅游文化有限公司', '建筑工程有限公司', '餐饮管理有限公司', '种植专业合作社', '运输有限公司', '民宿管理有限公司'] as const;
const TRADE_WORDS = ['金沙', '玉龙', '雪山', '古城', '丽水', '云杉', '高原', '彩云', '泸沽', '程海', '鑫源', '宏达', '永盛', '华瑞', '东巴', '纳西'] as const;
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** Background registry records, each about a person seen nowhere else. */
export class RegistryMaker {
  private plates = 0;
  private companies = 0;

  constructor(
    private readonly rng: Rng,
    private readonly people: People,
    private readonly place: Prefecture,
    private readonly lastDay: string,
  ) {}

  private county() {
    return this.rng.pick(this.place.counties);
  }

  death(): DeathRecord {
    const person = this.people.person({ county: this.county(), born: this.rng.chance(0.85) ? [1922, 1960] : [1961, 2010] });
    return { name: person.name, idText: person.idNumber, diedOn: dateBetween(this.rng, '2019-01-01', this.lastDay), source: this.rng.pick(DEATH_SOURCES) };
  }

  relative(official: Official): RelativeRecord {
    const relation = this.rng.weighted(RELATION_WEIGHTS);
    const person = this.people.person({ county: this.rng.chance(0.85) ? official.county : this.county(), born: [1935, 2015] });
    return { officialId: official.idNumber, name: person.name, idNumber: this.rng.chance(0.88) ? person.idNumber : null, relation };
  }

  plate(): string {
    // the city's prefix and five characters from a scrambled counter: no two vehicles share one
    let n = (this.plates++ * 9_973 + 104_729) % PLATE_CHARS.length ** 5;
    let tail = '';
    for (let i = 0; i < 5; i++) {
      tail = PLATE_CHARS[n % PLATE_CHARS.length]! + tail;
      n = Math.floor(n / PLATE_CHARS.length);
    }
    return `云P${tail}`;
  }

  /** One owner's vehicles (usually one, some own two). */
  vehicles(): VehicleRecord[] {
    const owner = this.people.person({ county: this.county(), born: [1950, 2004] });
    return Array.from({ length: this.rng.chance(0.15) ? 2 : 1 }, () => {
      const registeredOn = dateBetween(this.rng, '2005-01-01', this.lastDay);
      return {
        ownerName: owner.name,
        idNumber: owner.idNumber,
        plate: this.plate(),
        vehicleType: this.rng.weighted(VEHICLE_TYPES),
        registeredOn,
        deregisteredOn: this.rng.chance(0.1) ? dateBetween(this.rng, registeredOn, this.lastDay) : null,
      };
    });
  }

  location(countyShort: string): string {
    return `${countyShort}${this.rng.pick(ROADS)}${this.rng.int(1, 999)}号${this.rng.chance(0.6) ? `${this.rng.int(1, 30)}幢${this.rng.int(1, 30)}0${this.rng.int(1, 6)}室` : ''}`;
  }

  property(owner: { name: string; idNumber: string; county: { short: string } }, use: string): PropertyRecord {
    return {
      ownerName: owner.name,
      idNumber: owner.idNumber,
      location: this.location(owner.county.short),
      use,
      areaM2: this.rng.int(300, 3000) / 10,
      registeredOn: dateBetween(this.rng, '2000-01-01', this.lastDay),
    };
  }

  /** One owner's properties (some own two or three). */
  properties(): PropertyRecord[] {
    const owner = this.people.person({ county: this.county(), born: [1945, 2004] });
    const count = this.rng.weighted([[1, 75], [2, 20], [3, 5]]);
    return Array.from({ length: count }, () => this.property(owner, this.rng.weighted(PROPERTY_USES)));
  }

  company(countyCode: string, countyShort: string): { company: string; creditCode: string } {
    const serial = this.companies++;
    return {
      company: `${countyShort.replace(/[区县]$/, '')}${this.rng.sample(TRADE_WORDS, 2).join('')}${TRADES[serial % TRADES.length]}`,
      creditCode: creditCode(countyCode, serial),
    };
  }

  /** One company's registered people: a legal representative, and shareholders, a supervisor or managers. */
  business(): BusinessRecord[] {
    const county = this.county();
    const { company, creditCode: code } = this.company(county.code, county.short);
    const foundedOn = dateBetween(this.rng, '2005-01-01', this.lastDay);
    const status = this.rng.weighted([['存续', 80], ['注销', 14], ['吊销', 6]]);
    const capitalFen = this.rng.int(1, 500) * 10_000_00;
    const roles = ['法定代表人', ...Array.from({ length: this.rng.int(0, 3) }, () => this.rng.weighted([['股东', 5], ['监事', 2], ['高管', 2]]))];
    return roles.map((role, i) => {
      const person = this.people.person({ county, born: [1955, 2002] });
      return { company, creditCode: code, personName: person.name, idNumber: person.idNumber, role, capitalFen: i === 0 || this.rng.chance(0.5) ? capitalFen : null, foundedOn, status };
    });
  }
}
