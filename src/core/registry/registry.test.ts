import { describe, expect, it } from 'vitest';
import { api, type OrgUnit, type Person, type PersonDetail } from '../../shared/api';
import type { Core } from '../api/core';
import { people } from '../db/schema';
import { syntheticId, testCore } from '../testing/fixtures';
import { unitId } from './units';

async function tree(core: Core) {
  // the root unit comes with the set-up database
  const [city] = (await core.call(api.units.list.name, {})) as OrgUnit[];
  const county = (await core.call(api.units.create.name, { code: '530702', name: '古城区', kind: 'county', parentId: city!.id })) as OrgUnit;
  const town = (await core.call(api.units.create.name, { code: '530702001', name: '大研街道', kind: 'township', parentId: county.id })) as OrgUnit;
  const other = (await core.call(api.units.create.name, { code: '530721', name: '玉龙县', kind: 'county', parentId: city!.id })) as OrgUnit;
  return { city: city!, county, town, other };
}

const create = (core: Core, name: string, sequence: string, unitId: string | null = null) =>
  core.call(api.people.create.name, { name, idNumber: syntheticId('530702', '19850612', sequence), unitId }) as Promise<Person>;

const search = (core: Core, input: object) => core.call(api.people.search.name, input) as Promise<{ rows: Person[]; total: number }>;

describe('the people registry', () => {
  it('derives gender and birth date from the ID number and converts the 15-digit form', async () => {
    const { core } = await testCore();
    const p = (await core.call(api.people.create.name, { name: '  张 三丰 ', idNumber: '530702850612123' })) as Person;
    expect(p).toMatchObject({ name: '张三丰', gender: 'M', birthDate: '1985-06-12', idNumber: syntheticId('530702', '19850612', '123') });
  });

  it('finds people by pinyin initials, full pinyin, part of the name and the start of the ID number', async () => {
    const { core } = await testCore();
    await create(core, '张三丰', '111');
    await create(core, '李四', '222');
    await create(core, '赵丽颖', '333');
    const names = async (query: string) => (await search(core, { query })).rows.map((r) => r.name);
    expect(await names('zsf')).toEqual(['张三丰']);
    expect(await names('ZS')).toEqual(['张三丰']);
    expect(await names('lisi')).toEqual(['李四']);
    expect(await names('丽')).toEqual(['赵丽颖']);
    expect(await names(syntheticId('530702', '19850612', '333').slice(0, 16))).toEqual(['赵丽颖']);
    expect(await names('%')).toEqual([]);
    expect((await search(core, {})).total).toBe(3);
  });

  it('lists the people of a unit with or without the units below it', async () => {
    const { core } = await testCore();
    const { county, town, other } = await tree(core);
    await create(core, '和秀英', '101', county.id);
    await create(core, '木建华', '102', town.id);
    await create(core, '杨国强', '103', other.id);
    expect((await search(core, { unitId: county.id })).rows.map((r) => r.name).sort()).toEqual(['和秀英', '木建华'].sort());
    expect((await search(core, { unitId: county.id, descendants: false })).rows.map((r) => r.name)).toEqual(['和秀英']);
    const units = (await core.call(api.units.list.name, {})) as OrgUnit[];
    expect(units.find((u) => u.id === town.id)?.peopleCount).toBe(1);
  });

  it('refuses an invalid or already registered ID number and writes nothing', async () => {
    const { core } = await testCore();
    const good = syntheticId('530702', '19850612', '444');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await expect(core.call(api.people.create.name, { name: '王五', idNumber: wrongCheck })).rejects.toMatchObject({
      code: 'ID_NUMBER_INVALID',
      details: { problem: 'checkCharacter' },
    });
    await create(core, '王五', '444');
    await expect(create(core, '王六', '444')).rejects.toMatchObject({ code: 'ID_NUMBER_TAKEN' });
    expect(core.database.db.select().from(people).all()).toHaveLength(1);
  });

  it('shows a kinship link from both sides with the relation turned round', async () => {
    const { core } = await testCore();
    const parent = await create(core, '和正光', '501');
    const child = await create(core, '和小梅', '502');
    await core.call(api.people.linkKin.name, { personId: parent.id, relativeId: child.id, relation: '子女' });
    const fromParent = (await core.call(api.people.get.name, { id: parent.id })) as PersonDetail;
    const fromChild = (await core.call(api.people.get.name, { id: child.id })) as PersonDetail;
    expect(fromParent.kin).toMatchObject([{ relation: '子女', relative: { name: '和小梅' } }]);
    expect(fromChild.kin).toMatchObject([{ relation: '父母', relative: { name: '和正光' } }]);
    await expect(core.call(api.people.linkKin.name, { personId: child.id, relativeId: parent.id, relation: '父母' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(core.call(api.people.linkKin.name, { personId: child.id, relativeId: child.id, relation: '其他' })).rejects.toMatchObject({ code: 'KIN_SELF' });
    await core.call(api.people.unlinkKin.name, { linkId: fromParent.kin[0]!.id });
    expect(((await core.call(api.people.get.name, { id: child.id })) as PersonDetail).kin).toEqual([]);
  });

  it('keeps the org tree a tree and unit codes unique', async () => {
    const { core } = await testCore();
    const { city, county, town } = await tree(core);
    await expect(core.call(api.units.update.name, { id: county.id, parentId: town.id })).rejects.toMatchObject({ code: 'UNIT_PARENT_INVALID' });
    await expect(core.call(api.units.create.name, { code: '530702', name: '重复', kind: 'county', parentId: city.id })).rejects.toMatchObject({
      code: 'UNIT_CODE_TAKEN',
    });
    const renamed = (await core.call(api.units.update.name, { id: town.id, name: '大研古城街道' })) as OrgUnit;
    expect(renamed.name).toBe('大研古城街道');
    const detail = await create(core, '和丽', '601', town.id);
    expect(((await core.call(api.people.get.name, { id: detail.id })) as PersonDetail).unitPath).toEqual(['丽江市', '古城区', '大研古城街道']);
  });

  it('gives a unit the id its code implies, the same at every office', async () => {
    const [{ core: city }, { core: county }] = await Promise.all([testCore(), testCore()]);
    const here = await tree(city);
    const there = await tree(county);
    expect([here.city.id, here.county.id, here.town.id]).toEqual([there.city.id, there.county.id, there.town.id]);
    expect(new Set([here.city.id, here.county.id, here.town.id, here.other.id]).size).toBe(4);
    expect(here.county.id).toBe(unitId('530702'));
    expect(unitId('530702')).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
  });
});
