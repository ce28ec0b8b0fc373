// Crash safety: a writer process is killed (SIGKILL: no exit handler, no close, no checkpoint)
// in the middle of its writes, again and again on the same encrypted database. After every kill
// the database must open with the password, pass PRAGMA integrity_check, hold every write the
// writer acknowledged, show no half-done operation, and keep an intact audit chain.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type AuditVerification, type Person, type SessionOpened } from '../../shared/api';
import { openCore } from '../api/core';
import { MIGRATIONS_DIR } from '../paths';
import { ADMIN, syntheticId, TEST_KDF, testCore } from '../testing/fixtures';
import { buildWriter, halfDoneOperations, missingWrites, startWriter, type Acknowledged } from './harness';

const KILLS = 32;
/** how long the writer goes on writing, after its first acknowledged write, before it is killed */
const MIN_DELAY_MS = 10;
const MAX_DELAY_MS = 300;

let work: string;
let bundle: string;
let dbFile: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijian-crash-'));
  dbFile = path.join(work, 'zhijian.db');
  const [built] = await Promise.all([
    buildWriter(work),
    (async () => {
      const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
      try {
        await core.call(api.auth.setup.name, { username: ADMIN.username, displayName: '管理员', password: ADMIN.password });
      } finally {
        core.close();
      }
    })(),
  ]);
  bundle = built;
}, 60_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Opens the database as a user would after the crash and reports what is wrong with it. */
async function inspect(acknowledged: Acknowledged): Promise<{ integrity: string; missing: string[]; halfDone: string[]; audit: AuditVerification; people: number }> {
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
  try {
    const { sessionToken } = (await core.call(api.auth.login.name, ADMIN)) as SessionOpened;
    const { sqlite } = core.database;
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    return {
      integrity,
      missing: missingWrites(sqlite, acknowledged),
      halfDone: halfDoneOperations(sqlite),
      audit: (await core.call(api.audit.verify.name, {}, sessionToken)) as AuditVerification,
      people: sqlite.prepare('SELECT count(*) FROM people').pluck().get() as number,
    };
  } finally {
    core.close();
  }
}

describe('the half-done checks', () => {
  it('see a row without its change-log operation, an audit entry without its rows, and a change without its entry', async () => {
    const { core } = await testCore();
    const person = (await core.call(api.people.create.name, { name: '完整', idNumber: syntheticId('530702', '19760405', '118') })) as Person;
    const { sqlite } = core.database;
    expect(halfDoneOperations(sqlite)).toEqual([]);

    // a row written outside the write path: no change-log insert, no audit entry
    const columns = 'name, name_initials, name_pinyin, gender, birth_date, created_at, updated_at';
    sqlite
      .prepare(`INSERT INTO people (id, id_number, ${columns}) SELECT ?, ?, ${columns} FROM people WHERE id = ?`)
      .run('stray', syntheticId('530702', '19800101', '001'), person.id);
    expect(halfDoneOperations(sqlite)).toEqual(['people:stray: 0 change-log inserts']);
    sqlite.prepare("DELETE FROM people WHERE id = 'stray'").run();

    // the person's change-log insert lost: its audit entry names a row no operation wrote
    const change = sqlite.prepare("SELECT seq, audit_seq AS auditSeq FROM change_log WHERE table_name = 'people' AND row_id = ?").get(person.id) as {
      seq: number;
      auditSeq: number;
    };
    sqlite.prepare('DELETE FROM change_log WHERE seq = ?').run(change.seq);
    expect(halfDoneOperations(sqlite)).toEqual([
      `people:${person.id}: 0 change-log inserts`,
      `audit entry ${change.auditSeq} (people.create) names people:${person.id} without a change-log operation`,
    ]);

    // a change pointing to an audit entry that does not exist
    const orphan = sqlite
      .prepare("INSERT INTO change_log (hlc, node_id, table_name, row_id, op, columns, audit_seq) VALUES ('0', 'n', 'people', ?, 'insert', '{}', 999999)")
      .run(person.id).lastInsertRowid;
    expect(halfDoneOperations(sqlite)).toContain(`change ${orphan} (people:${person.id}) points to audit entry 999999, which does not exist`);
  });
});

describe('crash safety', () => {
  it(`keeps the database whole and every acknowledged write through ${KILLS} kills in the middle of writes`, async () => {
    const all: Acknowledged = { imported: [], created: [], linked: [], people: [] };
    let previousPeople = 0;
    const started = Date.now();
    for (let run = 0; run < KILLS; run++) {
      // half of the runs checkpoint the WAL every few pages, so that kills also land in checkpoints
      const writer = startWriter(bundle, dbFile, run, ADMIN, { autocheckpoint: run % 2 === 0 ? 8 : undefined });
      // killed while it writes: after its first acknowledged write, 10–300 ms into the stream
      await writer.writing;
      await new Promise((resolve) => setTimeout(resolve, MIN_DELAY_MS + Math.random() * (MAX_DELAY_MS - MIN_DELAY_MS)));
      writer.child.kill('SIGKILL');
      const exit = await writer.exited;
      // killed while writing, not stopped by an error of its own
      expect({ run, ...exit, stderr: writer.stderr() }).toEqual({ run, code: null, signal: 'SIGKILL', stderr: '' });

      all.imported.push(...writer.acknowledged.imported);
      all.created.push(...writer.acknowledged.created);
      all.linked.push(...writer.acknowledged.linked);
      all.people.push(...writer.acknowledged.people);
      const state = await inspect(all);
      expect({ run, integrity: state.integrity, missing: state.missing, halfDone: state.halfDone }).toEqual({ run, integrity: 'ok', missing: [], halfDone: [] });
      expect(state.audit, `run ${run}`).toMatchObject({ ok: true, firstBroken: null });
      // nothing acknowledged is lost; beyond it, at most the one operation the kill interrupted after its commit
      const acknowledgedPeople = writer.acknowledged.imported.length + writer.acknowledged.created.length;
      expect(state.people - previousPeople, `run ${run}`).toBeGreaterThanOrEqual(acknowledgedPeople);
      expect(state.people - previousPeople, `run ${run}`).toBeLessThanOrEqual(acknowledgedPeople + 3);
      previousPeople = state.people;
    }
    const elapsed = Date.now() - started;
    // every kind of write was acknowledged, and so interrupted somewhere
    expect(all.imported.length).toBeGreaterThanOrEqual(KILLS * 3);
    expect(all.created.length).toBeGreaterThan(0);
    expect(all.linked.length).toBeGreaterThan(0);
    console.info(
      `crash safety: ${KILLS} kills in ${(elapsed / 1000).toFixed(1)} s; acknowledged ${all.imported.length} imported, ` +
        `${all.created.length} created, ${all.linked.length} kin links; ${previousPeople} people in the end`,
    );
  }, 180_000);
});
