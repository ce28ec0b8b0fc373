import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgUnits } from './registry';

/** A role: a named set of permissions from the fixed list. */
export const roles = sqliteTable(
  'roles',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    builtin: integer('builtin', { mode: 'boolean' }).notNull(),
    /** JSON array of permission names */
    permissions: text('permissions').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('roles_code').on(t.code)],
);

/**
 * An account. Never deleted, only disabled, so that the audit trail's actors stay resolvable.
 * Its password lives nowhere here: it unwraps the user's key slot beside the database.
 */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    roleId: text('role_id')
      .notNull()
      .references(() => roles.id),
    disabled: integer('disabled', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_username').on(t.username), index('users_unit').on(t.unitId)],
);
