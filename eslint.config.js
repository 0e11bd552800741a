// Lint, including the dependency direction of docs/ARCHITECTURE.md (shared ← db ← electron/backend, server;
// electron/main ← backend; renderer → shared only; preload → electron only). That is an allow-list of project
// folders and npm package classes per folder, kept in build/eslint/boundaries.mjs (rule `layers/allow-list`).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import layers from './build/eslint/boundaries.mjs';

export default tseslint.config(
  { ignores: ['.scratch/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
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
  {
    // Every linted file: product folders get their allow-list, tests/bench/build/root configs may import any
    // folder and any classified package, and a file in no known folder is itself an error.
    plugins: { layers },
    rules: { 'layers/allow-list': 'error' },
  },
);
