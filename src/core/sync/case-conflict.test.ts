// Two offices moving one case while apart: both moves arrive everywhere, the case shows the
// conflict the same way on both nodes and is not moved further until someone keeps one move;
// that choice travels like any write and both nodes end in the same state.
import { describe, expect, it } from 'vitest';
import { api, type CaseDetail, type OrgUnit } from '../../shared/api';
import type { Core } from '../api/core';
import { unitId } from '../registry/units';
import { clue, exchange, offices, refusal } from './two-offices';

const detail = (core: Core, id: string) => core.call(api.cases.get.name, { id }) as Promise<CaseDetail>;

/** What must be the same on every node: the history and what it leads to. */
const outcome = (d: CaseDetail) => ({
  stage: d.stage,
  outcome: d.outcome,
  conflict: d.conflict,
  events: d.events.map((e) => [e.id, e.kind, e.action, e.undoneBy]),
});

describe('a case moved at two offices at once', () => {
  it('keeps both moves, shows the conflict on both nodes, and converges on the move kept', async () => {
    const { city, county } = await offices();
    const department = (await city.call(api.units.create.name, { code: '530721-01', name: '县纪委第一监督检查室', kind: 'department', parentId: unitId('530721') })) as OrgUnit;
    const opened = (await city.call(api.cases.intake.name, clue('某站所负责人违规发放补贴', unitId('530721')))) as CaseDetail;
    await exchange(city, county);
    expect((await detail(county, opened.id)).version).toBe(opened.version);

    // apart: the city dispatches the clue, the county declines it
    const dispatched = (await city.call(api.cases.act.name, { caseId: opened.id, version: opened.version, action: 'dispatch', fields: { departmentId: department.id } })) as CaseDetail;
    const declined = (await county.call(api.cases.act.name, { caseId: opened.id, version: opened.version, action: 'not_accept', fields: { reason: '不属于受理范围' } })) as CaseDetail;
    const [cityMove, countyMove] = [dispatched.events.at(-1)!.id, declined.events.at(-1)!.id];
    await exchange(city, county);

    const [atCity, atCounty] = [await detail(city, opened.id), await detail(county, opened.id)];
    expect(outcome(atCity)).toEqual(outcome(atCounty));
    expect([...atCity.conflict!.eventIds].sort()).toEqual([cityMove, countyMove].sort());
    expect(atCity.nextActions).toEqual([]);
    expect(atCity.canUndo).toBe(false);
    expect(await refusal(city.call(api.cases.act.name, { caseId: opened.id, version: atCity.version, action: 'notify_complainant', fields: {} }))).toBe('CASE_IN_CONFLICT');
    expect(await refusal(county.call(api.cases.undo.name, { caseId: opened.id, version: atCounty.version, reason: '撤回' }))).toBe('CASE_IN_CONFLICT');
    expect(await refusal(county.call(api.cases.resolveConflict.name, { caseId: opened.id, version: atCounty.version, keep: opened.events[0]!.id, reason: '核实' }))).toBe('INVALID_INPUT');

    // the county, having phoned the city, keeps the city's dispatch
    const settled = (await county.call(api.cases.resolveConflict.name, { caseId: opened.id, version: atCounty.version, keep: cityMove, reason: '经与市纪委核实，以分办为准' })) as CaseDetail;
    expect([settled.conflict, settled.stage]).toEqual([null, 'dispatched']);
    expect(settled.events.find((e) => e.id === countyMove)!.undoneBy).not.toBeNull();
    await exchange(county, city);

    const [finalCity, finalCounty] = [await detail(city, opened.id), await detail(county, opened.id)];
    expect(outcome(finalCity)).toEqual(outcome(finalCounty));
    expect([finalCity.stage, finalCity.departmentName, finalCity.conflict]).toEqual(['dispatched', '县纪委第一监督检查室', null]);
    // nothing was lost: both moves and the undo are in the history
    expect(finalCity.events.map((e) => e.id)).toEqual(expect.arrayContaining([cityMove, countyMove]));
    expect(finalCity.nextActions.length).toBeGreaterThan(0);
    expect(await refusal(city.call(api.cases.resolveConflict.name, { caseId: opened.id, version: finalCity.version, keep: cityMove, reason: '再次' }))).toBe('CASE_NOT_IN_CONFLICT');
  });
});
