import type { EventMap } from '../../../../shared/api/events';

export type ProgressEvent = EventMap['import.progressed'];

export interface ImportProgress {
  rows: number;
  /** null until there is enough time behind to say */
  rowsPerSecond: number | null;
  /** share of the file read, when the core reports bytes */
  fraction: number | null;
  /** null while unknown */
  secondsLeft: number | null;
}

/** Below this a rate is noise (the first chunk parsed, nothing written yet). */
const SETTLE_MS = 500;

/**
 * Rows, rate and time left from the latest progress event and the time since the import began.
 * Time left is reckoned from bytes, not rows: the file's size is known before its row count.
 */
export function importProgress(event: Pick<ProgressEvent, 'rows' | 'bytes' | 'totalBytes'> | null, elapsedMs: number): ImportProgress {
  const rows = event?.rows ?? 0;
  const settled = elapsedMs >= SETTLE_MS;
  const fraction = event?.bytes !== undefined && event.totalBytes ? Math.min(1, event.bytes / event.totalBytes) : null;
  return {
    rows,
    rowsPerSecond: settled && rows > 0 ? Math.round(rows / (elapsedMs / 1000)) : null,
    fraction,
    secondsLeft: settled && fraction !== null && fraction > 0 ? Math.max(0, Math.ceil(((1 - fraction) / fraction) * (elapsedMs / 1000))) : null,
  };
}

/** Seconds as minutes and seconds, for "2 分 5 秒". */
export function durationParts(seconds: number): { minutes: number; seconds: number } {
  const whole = Math.max(0, Math.ceil(seconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}
