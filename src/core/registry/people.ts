import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { newId } from '../api/ids';
import type { KinLink, KinRelation, Person, PersonDetail } from '../../shared/api/registry';
import { AppError } from '../api/errors';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { kinship, orgUnits, people } from '../db/schema';
import { parseIdNumber } from './id-number';
import { normalizeName } from './names';
import { pinyinKeys } from './pinyin';
import { requireUnit, unitAndDescendants, unitPath } from './units';
import { inScope, type Scope } from '../api/caller';
import { requireInScope, scopeCondition } from '../auth/scope';

const personColumns = {
  id: people.id,
  name: people.name,
  idNumber: people.idNumber,
  gender: people.gender,
  birthDate: people.birthDate,
  unitId: people.unitId,
  unitName: orgUnits.name,
  position: people.position,
  rank: people.rank,
  category: people.category,
  phone: people.phone,
  updatedAt: people.updatedAt,
};

/** What a search box text means: an ID number prefix, pinyin, or part of a name. */
function queryCondition(query: string): SQL | undefined {
  if (query === '') return undefined;
  const escaped = query.replace(/[\\%_]/g, (c) => `\\${c}`);
  if (/^[0-9xX]+$/.test(query)) return sql`${people.idNumber} LIKE ${`${escaped.toUpperCase()}%`} ESCAPE '\\'`;
  if (/^[a-zA-Z]+$/.test(query)) {
    const lower = `${escaped.toLowerCase()}%`;
    return or(like(people.nameInitials, lower), like(people.namePinyin, lower));
  }
  return sql`${people.name} LIKE ${`%${escaped}%`} ESCAPE '\\'`;
}

