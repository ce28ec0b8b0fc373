import { sql } from 'drizzle-orm';
import { api } from '../../shared/api';
import { APP_VERSION } from '../version';
import { implement } from '../api/implement';
import { AppError } from '../api/errors';
import type { Db } from '../db/open';
import { orgUnits, people } from '../db/schema';
import { seedDemo } from '../demo/seed';

function counts(ctx: { db: Db }) {
  const units = ctx.db.select({ n: sql<number>`count(*)` }).from(orgUnits).get()?.n ?? 0;
  const persons = ctx.db.select({ n: sql<number>`count(*)` }).from(people).get()?.n ?? 0;
  return { units, people: persons };
}

export const systemProcedures = [
  implement(api.system.info, (ctx) => {
    const c = counts(ctx);
    return { version: APP_VERSION, nodeId: ctx.nodeId, schemaVersion: ctx.schemaVersion, empty: c.units === 0, counts: c };
  }),

  implement(api.system.loadDemo, (ctx) => {
    if (counts(ctx).units > 0) throw new AppError('DEMO_NOT_EMPTY', {});
    return ctx.write((w) => seedDemo(w, ctx.now()), (result) => result);
  }),
];
