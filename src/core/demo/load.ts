import type { Context } from '../api/context';
import { withUserSlot } from '../auth/accounts';
import { DEMO_PASSWORD } from './accounts';
import { seedDemoCases } from './cases';
import { seedDemo, seedDemoAccounts } from './seed';
import { seedDemoPeers } from './sync';
import { seedDemoWelfare, type DemoWelfareSummary } from './welfare';

export interface DemoLoaded {
  units: number;
  people: number;
  accounts: string[];
  cases: number;
  welfare: DemoWelfareSummary | null;
  /** the county offices' nodes, as sync peers */
  peers: number;
}

/**
 * The demo commission, its accounts (each opening the database with DEMO_PASSWORD), its clue
 * register, its welfare supervision and its county offices as sync peers.
 */
export async function loadDemo(ctx: Context): Promise<DemoLoaded> {
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
  // after the write above: the imports write their rows in chunks of their own, and wait on the file
  const welfare = await seedDemoWelfare(ctx);
  // last: the offices hold everything made above
  const peers = seedDemoPeers(ctx);
  return { ...counts, accounts: accounts.map((a) => a.username), welfare, peers };
}
