const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as an ISO timestamp in Asia/Shanghai (UTC+8, no daylight saving): 2026-03-05T09:30:00.000+08:00 */
export function shanghaiTimestamp(date: Date): string {
  return `${new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, -1)}+08:00`;
}

/** The calendar date in Asia/Shanghai: 2026-03-05 */
export function shanghaiDate(date: Date): string {
  return shanghaiTimestamp(date).slice(0, 10);
}
