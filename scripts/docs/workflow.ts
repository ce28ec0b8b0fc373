// Prints the workflow table (src/core/cases/workflow.ts) with its default limits and approvers
// as Markdown, in Chinese and code names: `npx tsx scripts/docs/workflow.ts > docs/WORKFLOW.md`.
// docs/WORKFLOW.md is checked against this output by a test, so the document cannot drift.
import { CLOCK_KINDS, type Limit } from '../../src/shared/api/cases';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { APPEAL_CLOCKS, CLOCK_STAGES, DEFAULT_SETTINGS, TRANSITIONS } from '../../src/core/cases/workflow';

const t = zhCN.cases;
const unit = (limit: Limit) => `${limit.n} ${t.limitUnit[limit.unit]}`;

export function workflowMarkdown(): string {
  const lines = [
    '# 办案流程 / The case workflow',
    '',
    'Generated from `src/core/cases/workflow.ts` by `npx tsx scripts/docs/workflow.ts`; every limit and approver',
    'below is a default that an administrator may change (settings screen, `cases.updateSettings`).',
    '',
    '## Transitions',
    '',
    'Every action needs the permission `cases.handle`; those marked so also need `cases.intake`.',
    '',
    '| action | from | to | required | starts | also needs | approver |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const tr of TRANSITIONS) {
    const to = tr.to === 'same' ? '—' : tr.outcome ? `${t.stage[tr.to]}（${t.outcome[tr.outcome]}）` : t.stage[tr.to];
    const approver = DEFAULT_SETTINGS.approvers[tr.action];
    // an appeal starts the clock of its kind
    const starts = tr.action === 'appeal' ? Object.values(APPEAL_CLOCKS) : (tr.starts ?? []);
    lines.push(
      `| ${t.action[tr.action]} \`${tr.action}\` | ${tr.from.map((s) => t.stage[s]).join('、')} | ${to} | ${(tr.required ?? []).map((f) => t.field[f]).join('、') || '—'} | ${starts.map((k) => t.clock[k]).join(' / ') || '—'} | ${tr.proposer ? `\`${tr.proposer}\`` : '—'} | ${approver ? zhCN.roles[approver] : '—'} |`,
    );
  }
  lines.push('', '## Clocks', '', '| clock | limit | extension | closed on leaving |', '|---|---|---|---|');
  for (const kind of CLOCK_KINDS) {
    const limit = DEFAULT_SETTINGS.limits[kind];
    const stages = CLOCK_STAGES[kind];
    lines.push(
      `| ${t.clock[kind]} \`${kind}\` | ${unit(limit)} | ${limit.extension ? `${unit(limit.extension)} × ${limit.maxExtensions}` : '—'} | ${stages === 'case' ? '—' : stages.map((s) => t.stage[s]).join('、')} |`,
    );
  }
  lines.push('', `A clock turns yellow ${DEFAULT_SETTINGS.yellowWorkingDays} working days before it is due and red the day after.`, '');
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('workflow.ts')) process.stdout.write(workflowMarkdown());
