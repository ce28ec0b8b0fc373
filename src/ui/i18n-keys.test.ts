import { describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en';
import { zhCN } from '../shared/i18n/zh-CN';

// read through Vite's glob (not node:fs) so the test type-checks with the UI's own config
const SOURCES = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

/**
 * The UI's keys are strings, not types (the shared translator's TFunction must accept any
 * messageKey), so a typo would only show up as a raw key on screen. This catches it here.
 */
describe('UI translation keys', () => {
  const known = new Set(leafKeys(zhCN));
  const literalKeys = Object.entries(SOURCES).flatMap(([file, text]) =>
    [...text.matchAll(/['`](ui\.[A-Za-z0-9_.]+)['`]/g)].map((m) => ({ key: m[1]!, file })),
  );

  it('finds the keys it checks', () => {
    expect(literalKeys.length).toBeGreaterThan(100);
  });

  it('uses only keys that exist', () => {
    const missing = literalKeys.filter(({ key }) => !key.endsWith('.') && !known.has(key));
    expect(missing).toEqual([]);
  });

  it('has the same keys in English and Chinese', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('has an English text for every rank, category and relation of the contract', async () => {
    const { RANKS, CATEGORIES, KIN_RELATIONS } = await import('../shared/api/registry');
    expect(Object.keys(en.ui.enums.rank).sort()).toEqual([...RANKS].sort());
    expect(Object.keys(en.ui.enums.category).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.keys(en.ui.enums.relation).sort()).toEqual([...KIN_RELATIONS].sort());
  });
});

describe('names of roles and permissions', () => {
  it('names every built-in role and labels every permission, in both languages', async () => {
    const { ROLE_CODES, PERMISSIONS } = await import('../shared/api/permissions');
    const zh = new Set(leafKeys(zhCN));
    const english = new Set(leafKeys(en));
    for (const code of ROLE_CODES) {
      expect(zh.has(`roles.${code}`), code).toBe(true);
      expect(english.has(`roles.${code}`), code).toBe(true);
    }
    for (const permission of PERMISSIONS) {
      expect(zh.has(`permissions.${permission}`), permission).toBe(true);
      expect(english.has(`permissions.${permission}`), permission).toBe(true);
    }
  });

  it('has the keys the UI builds at run time', async () => {
    const { PASSWORD_PROBLEMS } = await import('../shared/password-rules');
    const known = new Set(leafKeys(zhCN));
    const built = [
      ...PASSWORD_PROBLEMS,
      ...['active', 'locked', 'disabled'].map((state) => `ui.users.state.${state}`),
      ...['hash', 'link'].map((reason) => `ui.audit.brokenReason.${reason}`),
      ...['required', 'invalidDate'].map((problem) => `ui.cases.action.${problem}`),
      ...['required', 'invalidDate', 'futureDate', 'tooLong'].map((problem) => `ui.cases.intake.problem.${problem}`),
      ...['start', 'extension', 'resume'].map((reason) => `ui.cases.clocks.change.${reason}`),
      ...['builtin', 'custom'].map((origin) => `ui.settings.calendar.originLabel.${origin}`),
      ...['not_open', 'paused', 'not_paused', 'no_extension', 'extensions_used', 'same', 'already_merged'].map((why) => `ui.cases.why.${why}`),
    ];
    expect(built.filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('the case vocabulary', () => {
  it('labels every value of the contract in both languages', async () => {
    const c = await import('../shared/api/cases');
    const groups: [keyof typeof zhCN.cases, readonly string[]][] = [
      ['source', c.CLUE_SOURCES],
      ['stage', c.STAGES],
      ['outcome', c.OUTCOMES],
      ['action', c.ACTIONS],
      ['clock', c.CLOCK_KINDS],
      ['light', c.LIGHTS],
      ['measure', c.FIRST_FORM_MEASURES],
      ['sanction', c.SANCTION_KINDS],
      ['appealKind', c.APPEAL_KINDS],
      ['field', c.ACTION_FIELDS],
      ['limitUnit', c.LIMIT_UNITS],
    ];
    for (const [group, values] of groups) {
      expect(Object.keys(zhCN.cases[group]).sort(), group).toEqual([...values].sort());
      expect(Object.keys(en.cases[group]).sort(), group).toEqual([...values].sort());
    }
  });
});
