import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { auditLog, changeLog, people, settings } from '../db/schema';
import { syntheticId, testCore } from '../testing/fixtures';
import { auditHash, GENESIS_HASH } from './audit';
import { HybridLogicalClock, parseHlc } from './hlc';
import { newId } from './ids';
import { runWrite } from './write';

const person = (name: string, sequence: string) => ({ name, idNumber: syntheticId('530702', '19800101', sequence) });

describe('the write path', () => {
  it('appends one audit entry per write, chained by hash, and a change-log operation per changed row', async () => {
    const { core } = await testCore();
    const created = await core.call(api.people.create.name, person('和志强', '011'));
    await core.call(api.people.update.name, { id: (created as { id: string }).id, fields: { ...person('和志强', '011'), phone: '17000001111' } });
    const { db } = core.database;

    // the setup wrote the chain's first entries; these two follow on
    const all = db.select().from(auditLog).all();
    expect(all[0]!.prevHash).toBe(GENESIS_HASH);
    const audit = all.filter((a) => a.procedure.startsWith('people.'));
    expect(audit.map((a) => a.procedure)).toEqual(['people.create', 'people.update']);
    expect(audit[1]!.prevHash).toBe(audit[0]!.hash);
    for (const entry of all) expect(auditHash(entry.prevHash, entry)).toBe(entry.hash);

    const changes = db.select().from(changeLog).all().filter((c) => c.tableName === 'people');
    expect(changes.map((c) => [c.tableName, c.op, c.auditSeq])).toEqual([
      ['people', 'insert', audit[0]!.seq],
      ['people', 'update', audit[1]!.seq],
    ]);
    // the update records only what changed, by SQL column name
    expect(Object.keys(JSON.parse(changes[1]!.columns)).sort()).toEqual(['phone', 'updated_at']);
    expect(changes.every((c) => parseHlc(c.hlc).nodeId === core.nodeId && c.nodeId === core.nodeId)).toBe(true);
    expect(changes[0]!.hlc < changes[1]!.hlc).toBe(true);
  });

  it('writes nothing at all when the operation fails', async () => {
    const { core } = await testCore();
    await core.call(api.people.create.name, person('木丽华', '022'));
    const { db } = core.database;
    const before = { people: db.select().from(people).all(), audit: db.select().from(auditLog).all(), changes: db.select().from(changeLog).all() };
    // the same ID number again: refused after validation, inside the transaction
    await expect(core.call(api.people.create.name, person('木丽华', '022'))).rejects.toMatchObject({ code: 'ID_NUMBER_TAKEN' });
    expect({ people: db.select().from(people).all(), audit: db.select().from(auditLog).all(), changes: db.select().from(changeLog).all() }).toEqual(before);
  });

  it('keeps a write that changes nothing out of the change log', async () => {
    const { core } = await testCore();
    const created = (await core.call(api.people.create.name, person('杨建国', '033'))) as { id: string };
    const { db } = core.database;
    const changesBefore = db.select().from(changeLog).all().length;
    await core.call(api.people.update.name, { id: created.id, fields: person('杨建国', '033') });
    expect(db.select().from(changeLog).all().length).toBe(changesBefore);
  });
});

describe('the write path beside another writer', () => {
  it('stamps after whatever another clock on the same database wrote, and knows the audit entry it will append', async () => {
    const { core } = await testCore();
    const { db, sqlite } = core.database;
    const admin = sqlite.prepare('SELECT id FROM users').pluck().get() as string;
    const audit = { caller: { actor: 'admin', userId: admin } as never, procedure: 'test.write', nodeId: core.nodeId, now: () => new Date() };
    // two processes on one file, each with its own clock, the second's wall clock an hour behind
    const ahead = new HybridLogicalClock(core.nodeId, () => Date.now());
    const behind = new HybridLogicalClock(core.nodeId, () => Date.now() - 3_600_000);
    let predicted = 0;
    for (const [clock, name] of [[ahead, '和志强'], [behind, '木丽华'], [ahead, '杨建国']] as const) {
      runWrite(sqlite, db, clock, audit, (w) => {
        predicted = w.pendingAuditSeq();
        w.insert(settings, { id: newId(), value: JSON.stringify(name), updatedAt: '2026-11-27T10:00:00.000+08:00' });
        return { result: undefined };
      });
      const last = db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get()!;
      expect(last.seq).toBe(predicted);
    }
    const stamps = db.select({ hlc: changeLog.hlc }).from(changeLog).orderBy(changeLog.seq).all().map((r) => r.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});
