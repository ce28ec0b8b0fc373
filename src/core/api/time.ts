const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as an ISO timestamp in Asia/Shanghai (UTC+8, no daylight saving): 2026-03-05T09:30:00.000+08:00 */
export function shanghaiTimestamp(date: Date): string {
  return `${new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, -1)}+08:00`;
}

/** The calendar date in Asia/Shanghai: 2026-03-05 */
export function shanghaiDate(date: Date): string {
  return shanghaiTimestamp(date).slice(0, 10);
}

/**
 * A clock that reads `today` (YYYY-MM-DD, Shanghai) at the moment it is made, then runs at the
 * real pace: for demonstrations and tests that need deadlines seen from another day.
 */
export function clockFrom(today: string, real: () => number = Date.now): () => Date {
  const target = Date.parse(`${today}T00:00:00.000+08:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(target)) throw new Error(`--today ${today}: a date is written YYYY-MM-DD`);
  const start = real();
  const timeOfDay = (start + SHANGHAI_OFFSET_MS) % (24 * 60 * 60 * 1000);
  const offset = target + timeOfDay - start;
  return () => new Date(real() + offset);
}
