import { sql } from 'drizzle-orm';
import { api } from '../../shared/api';
import { APP_VERSION } from '../version';
import { implement } from '../api/implement';
import { AppError } from '../api/errors';
import type { Db } from '../db/open';
import { orgUnits, people } from '../db/schema';
import { loadDemo } from '../demo/load';

function counts(ctx: { db: Db }) {
  const units = ctx.db.select({ n: sql<number>`count(*)` }).from(orgUnits).get()?.n ?? 0;
  const persons = ctx.db.select({ n: sql<number>`count(*)` }).from(people).get()?.n ?? 0;
  return { units, people: persons };
}

/** Nothing but the root unit a setup creates: demo data may still be loaded. */
function isEmpty(c: { units: number; people: number }): boolean {
  return c.units <= 1 && c.people === 0;
}

export const systemProcedures = [
  implement(api.system.info, (ctx) => {
    const c = counts(ctx);
    return { version: APP_VERSION, nodeId: ctx.nodeId, schemaVersion: ctx.schemaVersion, empty: isEmpty(c), counts: c };
  }),

  implement(api.system.loadDemo, async (ctx) => {
    if (!isEmpty(counts(ctx))) throw new AppError('DEMO_NOT_EMPTY', {});
    const { units, people } = await loadDemo(ctx);
    return { units, people };
  }),
];
