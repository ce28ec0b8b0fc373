import { eq } from 'drizzle-orm';
import { generateDemo } from '../../../scripts/demo/generate';
import { newId } from '../api/ids';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import { orgUnits, users } from '../db/schema';
import { roleIdByCode } from '../auth/roles';
import { createPerson, linkKin } from '../registry/people';
import { createUnit } from '../registry/units';
import { DEMO_ACCOUNTS } from './accounts';

/**
 * Fills a database that holds at most its root unit with the synthetic Lijiang commission,
 * through the write path. A unit that already exists under the demo's code is kept.
 */
export function seedDemo(w: Writer, now: Date): { units: number; people: number } {
  const data = generateDemo();
  const unitIds = new Map<string, string>();
  for (const unit of data.units) {
    const existing = w.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, unit.code)).get();
    const parentId = unit.parentCode === null ? null : (unitIds.get(unit.parentCode) ?? null);
    unitIds.set(unit.code, existing?.id ?? createUnit(w, { code: unit.code, name: unit.name, kind: unit.kind, parentId }, now));
  }
  const personIds = new Map<string, string>();
  for (const person of data.people) {
    const { unitCode, ...fields } = person;
    personIds.set(person.idNumber, createPerson(w, { ...fields, unitId: unitCode ? (unitIds.get(unitCode) ?? null) : null }, now));
  }
  for (const link of data.kin) {
    linkKin(w, personIds.get(link.idNumber)!, personIds.get(link.relativeIdNumber)!, link.relation, now);
  }
  return { units: data.units.length, people: data.people.length };
}

/** The demo accounts that do not exist yet, as user rows; their key slots are the caller's job. */
export function seedDemoAccounts(w: Writer, now: Date): { id: string; username: string }[] {
  const at = shanghaiTimestamp(now);
  const created: { id: string; username: string }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (w.db.select({ id: users.id }).from(users).where(eq(users.username, account.username)).get()) continue;
    const unit = w.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, account.unitCode)).get();
    if (!unit) continue;
    const id = newId();
    w.insert(users, {
      id,
      username: account.username,
      displayName: account.displayName,
      unitId: unit.id,
      roleId: roleIdByCode(w.db, account.roleCode),
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
    created.push({ id, username: account.username });
  }
  return created;
}
