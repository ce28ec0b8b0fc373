import type { Context } from '../api/context';
import { withUserSlot } from '../auth/accounts';
import { DEMO_PASSWORD } from './accounts';
import { seedDemo, seedDemoAccounts } from './seed';

/** The demo commission and its accounts (each opening the database with DEMO_PASSWORD). */
export function loadDemo(ctx: Context): { units: number; people: number; accounts: string[] } {
  const { accounts, ...counts } = ctx.write(
    (w) => ({ ...seedDemo(w, ctx.now()), accounts: seedDemoAccounts(w, ctx.now()) }),
    (r) => ({ units: r.units, people: r.people, accounts: r.accounts.length }),
  );
  let slots = ctx.vault.slots();
  for (const account of accounts) slots = withUserSlot(slots, ctx.vault.key, account, DEMO_PASSWORD, ctx.security.kdf);
  ctx.vault.saveSlots(slots);
  return { ...counts, accounts: accounts.map((a) => a.username) };
}