export function searchPeople(
  db: Db,
  scope: Scope,
  input: { query: string; unitId?: string | null | undefined; descendants: boolean; limit: number; offset: number },
): { rows: Person[]; total: number } {
  const conditions: SQL[] = [];
  const byScope = scopeCondition(scope, people.unitId);
  if (byScope) conditions.push(byScope);
  const byQuery = queryCondition(input.query);
  if (byQuery) conditions.push(byQuery);
  if (input.unitId) {
    requireUnit(db, input.unitId);
    conditions.push(input.descendants ? inArray(people.unitId, unitAndDescendants(db, input.unitId)) : eq(people.unitId, input.unitId));
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = db
    .select(personColumns)
    .from(people)
    .leftJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(where)
    .orderBy(asc(people.namePinyin), asc(people.idNumber))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(people).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** A person in the caller's scope; one outside it is as not found (nothing revealed). */
export function getPerson(db: Db, id: string, scope: Scope): Person {
  const person = db.select(personColumns).from(people).leftJoin(orgUnits, eq(orgUnits.id, people.unitId)).where(eq(people.id, id)).get();
  if (!person || !inScope(scope, person.unitId)) throw new AppError('NOT_FOUND', { person: id });
  return person;
}

/** What `relation` (relative to person) is seen from the relative's side. */
const INVERSE: Record<KinRelation, KinRelation> = {
  配偶: '配偶',
  子女: '父母',
  父母: '子女',
  兄弟姐妹: '兄弟姐妹',
  配偶父母: '子女配偶',
  子女配偶: '配偶父母',
  祖父母: '孙子女',
  孙子女: '祖父母',
  外祖父母: '外孙子女',
  外孙子女: '外祖父母',
  其他: '其他',
};

/** The links where the person stands on `side`; the relative is the other column. */
type KinRow = Omit<KinLink, 'relative'> & { relative: KinLink['relative'] & { unitId: string | null } };

function kinFrom(db: Db, personId: string, side: 'person' | 'relative'): KinRow[] {
  const relative = alias(people, 'relative');
  const [own, other] = side === 'person' ? [kinship.personId, kinship.relativeId] : [kinship.relativeId, kinship.personId];
  return db
    .select({ id: kinship.id, relation: kinship.relation, rid: relative.id, rname: relative.name, rnum: relative.idNumber, runit: relative.unitId })
    .from(kinship)
    .innerJoin(relative, eq(relative.id, other))
    .where(eq(own, personId))
    .all()
    .map((r) => ({
      id: r.id,
      relation: side === 'person' ? r.relation : INVERSE[r.relation],
      relative: { id: r.rid, name: r.rname, idNumber: r.rnum, unitId: r.runit },
    }));
}

/** Kin inside the caller's scope, and how many more there are outside it. */
function kinOf(db: Db, personId: string, scope: Scope): { kin: KinLink[]; kinOutOfScope: number } {
  const all = [...kinFrom(db, personId, 'person'), ...kinFrom(db, personId, 'relative')];
  const kin = all.filter((link) => inScope(scope, link.relative.unitId));
  return { kin: kin.map(({ relative: { unitId: _unitId, ...relative }, ...link }) => ({ ...link, relative })), kinOutOfScope: all.length - kin.length };
}

export function getPersonDetail(db: Db, id: string, scope: Scope): PersonDetail {
  const person = getPerson(db, id, scope);
  return { ...person, unitPath: unitPath(db, person.unitId), ...kinOf(db, id, scope) };
}

export interface PersonInput {
  name: string;
  idNumber: string;
  unitId: string | null;
  position: string | null;
  rank: string | null;
  category: string | null;
  phone: string | null;
}

/** The stored form of a person's fields: a valid 18-digit ID and what it tells, pinyin keys. */
export function personRow(input: PersonInput) {
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.valid) throw new AppError('ID_NUMBER_INVALID', { idNumber: parsed.idNumber, problem: parsed.problem });
  const name = normalizeName(input.name);
  const keys = pinyinKeys(name);
  return {
    name,
    nameInitials: keys.initials,
    namePinyin: keys.full,
    idNumber: parsed.idNumber,
    gender: parsed.gender,
    birthDate: parsed.birthDate,
    unitId: input.unitId,
    position: input.position,
    rank: input.rank,
    category: input.category,
    phone: input.phone,
  };
}

export function findPersonByIdNumber(db: Db, idNumber: string): { id: string } | undefined {
  return db.select({ id: people.id }).from(people).where(eq(people.idNumber, idNumber)).get();
}

export function createPerson(w: Writer, input: PersonInput, now: Date, scope: Scope = { all: true }): string {
  const row = personRow(input);
  if (row.unitId) requireUnit(w.db, row.unitId);
  requireInScope(scope, row.unitId);
  if (findPersonByIdNumber(w.db, row.idNumber)) throw new AppError('ID_NUMBER_TAKEN', { idNumber: row.idNumber });
  const id = newId();
  const at = shanghaiTimestamp(now);
  w.insert(people, { id, ...row, createdAt: at, updatedAt: at });
  return id;
}

/** Applies the fields; returns whether anything changed. */
export function updatePerson(w: Writer, id: string, input: PersonInput, now: Date, scope: Scope): boolean {
  getPerson(w.db, id, scope);
  const row = personRow(input);
  if (row.unitId) requireUnit(w.db, row.unitId);
  requireInScope(scope, row.unitId);
  const holder = findPersonByIdNumber(w.db, row.idNumber);
  if (holder && holder.id !== id) throw new AppError('ID_NUMBER_TAKEN', { idNumber: row.idNumber });
  return w.update(people, id, row, { updatedAt: shanghaiTimestamp(now) }).length > 0;
}

export function linkKin(w: Writer, personId: string, relativeId: string, relation: KinRelation, now: Date, scope: Scope = { all: true }): KinLink {
  if (personId === relativeId) throw new AppError('KIN_SELF', {});
  getPerson(w.db, personId, scope);
  const relative = getPerson(w.db, relativeId, scope);
  const existing = w.db
    .select({ id: kinship.id })
    .from(kinship)
    .where(
      or(
        and(eq(kinship.personId, personId), eq(kinship.relativeId, relativeId)),
        and(eq(kinship.personId, relativeId), eq(kinship.relativeId, personId)),
      ),
    )
    .get();
  if (existing) throw new AppError('CONFLICT', { kin: existing.id });
  const id = newId();
  w.insert(kinship, { id, personId, relativeId, relation, createdAt: shanghaiTimestamp(now) });
  return { id, relation, relative: { id: relative.id, name: relative.name, idNumber: relative.idNumber } };
}
