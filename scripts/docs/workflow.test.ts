import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/core/paths';
import { workflowMarkdown } from './workflow';

it('docs/WORKFLOW.md is the workflow table as the code has it', () => {
  expect(fs.readFileSync(path.join(REPO_ROOT, 'docs/WORKFLOW.md'), 'utf8')).toBe(workflowMarkdown());
});
