import { generateDemo } from '../../../scripts/demo/generate';
import type { Writer } from '../api/write';
import { createPerson, linkKin } from '../registry/people';
import { createUnit } from '../registry/units';

/** Fills an empty database with the synthetic Lijiang commission, through the write path. */
export function seedDemo(w: Writer, now: Date): { units: number; people: number } {
  const data = generateDemo();
  const unitIds = new Map<string, string>();
  for (const unit of data.units) {
    const parentId = unit.parentCode === null ? null : (unitIds.get(unit.parentCode) ?? null);
    unitIds.set(unit.code, createUnit(w, { code: unit.code, name: unit.name, kind: unit.kind, parentId }, now));
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
