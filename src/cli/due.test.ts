// `zhijian due` as a user runs it, English messages: on the built-in table without a database,
// on the database's calendar (with the years an administrator added) with one.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api } from '../shared/api';
import { REPO_ROOT } from '../core/paths';
import { ADMIN, tempDir, testCore } from '../core/testing/fixtures';

const BIN = path.join(REPO_ROOT, 'bin/zhijian.js');

function zhijian(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('ZHIJIAN_')));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, ZHIJIAN_LANG: 'en', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('zhijian due', () => {
  it('prints the deadline as JSON, and refuses a year beyond the calendar with one line', async () => {
    const [inside, beyond] = await Promise.all([
      zhijian(['due', '--from', '2026-09-30', '--working-days', '1', '--json']),
      zhijian(['due', '--from', '2026-12-30', '--days', '2']),
    ]);
    expect(inside.stderr).toBe('');
    expect(inside.code).toBe(0);
    expect(JSON.parse(inside.stdout)).toEqual({ due: '2026-10-08' });

    expect(beyond.code).toBe(1);
    expect(beyond.stdout).toBe('');
    expect(beyond.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('2027')]);
    expect(beyond.stderr).toContain('2004–2026');
  });

  it('counts the years an administrator added when given a database, by --db or ZHIJIAN_DB', async () => {
    const dbFile = path.join(tempDir(), 'zhijian.db');
    const { core } = await testCore({ dbFile });
    await core.call(api.calendar.putYear.name, { year: 2027, holidays: ['2027-01-01'], workdays: [] });
    core.close();
    const asAdmin = { ZHIJIAN_USER: ADMIN.username, ZHIJIAN_PASSWORD: ADMIN.password };

    const [byOption, byEnv, builtinOnly, badPassword, zero] = await Promise.all([
      zhijian(['due', '--db', dbFile, '--from', '2026-12-30', '--working-days', '2', '--json'], asAdmin),
      zhijian(['due', '--from', '2026-12-31', '--days', '1'], { ...asAdmin, ZHIJIAN_DB: dbFile }),
      zhijian(['due', '--from', '2026-12-30', '--working-days', '2']),
      zhijian(['due', '--db', dbFile, '--from', '2026-12-30', '--working-days', '2'], { ...asAdmin, ZHIJIAN_PASSWORD: 'wrong-password-2026' }),
      zhijian(['due', '--db', dbFile, '--from', '2026-12-30', '--working-days', '0'], asAdmin),
    ]);
    expect(byOption.stderr).toBe('');
    expect(byOption.code).toBe(0);
    expect(JSON.parse(byOption.stdout)).toEqual({ due: '2027-01-04' }); // 12-31, then past New Year and the weekend
    expect(byEnv.stderr).toBe('');
    expect(byEnv.stdout.trim()).toBe('2027-01-04'); // 01-01 is the holiday just added, then the weekend
    // without a database, only the built-in table
    expect(builtinOnly.code).toBe(1);
    expect(builtinOnly.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('2027')]);
    for (const refused of [badPassword, zero]) {
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
