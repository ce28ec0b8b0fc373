import { describe, expect, it } from 'vitest';
import { allProcedures, api, PERMISSIONS } from '../../shared/api';
import { testCore } from '../testing/fixtures';
import { buildProcedureTable } from './procedures';
import { implement } from './implement';

describe('the procedure table', () => {
  it('implements every procedure of the contract once, each with a known permission', () => {
    const table = buildProcedureTable();
    expect([...table.keys()].sort()).toEqual(allProcedures.map((p) => p.name).sort());
    for (const spec of allProcedures) expect(PERMISSIONS).toContain(spec.permission);
  });

  it('refuses a procedure name registered twice', () => {
    const twice = implement(api.system.info, () => ({}) as never);
    expect(() => buildProcedureTable([[twice], [twice]])).toThrow(/implemented twice/);
  });

  it('answers unknown names, malformed input and missing permissions with typed errors', async () => {
    const { core } = testCore();
    await expect(core.call('people.drop', {})).rejects.toMatchObject({ code: 'UNKNOWN_PROCEDURE' });
    await expect(core.call(api.people.search.name, { limit: 'all' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [expect.stringContaining('limit')] },
    });
    await expect(core.call(api.people.create.name, { name: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const reader = { actor: 'auditor', permissions: new Set(['registry.read'] as const) };
    await expect(core.call(api.people.search.name, {}, reader)).resolves.toMatchObject({ total: 0 });
    await expect(core.call(api.units.create.name, { code: '530799', name: '测试', kind: 'county', parentId: null }, reader)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
