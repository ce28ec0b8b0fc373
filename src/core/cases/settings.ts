import { eq } from 'drizzle-orm';
import { CLOCK_KINDS, type WorkflowSettings } from '../../shared/api/cases';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { settings } from '../db/schema';
import { DEFAULT_SETTINGS } from './workflow';

const KEY = 'workflow';

/**
 * The workflow settings in force: the stored document over the defaults, so that a clock
 * added by a later version starts with its statutory limit.
 */
export function loadSettings(db: Db): WorkflowSettings {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.id, KEY)).get();
  if (!row) return DEFAULT_SETTINGS;
  const stored = JSON.parse(row.value) as Partial<WorkflowSettings>;
  return {
    yellowWorkingDays: stored.yellowWorkingDays ?? DEFAULT_SETTINGS.yellowWorkingDays,
    limits: Object.fromEntries(
      CLOCK_KINDS.map((kind) => [kind, stored.limits?.[kind] ?? DEFAULT_SETTINGS.limits[kind]]),
    ) as WorkflowSettings['limits'],
    // a stored document lists every approver it keeps: one removed there needs no approval
    approvers: stored.approvers ?? DEFAULT_SETTINGS.approvers,
  };
}

export function saveSettings(w: Writer, value: WorkflowSettings, now: Date): void {
  const at = shanghaiTimestamp(now);
  const json = JSON.stringify(value);
  if (w.db.select({ id: settings.id }).from(settings).where(eq(settings.id, KEY)).get()) {
    w.update(settings, KEY, { value: json }, { updatedAt: at });
  } else {
    w.insert(settings, { id: KEY, value: json, updatedAt: at });
  }
}
