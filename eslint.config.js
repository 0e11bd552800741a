// Lint, including the dependency direction of docs/ARCHITECTURE (shared ← db ← electron/backend, server;
// electron/main ← backend; renderer → shared only). Regexes, so relative paths are caught too.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = `^(node:.*|${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?$`;
const dir = (name) => `(^|\\/)${name}\\/`;

const rule = (patterns) => ['error', { patterns: patterns.map(([regex, message]) => ({ regex, message })) }];

const BOUNDARIES = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': rule([
        [NODE_BUILTINS, 'shared/ is pure TypeScript: no Node APIs.'],
        ['^(electron|better-sqlite3|kysely|react|react-dom|antd|zustand|ws|@electric-sql\\/pglite)$', 'shared/ imports nothing but zod.'],
        [`${dir('(electron|db|renderer|server)')}`, 'shared/ imports nothing else of the project.'],
      ]),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': rule([
        ['^electron$', 'db/ never imports electron.'],
        [`${dir('(electron|renderer|server)')}`, 'db/ depends on shared/ only.'],
      ]),
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': rule([
        ['^electron$', 'The backend is plain Node so it runs in web mode and tests: no electron import.'],
        [`${dir('(renderer|main|preload)')}`, 'The backend must not depend on the UI or the Electron shell.'],
      ]),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': rule([['^(?!electron$).*', 'The sandboxed preload may import only electron.']]),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': rule([
        ['^electron$', 'The server never imports electron.'],
        [`${dir('(renderer|electron)')}`, 'The server depends on shared/ and db/ only.'],
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': rule([
        [NODE_BUILTINS, 'The renderer runs in a browser sandbox: no Node APIs.'],
        ['^(electron|better-sqlite3|kysely|ws|@electric-sql\\/pglite)$', 'The renderer talks to the backend through the desk client only.'],
        [`${dir('(electron|db|server)')}`, 'The renderer imports shared/ only (plus its own files).'],
      ]),
    },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...BOUNDARIES,
);
