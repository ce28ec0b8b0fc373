/** Events the core emits, named in the past tense. */
import type { RelayStatus } from './sync';
import type { RuleCode } from './welfare';
export interface EventMap {
  /** `bytes` of `totalBytes` read so far, when the file's size is known (rate and time left follow) */
  'import.progressed': { jobId: string; rows: number; total: number | null; bytes?: number; totalBytes?: number };
  /** `done` of the `total` rules of a run have been compared; `rule` the one just done, null at the start */
  'welfare.rulesProgressed': { jobId: string; done: number; total: number; rule: RuleCode | null };
  'data.changed': { tables: string[] };
  /** the relay went online or offline, or an exchange with it went through */
  'sync.changed': { relay: RelayStatus };
}

export type EventName = keyof EventMap;

/** The same names at run time: shells subscribe to these and let the UI listen to these only. */
export const EVENT_NAMES = ['import.progressed', 'welfare.rulesProgressed', 'data.changed', 'sync.changed'] as const satisfies readonly EventName[];

// adding an event to EventMap without listing it here fails the typecheck
type Unlisted = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyEventListed;

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
