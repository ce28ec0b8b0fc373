/** What the importing thread and the worker thread say to each other (./run-import, ./worker). */
import type { ErrorCode } from '../../../shared/api/errors';
import type { RejectedCell, WriteJob } from './writer';

/** Rows per chunk: one transaction, some 10 ms of writing; few enough that they die young. */
export const CHUNK_ROWS = 2048;

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
