import { api } from '../../shared/api';
import { implement } from '../api/implement';
import { importPeople } from './people-import';
import { createPerson, getPerson, getPersonDetail, linkKin, searchPeople, updatePerson } from './people';
import { eq } from 'drizzle-orm';
import { kinship } from '../db/schema';
import { createUnit, getUnit, listUnits, updateUnit } from './units';

export const registryProcedures = [
  implement(api.units.list, (ctx) => listUnits(ctx.db, ctx.caller.scope)),

  implement(api.units.create, (ctx, input) => {
    const id = ctx.write((w) => createUnit(w, input, ctx.now(), ctx.caller.scope));
    return getUnit(ctx.db, id);
  }),

  implement(api.units.update, (ctx, input) => {
    ctx.write((w) => updateUnit(w, input, ctx.now(), ctx.caller.scope));
    return getUnit(ctx.db, input.id);
  }),

  implement(api.people.search, (ctx, input) => searchPeople(ctx.db, ctx.caller.scope, input)),

  implement(api.people.get, (ctx, input) => {
    const detail = getPersonDetail(ctx.db, input.id, ctx.caller.scope);
    // opening a person's file leaves a trace
    ctx.audit([{ table: 'people', id: detail.id }]);
    return detail;
  }),

  implement(api.people.create, (ctx, input) => {
    const id = ctx.write((w) => createPerson(w, input, ctx.now(), ctx.caller.scope));
    return getPerson(ctx.db, id, ctx.caller.scope);
  }),

  implement(api.people.update, (ctx, input) => {
    ctx.write((w) => updatePerson(w, input.id, input.fields, ctx.now(), ctx.caller.scope));
    return getPerson(ctx.db, input.id, ctx.caller.scope);
  }),

  implement(api.people.linkKin, (ctx, input) =>
    ctx.write((w) => linkKin(w, input.personId, input.relativeId, input.relation, ctx.now(), ctx.caller.scope)),
  ),

  implement(api.people.unlinkKin, (ctx, input) => ({
    removed: ctx.write((w) => {
      const link = w.db.select().from(kinship).where(eq(kinship.id, input.linkId)).get();
      if (!link) return false;
      // both ends must be visible to the caller
      getPerson(w.db, link.personId, ctx.caller.scope);
      getPerson(w.db, link.relativeId, ctx.caller.scope);
      return w.delete(kinship, input.linkId);
    }),
  })),

  implement(api.people.import, (ctx, input) => importPeople(ctx, input)),
];
