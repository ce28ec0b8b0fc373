import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

// ulid's default generator asks the OS for randomness once per character; a pool refilled a few
// kilobytes at a time gives the same cryptographic randomness at a fraction of the cost on bulk imports
const pool = new Uint32Array(1024);
let next = pool.length;

function pooledRandom(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++]! / 0x1_0000_0000;
}

/** A new row id: a ULID made on this node, increasing within the millisecond. */
export const newId: () => string = monotonicFactory(pooledRandom);
