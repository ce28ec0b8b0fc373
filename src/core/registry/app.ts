import { api } from '../../shared/api';
import { implement } from '../api/implement';
import { importPeople } from './people-import';
import { createPerson, getPerson, getPersonDetail, linkKin, searchPeople, updatePerson } from './people';
import { kinship } from '../db/schema';
import { createUnit, getUnit, listUnits, updateUnit } from './units';

export const registryProcedures = [
  implement(api.units.list, (ctx) => listUnits(ctx.db)),

  implement(api.units.create, (ctx, input) => {
    const id = ctx.write((w) => createUnit(w, input, ctx.now()));
    return getUnit(ctx.db, id);
  }),

  implement(api.units.update, (ctx, input) => {
    ctx.write((w) => updateUnit(w, input, ctx.now()));
    return getUnit(ctx.db, input.id);
  }),

  implement(api.people.search, (ctx, input) => searchPeople(ctx.db, input)),

  implement(api.people.get, (ctx, input) => getPersonDetail(ctx.db, input.id)),

  implement(api.people.create, (ctx, input) => {
    const id = ctx.write((w) => createPerson(w, input, ctx.now()));
    return getPerson(ctx.db, id);
  }),

  implement(api.people.update, (ctx, input) => {
    ctx.write((w) => updatePerson(w, input.id, input.fields, ctx.now()));
    return getPerson(ctx.db, input.id);
  }),

  implement(api.people.linkKin, (ctx, input) =>
    ctx.write((w) => linkKin(w, input.personId, input.relativeId, input.relation, ctx.now())),
  ),

  implement(api.people.unlinkKin, (ctx, input) => ({
    removed: ctx.write((w) => w.delete(kinship, input.linkId)),
  })),

  implement(api.people.import, (ctx, input) => importPeople(ctx, input)),
];
