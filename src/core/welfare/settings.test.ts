import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { WelfareSettings } from '../../shared/api/welfare';
import { auditLog } from '../db/schema';
import { testCore } from '../testing/fixtures';
import { DEFAULT_WELFARE_SETTINGS } from './settings';

describe('welfare settings', () => {
  it('start at the defaults, and an update is stored and audited', async () => {
    const { core } = await testCore();
    expect(await core.call(api.welfare.settings.name, {})).toEqual(DEFAULT_WELFARE_SETTINGS);
    const changed: WelfareSettings = { ...DEFAULT_WELFARE_SETTINGS, minHomes: 3, exemptVehicleTypes: ['残疾人专用车'] };
    expect(await core.call(api.welfare.updateSettings.name, changed)).toEqual(changed);
    expect(await core.call(api.welfare.settings.name, {})).toEqual(changed);
    expect(core.database.db.select().from(auditLog).all().map((a) => a.procedure)).toContain('welfare.updateSettings');
    await expect(core.call(api.welfare.updateSettings.name, { ...changed, fuzzyConfidence: 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('give a setting the stored document lacks (added by a later version) its default', async () => {
    const { core } = await testCore();
    const { fuzzyConfidence: _, ...older } = { ...DEFAULT_WELFARE_SETTINGS, minHomes: 4 };
    core.database.sqlite.prepare(`INSERT INTO settings (id, value, updated_at) VALUES ('welfare', ?, '2026-01-01T00:00:00.000+08:00')`).run(JSON.stringify(older));
    expect(await core.call(api.welfare.settings.name, {})).toEqual({ ...DEFAULT_WELFARE_SETTINGS, minHomes: 4 });
  });
});
