// `zhijian import --dataset KIND FILE` as a county's script runs it: node bin/zhijian.js in a
// child process, on a database set up in-process at the test scrypt cost (see cli.test.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { WelfareImportReport } from '../shared/api/welfare';
import { REPO_ROOT } from '../core/paths';
import { ADMIN, tempDir, testCore } from '../core/testing/fixtures';
import { csvText, DISBURSEMENT_HEADER, paymentRow } from '../core/welfare/import/testing';

const BIN = path.join(REPO_ROOT, 'bin/zhijian.js');

function zhijian(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
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

describe('zhijian import --dataset', () => {
  it('imports a welfare dataset file through the upload, prints the report, and refuses the same file again', async () => {
    const dir = tempDir();
    const { core, dbFile } = await testCore({ dbFile: path.join(dir, 'zhijian.db') });
    core.close();
    const env = { ZHIJIAN_DB: dbFile, ZHIJIAN_USER: ADMIN.username, ZHIJIAN_PASSWORD: ADMIN.password };
    const rows = Array.from({ length: 50 }, (_, i) => paymentRow(i));
    rows[4]![9] = '-1.00';
    const file = path.join(dir, '三月发放.csv');
    fs.writeFileSync(file, iconv.encode(csvText(DISBURSEMENT_HEADER, rows), 'gb18030'));
    const deaths = path.join(dir, 'deaths.csv');
    fs.writeFileSync(deaths, '姓名,公民身份号码,死亡日期\n李志强,530721500101011,2025/12/1\n');

    const [json, text] = await Promise.all([
      zhijian(['import', '--dataset', 'disbursements', file, '--json'], env),
      zhijian(['import', '--dataset', 'deaths', deaths], env),
    ]);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as WelfareImportReport;
    expect(report.batch).toMatchObject({ dataset: 'disbursements', fileName: '三月发放.csv', rows: 50, accepted: 49, rejected: 1, status: 'complete' });
    expect(report.rejected).toEqual([expect.objectContaining({ row: 6, field: '发放金额', reasonKey: 'import.reason.negativeAmount' })]);

    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^deaths\.csv: 1 rows, 1 imported, 0 rejected \(batch [0-9A-Z]{26}\)\n$/);
    // the progress line: rows, rate, time left
    expect(text.stderr).toMatch(/^1 rows read, [\d,]+ rows\/s, about 0 s left\n$/);

    const again = await zhijian(['import', '--dataset', 'disbursements', file], { ...env, ZHIJIAN_LANG: 'zh-CN' });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`同一文件已于 ${report.batch.importedAt} 导入（三月发放.csv，批次 ${report.batch.id}）`)]);
    // nothing of the uploads is left in the data folder
    expect(fs.readdirSync(path.join(dir, 'uploads'))).toEqual([]);
  }, 120_000);
});
