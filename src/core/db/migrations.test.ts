import fs from 'node:fs';
import path from 'node:path';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../paths';
import { testCore } from '../testing/fixtures';
import Database from 'better-sqlite3';
import { loadMigrations, migrate } from './migrate';
import * as schema from './schema';
import { schemaBreaks, type Snapshot } from './schema-guard';

function snapshots(): Snapshot[] {
  return loadMigrations(MIGRATIONS_DIR).map((m) => {
    const prefix = m.tag.split('_')[0]!;
    return JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', `${prefix}_snapshot.json`), 'utf8')) as Snapshot;
  });
}

describe('migrations', () => {
  it('only ever add to what has shipped', () => {
    const all = snapshots();
    for (let i = 1; i < all.length; i++) expect(schemaBreaks(all[i - 1]!, all[i]!), `migration ${i + 1}`).toEqual([]);
  });

  it('cover the drizzle schema: nothing in src/core/db/schema is left ungenerated', async () => {
    const latest = snapshots().at(-1)!;
    const current = await generateSQLiteDrizzleJson(schema as unknown as Record<string, unknown>);
    const pending = await generateSQLiteMigration(latest as never, current);
    expect(pending, 'run `npm run db:generate` and commit the migration').toEqual([]);
  });

  it('build the tables and columns the latest snapshot describes', async () => {
    const { core } = await testCore();
    const { sqlite } = core.database;
    for (const [tableName, table] of Object.entries(snapshots().at(-1)!.tables)) {
      const columns = sqlite.pragma(`table_info(${tableName})`) as { name: string; type: string; notnull: number }[];
      expect(columns.map((c) => c.name).sort(), tableName).toEqual(Object.keys(table.columns).sort());
    }
  });

  it('guard: removing, retyping or tightening a shipped column is caught', () => {
    const older: Snapshot = {
      tables: {
        people: {
          columns: {
            id: { name: 'id', type: 'text', primaryKey: true, notNull: true },
            phone: { name: 'phone', type: 'text', primaryKey: false, notNull: false },
            rank: { name: 'rank', type: 'text', primaryKey: false, notNull: false },
          },
        },
        notes: { columns: {} },
      },
    };
    const newer: Snapshot = {
      tables: {
        people: {
          columns: {
            id: { name: 'id', type: 'integer', primaryKey: true, notNull: true },
            rank: { name: 'rank', type: 'text', primaryKey: false, notNull: true },
            added: { name: 'added', type: 'text', primaryKey: false, notNull: true },
            optional: { name: 'optional', type: 'text', primaryKey: false, notNull: false },
          },
        },
      },
    };
    expect(schemaBreaks(older, newer)).toEqual([
      'column people.id type text → integer',
      'column people.phone removed',
      'column people.rank made NOT NULL',
      'table notes removed',
      'column people.added added NOT NULL without a default',
    ]);
    expect(schemaBreaks(older, older)).toEqual([]);
  });
});

describe('migrations 0005 and 0007: the case and welfare permissions', () => {
  it('gives the built-in roles of a database set up before the case and welfare modules their permissions, once', () => {
    const all = loadMigrations(MIGRATIONS_DIR);
    const sqlite = new Database(':memory:');
    migrate(sqlite, all.slice(0, 2));
    const role = sqlite.prepare('INSERT INTO roles (id, code, name, builtin, permissions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    role.run('r1', 'commission_leader', '委领导', 1, JSON.stringify(['system.read', 'audit.read']), 't', 't');
    role.run('r2', 'county_officer', '县区', 1, JSON.stringify(['system.read']), 't', 't');
    role.run('r3', 'custom', '自定义', 0, JSON.stringify(['system.read']), 't', 't');
    migrate(sqlite, all);
    const permissions = (id: string) => JSON.parse((sqlite.prepare('SELECT permissions FROM roles WHERE id = ?').get(id) as { permissions: string }).permissions) as string[];
    expect(permissions('r1')).toEqual(['system.read', 'audit.read', 'cases.read', 'cases.approve', 'welfare.read']);
    expect(permissions('r2')).toEqual(['system.read', 'cases.read', 'cases.intake', 'cases.handle', 'welfare.read', 'welfare.verify']);
    expect(permissions('r3')).toEqual(['system.read']);
  });
});

describe('migrations 0009 and 0010: sync', () => {
  /** A row with every NOT NULL column filled with a placeholder, then `values`. */
  function insert(sqlite: Database.Database, table: string, values: Record<string, unknown>): void {
    const columns = sqlite.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; dflt_value: unknown }[];
    const row: Record<string, unknown> = {};
    for (const c of columns) if (c.notnull && c.dflt_value === null) row[c.name] = c.type.toLowerCase().includes('int') ? 0 : 'x';
    Object.assign(row, values);
    const names = Object.keys(row);
    sqlite.prepare(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(row));
  }

  it('gives the built-in administrator sync.manage, and keeps hit entries and documents, now with their username, through the rebuild', () => {
    const all = loadMigrations(MIGRATIONS_DIR);
    const before = all.findIndex((m) => m.tag.startsWith('0009'));
    const sqlite = new Database(':memory:');
    sqlite.pragma('foreign_keys = ON');
    migrate(sqlite, all.slice(0, before));
    sqlite.prepare("INSERT INTO roles (id, code, name, builtin, permissions, created_at, updated_at) VALUES ('r1', 'administrator', '管理员', 1, '[\"system.read\"]', 't', 't')").run();
    insert(sqlite, 'org_units', { id: 'u1', code: '530700', kind: 'city', parent_id: null });
    insert(sqlite, 'users', { id: 'a1', username: 'hezhi', unit_id: 'u1', role_id: 'r1' });
    insert(sqlite, 'welfare_runs', { id: 'run1', by: 'a1' });
    insert(sqlite, 'welfare_hits', { id: 'h1', assigned_unit_id: null, county_unit_id: null, case_id: null, last_run_id: 'run1' });
    insert(sqlite, 'welfare_hit_entries', { id: 'e1', hit_id: 'h1', kind: 'finding', by: 'a1', unit_id: null, case_id: null });
    insert(sqlite, 'welfare_hit_documents', { id: 'd1', hit_id: 'h1', entry_id: 'e1', added_by: 'a1' });
    migrate(sqlite, all);
    expect(JSON.parse(sqlite.prepare("SELECT permissions FROM roles WHERE id = 'r1'").pluck().get() as string)).toEqual(['system.read', 'sync.manage']);
    expect(sqlite.prepare('SELECT id, by, actor FROM welfare_hit_entries').all()).toEqual([{ id: 'e1', by: 'a1', actor: 'hezhi' }]);
    expect(sqlite.prepare('SELECT id, entry_id, added_by, added_by_actor FROM welfare_hit_documents').all()).toEqual([{ id: 'd1', entry_id: 'e1', added_by: 'a1', added_by_actor: 'hezhi' }]);
    // foreign keys hold again after the rebuild, and an entry from another office needs no account
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => insert(sqlite, 'welfare_hit_entries', { id: 'e2', hit_id: 'missing', by: null, unit_id: null, case_id: null })).toThrow(/FOREIGN KEY/);
    insert(sqlite, 'welfare_hit_entries', { id: 'e3', hit_id: 'h1', kind: 'assigned', by: null, actor: 'county-officer', unit_id: null, case_id: null });
  });
});
