/**
 * The node's background exchange with the relay: it probes the relay and, while it answers,
 * pushes a bundle to each peer that needs one, then pulls and applies what waits for this node.
 * While the relay does not answer it backs off, from INTERVAL_MS doubling to MAX_BACKOFF_MS, and
 * says so: the status bar shows online or offline and the last exchange.
 *
 * A peer needs a bundle when operations wait for it that it has not been sent since they were
 * made (or not for REPUSH_MS: a lost bundle heals), or when it sent operations that it should
 * hear are held here (the new vector in the reply). Audit entries ride along but never call for
 * a bundle by themselves: every import and export writes one, and two nodes acknowledging each
 * other's audit entries would exchange bundles for ever.
 */
import type { RelayStatus } from '../../../shared/api/sync';
import type { Context } from '../../api/context';
import { toWireError } from '../../api/errors';
import { shanghaiTimestamp } from '../../api/time';
import { exportBundle, importBundle, waitingFor } from '../exchange';
import { owedSinceRestore } from '../restored';
import { listPeers } from '../peers';
import { RelayClient } from './client';

export const INTERVAL_MS = 30_000;
export const MAX_BACKOFF_MS = 5 * 60_000;
/** Operations a peer has not acknowledged are pushed again after this long. */
export const REPUSH_MS = 10 * 60_000;

/** Runs a function as the node itself, or answers null while the database is locked. */
export type AsNode = <T>(fn: (ctx: Context) => T) => T | null;

export interface RelayRound {
  pushed: number;
  pulled: number;
  /** bundles on the relay this node refused (they are removed: a refusal does not heal by waiting) */
  refused: number;
}

/** The latest operation held here of each origin: it changes when an operation is made or received. */
function heldOperations(ctx: Context): string {
  return JSON.stringify(ctx.sqlite.prepare('SELECT node_id, max(hlc) FROM change_log GROUP BY node_id ORDER BY node_id').raw().all());
}

export class RelayAgent {
  private readonly client: RelayClient;
  private relay: RelayStatus;
  /** per peer, the operations held here when a bundle was last pushed to it, and when */
  private readonly pushed = new Map<string, { operations: string; at: number }>();
  /** peers whose operations were applied here since the last bundle pushed to them */
  private readonly owed = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private backoff = INTERVAL_MS;
  private running: Promise<RelayRound | null> | null = null;
  private stopped = false;

  constructor(
    url: string,
    private readonly asNode: AsNode,
    private readonly now: () => Date,
    private readonly onChange: (status: RelayStatus) => void = () => {},
  ) {
    this.client = new RelayClient(url);
    this.relay = { url, state: 'offline', lastSync: null, nextAttempt: null };
  }

  status(): RelayStatus {
    return { ...this.relay };
  }

  /** Starts the rounds: the first at once. */
  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One round now (a round under way is waited for instead); null when the relay did not answer or the database is locked. */
  syncNow(): Promise<RelayRound | null> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.relay.nextAttempt = shanghaiTimestamp(new Date(this.now().getTime() + delay));
    this.timer = setTimeout(() => {
      void this.syncNow().then((round) => {
        this.backoff = round ? INTERVAL_MS : Math.min(this.backoff * 2, MAX_BACKOFF_MS);
        this.schedule(round ? INTERVAL_MS : this.backoff);
      });
    }, delay);
    this.timer.unref();
  }

  private update(change: Partial<RelayStatus>): void {
    const before = JSON.stringify(this.relay);
    Object.assign(this.relay, change);
    if (JSON.stringify(this.relay) !== before) this.onChange(this.status());
  }

  private async round(): Promise<RelayRound | null> {
    if (!(await this.client.probe())) {
      this.update({ state: 'offline' });
      return null;
    }
    try {
      const outcome: RelayRound = { pushed: 0, pulled: 0, refused: 0 };
      const outgoing = this.asNode((ctx) => this.bundlesToPush(ctx));
      // the relay answers; the database is locked (nobody logged in yet): nothing to do till later
      if (outgoing === null) {
        this.update({ state: 'online' });
        return outcome;
      }
      for (const bundle of outgoing) {
        await this.client.push(bundle.peerId, bundle.bundleId, bundle.bytes);
        this.pushed.set(bundle.peerId, { operations: bundle.held, at: this.now().getTime() });
        this.owed.delete(bundle.peerId);
        outcome.pushed++;
      }
      const self = this.asNode((ctx) => ctx.nodeId);
      if (self === null) return null;
      for (const entry of await this.client.list(self)) {
        const bytes = await this.client.fetch(self, entry.id);
        const applied = this.asNode((ctx) => {
          try {
            const imported = importBundle(ctx, bytes, 'relay');
            if (imported.applied > 0) this.owed.add(imported.senderId);
            return true;
          } catch (error) {
            if (toWireError(error).code === 'INTERNAL') throw error;
            return false;
          }
        });
        if (applied === null) return null;
        if (applied) outcome.pulled++;
        else outcome.refused++;
        await this.client.remove(self, entry.id);
      }
      this.update({ state: 'online', lastSync: shanghaiTimestamp(this.now()) });
      return outcome;
    } catch (error) {
      if (toWireError(error).code !== 'SYNC_RELAY_UNREACHABLE') throw error;
      this.update({ state: 'offline' });
      return null;
    }
  }

  /** A bundle for each active peer that needs one (see the top of this file). */
  private bundlesToPush(ctx: Context) {
    const held = heldOperations(ctx);
    const now = this.now().getTime();
    const needs = (peerId: string): boolean => {
      if (this.owed.has(peerId)) return true;
      const last = this.pushed.get(peerId);
      if (last && last.operations === held && now - last.at < REPUSH_MS) return false;
      // restored from a backup: the peer is to learn how far back this node is (../restored.ts)
      return waitingFor(ctx, peerId) > 0 || owedSinceRestore(ctx.db, peerId);
    };
    return listPeers(ctx.db, ctx.caller.scope)
      .filter((peer) => peer.state === 'active' && needs(peer.nodeId))
      .map((peer) => ({ ...exportBundle(ctx, peer.nodeId, 'relay'), held }));
  }
}
