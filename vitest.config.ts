import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Tiers, read off each test file's imports so a new file lands in the right one by itself:
 * - integration: files that import the central server (server/…, support/central), PGlite or `pg`, or start
 *   the web-mode process (support/bridge-web-process): servers, PostgreSQL, desks syncing with a server;
 * - fast (`npm run test:fast`, with dom): everything else — rules, handlers on SQLite desks, i18n, spreadsheets, boundaries;
 * - dom: the renderer's React tests in happy-dom, isolated (below).
 * `npm run test:unit` (plain `vitest run`) runs them all.
 */
const UNIT = 'tests/unit';
const NEEDS_SERVER = /^import [^;]*? from '(\.\.\/\.\.\/server\/[^']*|\.\/support\/(central|bridge-web-process)|@electric-sql\/pglite|pg)';/m;
const INTEGRATION = readdirSync(UNIT)
  .filter((f) => f.endsWith('.test.ts') && NEEDS_SERVER.test(readFileSync(`${UNIT}/${f}`, 'utf8')))
  .map((f) => `${UNIT}/${f}`);
/**
 * Files that render React in happy-dom run isolated: react-dom keeps the `queueMicrotask` and `setTimeout` of the
 * window it was first loaded in, and happy-dom drops the tasks of a closed window, so a second DOM file sharing
 * its module graph could wait forever for a render.
 */
const DOM = readdirSync(UNIT, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && /^\/\/ @vitest-environment happy-dom/m.test(readFileSync(`${UNIT}/${f}`, 'utf8')))
  .map((f) => `${UNIT}/${f}`);

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database templates shared by the run (tests/unit/support/templates.ts).
    globalSetup: ['tests/unit/support/global-setup.ts'],
    projects: [
      // Not isolated: its files share one module graph per worker (import was a third of its wall time,
      // 71 s → 48 s here). They keep no state between files: zod's locale and the stores are set per test.
      { extends: true, test: { name: 'fast', include: [`${UNIT}/**/*.test.ts`], exclude: [...INTEGRATION, ...DOM], isolate: false } },
      { extends: true, test: { name: 'dom', include: DOM } },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
    ],
  },
});
