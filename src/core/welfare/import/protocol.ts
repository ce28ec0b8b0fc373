/** What the importing thread and the worker thread say to each other (./run-import, ./worker). */
import type { ErrorCode } from '../../../shared/api/errors';
import type { RejectedCell, WriteJob } from './writer';

/**
 * Rows per chunk: one transaction, a few ms of writing. Few enough that they die young: a chunk's
 * rows and records are alive until it is written, and with 2,048 rows most of them outlived V8's
 * young generation, so that collecting garbage took a third of an import's time (1,000,000 rows of
 * scripts/welfare/generate-cli.ts: 9.4 s of CPU with 512, 13–16 s with 2,048).
 */
export const CHUNK_ROWS = 512;

export interface FileJob extends WriteJob {
  path: string;
  /** decides the format by its extension */
  fileName: string;
  sheet?: string;
}

/** Whole CSV records as decoded text, and the row number of the first. */
export interface TextPiece {
  text: string;
  firstRow: number;
}

export type ToMain =
  | { type: 'ready' }
  /** a chunk for the importing thread to read and write */
  | { type: 'text'; pieces: TextPiece[]; bytes: number }
  /** a chunk the worker wrote itself */
  | { type: 'written'; rows: number; accepted: number; rejected: RejectedCell[]; bytes: number }
  | { type: 'end' }
  | { type: 'stopped' }
  | { type: 'failed'; code?: ErrorCode; details?: Record<string, unknown>; message: string };

export type ToWorker = { type: 'take'; chunks: number } | { type: 'stop' };
