/**
 * Who checkpoints the log during an import with two threads (./run-import). Moving the pages of a
 * large import from the log into the database (decrypting and encrypting each) costs nearly as
 * much as writing them; done by the thread that reads the file, it kept the importing thread
 * waiting for rows meanwhile. So the importing thread checkpoints whenever it would otherwise
 * wait, and the reading thread only when the log has grown well past that (the importing thread
 * was never idle). Both count the chunks written since the last checkpoint in shared memory.
 */

/** Chunks written between checkpoints: some 4 MB of pages, the log staying small. */
export const CHECKPOINT_CHUNKS = 32;

export class CheckpointsDue {
  private readonly count: Int32Array;

  constructor(readonly shared: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.count = new Int32Array(shared);
  }

  /** A chunk was written. */
  written(): void {
    Atomics.add(this.count, 0, 1);
  }

  /** Whether `chunks` or more were written since the last checkpoint; if so, the caller makes it (the other thread will not). */
  claim(chunks: number): boolean {
    const due = Atomics.load(this.count, 0);
    return due >= chunks && Atomics.compareExchange(this.count, 0, due, 0) === due;
  }
}

/** Copies what the log holds into the database, as far as it can without waiting for readers or a writer. */
export function checkpoint(sqlite: { pragma(source: string): unknown }): void {
  sqlite.pragma('wal_checkpoint(PASSIVE)');
}
