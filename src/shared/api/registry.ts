import { z } from 'zod';
import { optionalText, text } from './fields';
import { procedure } from './procedure';

export const UNIT_KINDS = ['city', 'county', 'township', 'village', 'department', 'resident_group'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const RANKS = ['正厅', '副厅', '正处', '副处', '正科', '副科', '科员'] as const;
export const CATEGORIES = ['公务员', '参公人员', '事业编制', '国企管理人员', '村(社区)干部', '其他财政供养', '其他'] as const;
export const KIN_RELATIONS = [
  '配偶', '子女', '父母', '兄弟姐妹', '配偶父母', '子女配偶', '祖父母', '外祖父母', '孙子女', '外孙子女', '其他',
] as const;
export type KinRelation = (typeof KIN_RELATIONS)[number];

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  /** people whose unit is this one (not counting descendants) */
  peopleCount: number;
}

export interface Person {
  id: string;
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string;
  unitId: string | null;
  unitName: string | null;
  position: string | null;
  rank: string | null;
  category: string | null;
  phone: string | null;
  updatedAt: string;
}

export interface KinLink {
  id: string;
  /** the relative, seen from the person the detail is about */
  relative: { id: string; name: string; idNumber: string };
  /** what the relative is to the person (配偶, 父母 …) */
  relation: KinRelation;
}

export interface PersonDetail extends Person {
  /** unit names from the root down to the person's unit */
  unitPath: string[];
  kin: KinLink[];
  /** relatives the caller may not see (outside their unit scope): counted, never shown */
  kinOutOfScope: number;
}

export interface RejectedRow {
  /** 1-based row number in the file, the header being row 1 */
  row: number;
  field: string;
  reason: string;
  /** i18n key of the reason, with `details` to interpolate */
  reasonKey: string;
  details?: Record<string, string>;
}

export interface PeopleImportReport {
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}


export const personFields = z.object({
  name: text(50),
  idNumber: z.string().trim().min(15).max(30),
  unitId: z.string().min(1).nullish().transform((v) => v ?? null),
  position: optionalText(100),
  rank: optionalText(20),
  category: optionalText(30),
  phone: optionalText(30),
});
export type PersonFields = z.input<typeof personFields>;

export const units = {
  list: procedure<OrgUnit[]>()({
    name: 'units.list',
    input: z.object({}).default({}),
    permission: 'registry.read',
    mutates: false,
  }),
  create: procedure<OrgUnit>()({
    name: 'units.create',
    input: z.object({
      code: z.string().trim().regex(/^[0-9A-Za-z-]{2,32}$/),
      name: text(100),
      kind: z.enum(UNIT_KINDS),
      parentId: z.string().min(1).nullable(),
    }),
    permission: 'registry.write',
    mutates: true,
  }),
  update: procedure<OrgUnit>()({
    name: 'units.update',
    input: z.object({ id: z.string().min(1), name: text(100).optional(), parentId: z.string().min(1).nullable().optional() }),
    permission: 'registry.write',
    mutates: true,
  }),
};

export const people = {
  search: procedure<{ rows: Person[]; total: number }>()({
    name: 'people.search',
    input: z
      .object({
        /** name, pinyin initials (zs), full pinyin (zhangsan) or the start of an ID number */
        query: z.string().trim().max(50).default(''),
        unitId: z.string().min(1).nullish(),
        /** with unitId: include the people of every unit below it */
        descendants: z.boolean().default(true),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .default({ query: '', descendants: true, limit: 50, offset: 0 }),
    permission: 'registry.read',
    mutates: false,
  }),
  get: procedure<PersonDetail>()({
    name: 'people.get',
    input: z.object({ id: z.string().min(1) }),
    permission: 'registry.read',
    mutates: false,
  }),
  create: procedure<Person>()({
    name: 'people.create',
    input: personFields,
    permission: 'registry.write',
    mutates: true,
  }),
  update: procedure<Person>()({
    name: 'people.update',
    input: z.object({ id: z.string().min(1), fields: personFields }),
    permission: 'registry.write',
    mutates: true,
  }),
  linkKin: procedure<KinLink>()({
    name: 'people.linkKin',
    input: z.object({ personId: z.string().min(1), relativeId: z.string().min(1), relation: z.enum(KIN_RELATIONS) }),
    permission: 'registry.write',
    mutates: true,
  }),
  unlinkKin: procedure<{ removed: boolean }>()({
    name: 'people.unlinkKin',
    input: z.object({ linkId: z.string().min(1) }),
    permission: 'registry.write',
    mutates: true,
  }),
  import: procedure<PeopleImportReport>()({
    name: 'people.import',
    input: z.object({
      fileName: z.string().trim().min(1).max(255),
      /** the file's bytes, base64; CSV (UTF-8 or GB18030) or XLSX */
      contentBase64: z.string().max(70_000_000),
      sheet: z.string().trim().min(1).max(100).optional(),
    }),
    permission: 'registry.import',
    mutates: true,
  }),
};
