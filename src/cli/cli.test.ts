import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PeopleImportReport, Person } from '../shared/api';
import { REPO_ROOT } from '../core/paths';
import { syntheticId, tempDir } from '../core/testing/fixtures';

function zhijian(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/zhijian.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ZHIJIAN_LANG: 'en', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the zhijian command', () => {
  it('creates a database, imports a people file with bad rows and lists people as JSON', () => {
    const dir = tempDir();
    const db = path.join(dir, 'city.db');
    expect(zhijian(['init', '--db', db, '--json'])).toMatchObject({ code: 0 });
    // the root unit exists: the people file may name it
    const good = syntheticId('530702', '19760405', '118');
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(file, `姓名,身份证号,工作单位\n和玉兰,${good},丽江市\n木华,${good.slice(0, 17)}0,丽江市\n`);
    const imported = zhijian(['people', 'import', file, '--json'], { ZHIJIAN_DB: db });
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as PeopleImportReport;
    expect(report).toMatchObject({ rows: 2, created: 1 });
    expect(report.rejected).toMatchObject([{ row: 3, field: '身份证号' }]);

    const listed = zhijian(['people', 'list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as Person[]).map((p) => [p.name, p.idNumber, p.unitName])).toEqual([['和玉兰', good, '丽江市']]);
  });

  it('fills a demo database with the Lijiang commission', () => {
    const db = path.join(tempDir(), 'demo.db');
    expect(zhijian(['demo', '--db', db])).toMatchObject({ code: 0 });
    const people = JSON.parse(zhijian(['people', 'list', '--db', db, '--json', '--unit', '530724']).stdout) as Person[];
    expect(people.length).toBeGreaterThan(100);
    expect(people.every((p) => p.unitName !== null)).toBe(true);
    // a second demo on the same file is refused, nothing replaced
    expect(zhijian(['demo', '--db', db])).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
  });

  it('fails with exit code 1 and one translated line, never a stack trace', () => {
    const dir = tempDir();
    const notDb = path.join(dir, 'notes.db');
    fs.writeFileSync(notDb, 'these are not the rows you are looking for');
    for (const [args, message] of [
      [['people', 'list', '--db', notDb], 'is not a database file'],
      [['people', 'list', '--db', path.join(dir, 'missing.db')], 'does not exist'],
      [['people', 'list'], '--db FILE'],
      [['people', 'list', '--db', notDb, '--bogus'], 'Invalid input'],
      [['import', '--dataset', 'vehicles', 'x.csv'], 'known datasets: people'],
    ] as const) {
      const result = zhijian([...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toContain(message);
    }
    expect(zhijian(['people', 'list', '--db', notDb], { ZHIJIAN_LANG: 'zh-CN' }).stderr).toContain('不是数据库文件');
  });
});
