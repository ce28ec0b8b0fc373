import { describe, expect, it } from 'vitest';
import { api, type AuditEntry, type AuditVerification, type Person } from '../../shared/api';
import { syntheticId, testCore } from '../testing/fixtures';

async function withHistory() {
  const made = await testCore();
  for (const [i, name] of ['和丽', '木华', '杨军'].entries()) {
    await made.core.call(api.people.create.name, { name, idNumber: syntheticId('530702', '19800101', `10${i}`) });
  }
  return made;
}

describe('the audit trail', () => {
  it('records who looked at a person file, not only who changed it', async () => {
    const { core } = await withHistory();
    const person = ((await core.call(api.people.search.name, {})) as { rows: Person[] }).rows[0]!;
    await core.call(api.people.get.name, { id: person.id });
    const [latest] = ((await core.call(api.audit.list.name, { limit: 1 })) as { rows: AuditEntry[] }).rows;
    expect(latest).toMatchObject({ actor: 'admin', procedure: 'people.get', rows: [{ table: 'people', id: person.id }] });
  });

  it('exports the whole trail with its hashes, and the export is itself recorded', async () => {
    const { core } = await withHistory();
    const exported = (await core.call(api.audit.export.name, {})) as { fileName: string; content: string; entries: number };
    const lines = exported.content.trim().split('\n').map((l) => JSON.parse(l) as { seq: number; hash: string; prevHash: string });
    expect(lines).toHaveLength(exported.entries);
    expect(lines[1]!.prevHash).toBe(lines[0]!.hash);
    expect(exported.fileName).toMatch(/^zhijian-audit-\d{14}\.jsonl$/);
    const [latest] = ((await core.call(api.audit.list.name, { limit: 1 })) as { rows: AuditEntry[] }).rows;
    expect(latest).toMatchObject({ procedure: 'audit.export', summary: { entries: exported.entries, chainOk: true } });
  });

  it('cannot be changed or shortened through SQL while its triggers stand', async () => {
    const { core } = await withHistory();
    const { sqlite } = core.database;
    expect(() => sqlite.prepare("UPDATE audit_log SET actor = 'someone' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('finds the first hand-edited entry, and the first gap where an entry was removed', async () => {
    const { core } = await withHistory();
    expect(await core.call(api.audit.verify.name, {})).toMatchObject({ ok: true, firstBroken: null });
    const { sqlite } = core.database;
    // someone with the key and an SQLite shell drops the triggers and edits history
    sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    sqlite.prepare("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3").run();
    expect(await core.call(api.audit.verify.name, {})).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash' } } satisfies Partial<AuditVerification>);

    const { core: other } = await withHistory();
    other.database.sqlite.exec('DROP TRIGGER audit_log_no_delete;');
    other.database.sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(await other.call(api.audit.verify.name, {})).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'link' } });
  });
});
