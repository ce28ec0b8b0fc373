import type { Context } from '../api/context';
import { withUserSlot } from '../auth/accounts';
import { DEMO_PASSWORD } from './accounts';
import { seedDemoCases } from './cases';
import { seedDemo, seedDemoAccounts } from './seed';

/** The demo commission, its accounts (each opening the database with DEMO_PASSWORD) and its clue register. */
export function loadDemo(ctx: Context): { units: number; people: number; accounts: string[]; cases: number } {
  const { accounts, ...counts } = ctx.write(
    (w) => {
      const registry = seedDemo(w, ctx.now());
      const created = seedDemoAccounts(w, ctx.now());
      // the clues come last: they are about the registry's people and acted on by the accounts
      return { ...registry, accounts: created, ...seedDemoCases(w, ctx.now()) };
    },
    (r) => ({ units: r.units, people: r.people, accounts: r.accounts.length, cases: r.cases }),
  );
  let slots = ctx.vault.slots();
  for (const account of accounts) slots = withUserSlot(slots, ctx.vault.key, account, DEMO_PASSWORD, ctx.security.kdf);
  ctx.vault.saveSlots(slots);
  return { ...counts, accounts: accounts.map((a) => a.username) };
}
