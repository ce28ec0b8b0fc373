// The property: nodes writing at random and exchanging content in random order, with
// duplicates, drops and delays, all end in the identical state after a full exchange, with every
// write either present or superseded. fast-check prints the seed and the shrunk counterexample on
// failure; FC_SEED=<seed> FC_PATH=<path> replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BundleContent, KnowledgeVector } from '../operations';
import { ownVector } from './knowledge';
import { contentFor } from './outgoing';
import { seedUnits, supersessionProblems, writeAction, Writes, type WriteAction } from './simulation';
import { everything, mergeNode, sync, syncedDump, type MergeNode } from './testing';

const seed = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {};

type Step =
  | { kind: 'write'; node: number; write: WriteAction }
  | { kind: 'tick'; ms: number }
  /** a bundle made for a peer, put in flight */
  | { kind: 'send'; from: number; to: number }
  /** one in flight arrives; `again`: it is also left in flight, to arrive a second time */
  | { kind: 'deliver'; pick: number; again: boolean }
  | { kind: 'drop'; pick: number };

const step = (nodes: number): fc.Arbitrary<Step> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), node: fc.nat(nodes - 1), write: writeAction }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.nat(3) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(nodes - 1), to: fc.nat(nodes - 1) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(20), again: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat(20) }) },
  );

const scenario = fc.integer({ min: 3, max: 4 }).chain((nodes) =>
  fc.record({
    // clocks a few milliseconds apart, so that stamps of different nodes interleave and tie on milliseconds
    skews: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: nodes, maxLength: nodes }),
    steps: fc.array(step(nodes), { minLength: 30, maxLength: 200, size: 'max' }),
  }),
);

interface Message {
  from: number;
  to: number;
  content: BundleContent;
  /** the sender's vector, as a bundle header carries it */
  vector: KnowledgeVector;
}

/** Merges what a header said into what we knew of that peer (a late bundle says less). */
function learn(known: KnowledgeVector, said: KnowledgeVector): void {
  for (const [origin, hlc] of Object.entries(said)) if (!(known[origin] && known[origin] >= hlc)) known[origin] = hlc;
}

function simulate(skews: number[], steps: Step[], check: (nodes: MergeNode[]) => void): void {
  const time = { t: 1_767_000_000_000 };
  const nodes = skews.map((skew, i) => mergeNode(`n${i}`, () => time.t + skew));
  try {
    seedUnits(nodes[0]!);
    for (const n of nodes.slice(1)) sync(nodes[0]!, n);
    // knowledge[i][j]: what node i last heard node j holds
    const knowledge = nodes.map(() => nodes.map((): KnowledgeVector => ({})));
    const flight: Message[] = [];
    const writes = new Writes();
    const make = (from: number, to: number): Message => ({
      from,
      to,
      content: contentFor(nodes[from]!.sqlite, knowledge[from]![to]!, everything),
      vector: ownVector(nodes[from]!.sqlite),
    });
    const deliver = (m: Message) => {
      nodes[m.to]!.apply(m.content);
      learn(knowledge[m.to]![m.from]!, m.vector);
    };
    for (const s of steps) {
      if (s.kind === 'write') writes.apply(nodes[s.node]!, s.write);
      else if (s.kind === 'tick') time.t += s.ms;
      else if (s.kind === 'send' && s.from !== s.to) flight.push(make(s.from, s.to));
      else if (s.kind === 'deliver' && flight.length > 0) {
        const i = s.pick % flight.length;
        deliver(flight[i]!);
        if (!s.again) flight.splice(i, 1);
      } else if (s.kind === 'drop' && flight.length > 0) flight.splice(s.pick % flight.length, 1);
    }
    // the full exchange: everyone to everyone, until every node holds the same
    const vectors = () => nodes.map((n) => ownVector(n.sqlite));
    for (let round = 0; new Set(vectors().map((v) => JSON.stringify(v))).size > 1; round++) {
      expect(round, 'rounds of full exchange').toBeLessThan(4);
      for (const i of nodes.keys()) for (const j of nodes.keys()) if (i !== j) deliver(make(i, j));
    }
    check(nodes);
  } finally {
    for (const n of nodes) n.close();
  }
}

const counts = (n: MergeNode) => n.sqlite.prepare('SELECT (SELECT count(*) FROM change_log), (SELECT count(*) FROM audit_log)').raw().get();

describe('merge convergence', () => {
  it('brings every node to the identical state, with every write present or superseded', () => {
    fc.assert(
      fc.property(scenario, ({ skews, steps }) =>
        simulate(skews, steps, (nodes) => {
          const [first, ...others] = nodes;
          const state = syncedDump(first!.sqlite);
          for (const n of others) {
            expect(counts(n)).toEqual(counts(first!));
            expect(syncedDump(n.sqlite)).toEqual(state);
          }
          expect(supersessionProblems(first!.sqlite)).toEqual([]);
        }),
      ),
      { numRuns: 30, ...seed },
    );
  });

  it('reaches the same state from the same operations applied in any order, in any pieces, any number of times', () => {
    const pieces = fc.record({
      skews: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 2 }),
      steps: fc.array(step(2), { minLength: 20, maxLength: 80, size: 'max' }),
      order: fc.array(fc.nat(), { minLength: 1, maxLength: 400, size: 'max' }),
      cuts: fc.array(fc.nat(), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(pieces, ({ skews, steps, order, cuts }) =>
        simulate(skews, steps, ([source]) => {
          const { operations, audit } = contentFor(source!.sqlite, {}, everything);
          // the operations one by one in a random order, some twice, cut into pieces
          const shuffled = order.map((k) => operations[k % operations.length]!).filter(Boolean);
          const rest = operations.filter((o) => !shuffled.includes(o));
          const sequence = [...shuffled, ...rest.reverse()];
          const bounds = [...new Set([0, ...cuts.map((c) => c % (sequence.length + 1)), sequence.length])].sort((a, b) => a - b);
          const [inPieces, atOnce] = [mergeNode('x'), mergeNode('y')];
          try {
            for (let i = 1; i < bounds.length; i++) inPieces.apply({ operations: sequence.slice(bounds[i - 1], bounds[i]), audit });
            atOnce.apply({ operations, audit });
            atOnce.apply({ operations, audit });
            expect(syncedDump(inPieces.sqlite)).toEqual(syncedDump(atOnce.sqlite));
            expect(syncedDump(atOnce.sqlite)).toEqual(syncedDump(source!.sqlite));
          } finally {
            inPieces.close();
            atOnce.close();
          }
        }),
      ),
      { numRuns: 30, ...seed },
    );
  });
});
