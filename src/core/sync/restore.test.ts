// A county office's database restored from a backup older than its last exchange is the same
// node, behind: what it made after the backup and had already sent comes back from the city.
import { describe, expect, it } from 'vitest';
import { api, type AuditVerification, type BackupInfo, type CaseDetail, type CaseSummary, type SessionOpened } from '../../shared/api';
import { openCore, type Core } from '../api/core';
import { restoreBackup } from '../backup/backup';
import { MIGRATIONS_DIR } from '../paths';
import { unitId } from '../registry/units';
import { ADMIN, TEST_KDF, tempDir } from '../testing/fixtures';
import { clue, exchange, offices } from './two-offices';

const titles = async (core: Core) => ((await core.call(api.cases.list.name, {})) as { rows: CaseSummary[] }).rows.map((c) => c.title).sort();

/** The database as its administrator opens it after the restore. */
async function reopen(dbFile: string): Promise<Core> {
  const core = openCore({ dbFile, migrationsDir: MIGRATIONS_DIR, kdf: TEST_KDF });
  const { sessionToken } = (await core.call(api.auth.login.name, ADMIN)) as SessionOpened;
  const call = core.call.bind(core);
  core.call = (name, input, session = sessionToken!) => call(name, input, session);
  return core;
}

describe('a county node restored from an older backup', () => {
  it('gets back from its peer what it had sent since the backup, and goes on with new writes that reach the peer', async () => {
    const { city, county, countyFile } = await offices();
    await exchange(city, county);
    // the county's node works for the county: its audit entries go to the city and come back to it
    await county.call(api.sync.setNodeUnit.name, { unitCode: '530721' });
    await county.call(api.cases.intake.name, clue('备份之前受理的线索', unitId('530721')));
    const backup = (await county.call(api.backup.create.name, { file: `${tempDir()}/county-backup.db` })) as BackupInfo;
    const lost = (await county.call(api.cases.intake.name, clue('备份之后受理、已同步到市里的线索', unitId('530721')))) as CaseDetail;
    await exchange(county, city);
    county.close();

    restoreBackup(backup.file, countyFile, ADMIN, MIGRATIONS_DIR, new Date());
    const restored = await reopen(countyFile);
    try {
      expect(await titles(restored)).toEqual(['备份之前受理的线索']);
      const restoreMark = () => restored.database.sqlite.prepare("SELECT count(*) FROM meta WHERE key = 'sync_restored'").pluck().get();
      expect(restoreMark()).toBe(1);
      // its next exchange tells the city how far back it is: the city sends the rest back, and
      // says it had applied that bundle, so the node tells the truth from then on
      await exchange(restored, city);
      expect(restoreMark()).toBe(0);
      expect(await titles(restored)).toEqual(['备份之前受理的线索', '备份之后受理、已同步到市里的线索'].sort());
      expect(((await restored.call(api.cases.get.name, { id: lost.id })) as CaseDetail).number).toBe(lost.number);
      // new writes after the restore are stamped after everything the node made before
      await restored.call(api.cases.intake.name, clue('恢复之后受理的线索', unitId('530721')));
      await exchange(restored, city);
      expect(await titles(city)).toEqual(await titles(restored));
      expect((await titles(city)).length).toBe(3);
      const verification = (await restored.call(api.audit.verify.name, {})) as AuditVerification;
      // its chain goes on from the backup's last entry twice: after the restore, and in what came back
      expect(verification).toMatchObject({ ok: true, forks: 1 });
    } finally {
      restored.close();
    }
  });
});
