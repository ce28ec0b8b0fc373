import { describe, expect, it } from 'vitest';
import { allProcedures, api, PERMISSIONS, type Role, type UserRow } from '../../shared/api';
import { logIn, testCore } from '../testing/fixtures';
import { implement } from './implement';
import { buildProcedureTable } from './procedures';

describe('the procedure table', () => {
  it('implements every procedure of the contract once, each naming its permission', () => {
    const table = buildProcedureTable();
    expect([...table.keys()].sort()).toEqual(allProcedures.map((p) => p.name).sort());
    for (const spec of allProcedures) {
      expect([...PERMISSIONS, 'public', 'session'], spec.name).toContain(spec.permission);
    }
  });

  it('lets only the ways in be called without a session', () => {
    const open = allProcedures.filter((p) => p.permission === 'public').map((p) => p.name);
    expect(open.sort()).toEqual(['auth.login', 'auth.recover', 'auth.setup', 'auth.status']);
  });

  it('refuses a procedure name registered twice', () => {
    const twice = implement(api.system.info, () => ({}) as never);
    expect(() => buildProcedureTable([[twice], [twice]])).toThrow(/implemented twice/);
  });

  it('answers unknown names, malformed input, missing sessions and missing permissions with typed errors', async () => {
    const { core } = await testCore();
    await expect(core.call('people.drop', {})).rejects.toMatchObject({ code: 'UNKNOWN_PROCEDURE' });
    await expect(core.call(api.people.search.name, { limit: 'all' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [expect.stringContaining('limit')] },
    });
    await expect(core.call(api.people.create.name, { name: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(core.call(api.people.search.name, {}, '')).rejects.toMatchObject({ code: 'SESSION_REQUIRED' });
    await expect(core.call(api.people.search.name, {}, 'made-up-token')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });

    const auditor = ((await core.call(api.roles.list.name, {})) as Role[]).find((r) => r.code === 'auditor')!;
    const root = ((await core.call(api.units.list.name, {})) as { id: string }[])[0]!;
    (await core.call(api.users.create.name, { username: 'reader', displayName: '审计', unitId: root.id, roleId: auditor.id, password: 'audit-pass-2026' })) as UserRow;
    const reader = await logIn(core, 'reader', 'audit-pass-2026');
    await expect(core.call(api.people.search.name, {}, reader)).resolves.toMatchObject({ total: 0 });
    await expect(core.call(api.units.create.name, { code: '530799', name: '测试', kind: 'county', parentId: root.id }, reader)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(core.call(api.users.list.name, {}, reader)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
