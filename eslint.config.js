import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_ONLY = ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*', '@tabler/*', 'react-i18next'];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'location'].map(
  (name) => ({ name, message: 'src/core and src/shared run in Node and Electron\'s utility process: no DOM.' }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // the process boundary: the core and the contract never reach for a UI, Electron or the DOM
    files: ['src/core/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/ may import Electron.' }],
          patterns: [
            { group: UI_ONLY, message: 'src/core and src/shared never import UI libraries.' },
            { group: ['**/ui/**', '**/electron/**', '**/server/**', '**/cli/**'], message: 'The core depends on no shell.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/ may import Electron.' }],
          patterns: [
            { group: UI_ONLY, message: 'src/shared never imports UI libraries.' },
            { group: ['**/core/**', '**/ui/**', '**/electron/**', '**/server/**', '**/cli/**'], message: 'The contract depends on nothing but itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The UI reaches the core only through window.zhijian.' }],
          patterns: [
            // relative paths only: '**/core' would also match @mantine/core
            { regex: '^(\\.{1,2}/)+(.*/)?core(/|$)', message: 'The UI never imports src/core: call procedures through the bridge.' },
            { group: ['**/server/**', '**/cli/**', '**/electron/**', 'node:*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'The UI runs in a sandboxed renderer.' },
          ],
        },
      ],
      // user-visible text goes through i18next: no letters or CJK as bare JSX text
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[A-Za-z\\u4e00-\\u9fff]/]', message: 'Put user-visible text in src/shared/i18n and use t().' },
      ],
    },
  },
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**'], message: 'Electron loads the built UI; it does not import it.' }] },
      ],
    },
  },
);
