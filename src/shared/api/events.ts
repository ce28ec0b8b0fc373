/** Events the core emits, named in the past tense. */
export interface EventMap {
  'import.progressed': { jobId: string; rows: number; total: number | null };
  'data.changed': { tables: string[] };
}

export type EventName = keyof EventMap;
