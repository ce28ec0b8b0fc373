// `zhijian due` as a user runs it: no database, English messages.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../core/paths';

const BIN = path.join(REPO_ROOT, 'bin/zhijian.js');

function zhijian(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('ZHIJIAN_')));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, ZHIJIAN_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'] });
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
});
