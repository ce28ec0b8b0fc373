import { index, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { KIN_RELATIONS, UNIT_KINDS } from '../../../shared/api/registry';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const orgUnits = sqliteTable(
  'org_units',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    parentId: text('parent_id').references((): AnySQLiteColumn => orgUnits.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('org_units_code').on(t.code), index('org_units_parent').on(t.parentId)],
);

export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** pinyin initials and full pinyin of the name, lower case, for search */
    nameInitials: text('name_initials').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    /** always a valid 18-digit number: the registry refuses invalid ones */
    idNumber: text('id_number').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    unitId: text('unit_id').references(() => orgUnits.id),
    position: text('position'),
    rank: text('rank'),
    category: text('category'),
    phone: text('phone'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('people_id_number').on(t.idNumber),
    index('people_unit').on(t.unitId),
    index('people_initials').on(t.nameInitials),
    index('people_pinyin').on(t.namePinyin),
    index('people_name').on(t.name),
  ],
);

/** A kinship link: `relative` is `relation` to `person` (配偶, 父母 …). Shown from both sides. */
export const kinship = sqliteTable(
  'kinship',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    relativeId: text('relative_id')
      .notNull()
      .references(() => people.id),
    relation: text('relation', { enum: KIN_RELATIONS }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('kinship_pair').on(t.personId, t.relativeId), index('kinship_relative').on(t.relativeId)],
);
