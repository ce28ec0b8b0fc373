import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/core/paths';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the lint rules that keep the process boundary', () => {
  it('fail when src/core or src/shared imports react, electron or the DOM', async () => {
    expect(await messages('src/core/x.ts', "import React from 'react';\nexport const a = React;\n")).toContain('no-restricted-imports');
    expect(await messages('src/shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await messages('src/core/x.ts', 'export const a = () => document.title;\n')).toContain('no-restricted-globals');
    expect(await messages('src/shared/x.ts', "import { Button } from '@mantine/core';\nexport const a = Button;\n")).toContain('no-restricted-imports');
  });

  it('fail when src/ui imports src/core, but not for @mantine/core', async () => {
    expect(await messages('src/ui/x.ts', "import { openCore } from '../core/api/core';\nexport const a = openCore;\n")).toContain('no-restricted-imports');
    expect(await messages('src/ui/screens/x.ts', "import { AppError } from '../../core/api/errors';\nexport const a = AppError;\n")).toContain('no-restricted-imports');
    expect(await messages('src/ui/x.ts', "import { Button } from '@mantine/core';\nexport const a = Button;\n")).toEqual([]);
  });

  it('fail on user-visible text written into JSX instead of the translations', async () => {
    expect(await messages('src/ui/x.tsx', 'export const A = () => <div>人员信息</div>;\n')).toContain('no-restricted-syntax');
    expect(await messages('src/ui/x.tsx', 'export const A = () => <div>People</div>;\n')).toContain('no-restricted-syntax');
    expect(await messages('src/ui/x.tsx', 'export const A = ({ n }: { n: number }) => <div>{n} · </div>;\n')).toEqual([]);
  });
});
