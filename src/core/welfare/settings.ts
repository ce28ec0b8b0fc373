import { eq } from 'drizzle-orm';
import type { WelfareSettings } from '../../shared/api/welfare';
import { shanghaiTimestamp } from '../api/time';
import type { Writer } from '../api/write';
import type { Db } from '../db/open';
import { settings } from '../db/schema';

/** the row of the `settings` table */
export const WELFARE_SETTINGS_KEY = 'welfare';

/** The thresholds and lists the comparison rules read, as the issue sets them out. */
export const DEFAULT_WELFARE_SETTINGS: WelfareSettings = {
  officialCategories: ['公务员', '参公人员', '事业编制', '国企管理人员', '其他财政供养'],
  cadreCategories: ['村(社区)干部'],
  exemptVehicleTypes: ['残疾人专用车', '摩托车', '拖拉机', '三轮汽车'],
  commercialPropertyUses: ['商业', '办公'],
  minHomes: 2,
  businessRoles: ['法定代表人', '股东'],
  activeBusinessStatuses: ['存续'],
  sharedAccountMinIds: 3,
  fuzzyConfidence: 0.8,
};

/** The stored document over the defaults, so that a setting added later starts at its default. */
export function welfareSettingsOf(stored: string | undefined): WelfareSettings {
  return stored ? { ...DEFAULT_WELFARE_SETTINGS, ...(JSON.parse(stored) as Partial<WelfareSettings>) } : DEFAULT_WELFARE_SETTINGS;
}

/** The settings in force. */
export function loadWelfareSettings(db: Db): WelfareSettings {
  return welfareSettingsOf(db.select({ value: settings.value }).from(settings).where(eq(settings.id, WELFARE_SETTINGS_KEY)).get()?.value);
}

export function saveWelfareSettings(w: Writer, value: WelfareSettings, now: Date): WelfareSettings {
  const at = shanghaiTimestamp(now);
  const json = JSON.stringify(value);
  if (w.db.select({ id: settings.id }).from(settings).where(eq(settings.id, WELFARE_SETTINGS_KEY)).get()) {
    w.update(settings, WELFARE_SETTINGS_KEY, { value: json }, { updatedAt: at });
  } else {
    w.insert(settings, { id: WELFARE_SETTINGS_KEY, value: json, updatedAt: at });
  }
  return value;
}
