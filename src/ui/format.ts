/**
 * Times as the commission reads them: Asia/Shanghai whatever the machine's zone, as
 * `YYYY-MM-DD HH:mm:ss` in both languages (sortable, and what the national forms use).
 */
const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A stored ISO time for display; what does not parse as a time is shown as given. */
export function formatDateTime(iso: string, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
  const time = options.seconds === false ? `${part.hour}:${part.minute}` : `${part.hour}:${part.minute}:${part.second}`;
  return `${part.year}-${part.month}-${part.day} ${time}`;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** A file size in binary units, one decimal from KB up: 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} ${UNITS[0]}` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** Whether a lock time is still ahead (the core may keep an elapsed one until the next login). */
export function isFuture(iso: string | null, now = Date.now()): boolean {
  if (!iso) return false;
  const time = new Date(iso).getTime();
  return !Number.isNaN(time) && time > now;
}
