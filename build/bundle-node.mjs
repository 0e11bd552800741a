// Compiles the central server and the web-mode desk into plain JavaScript (out/server/, out/web/), so they
// start with `node` alone: no TypeScript compiled at run time, one file to load instead of hundreds.
// Then makes the prepared PGlite cluster a new center starts from (server/center-template.ts), once per
// set of migrations. `npm run server`, `npm run web`, `npm start`, the E2E tier and the fault harness run these.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const SERVER_ENTRY = join(ROOT, 'out', 'server', 'main.mjs');
export const WEB_ENTRY = join(ROOT, 'out', 'web', 'web-entry.mjs');
export const CENTER_TEMPLATE = join(ROOT, 'out', 'server', 'center-template');
const MAKE_TEMPLATE = join(ROOT, 'out', 'server', 'make-template.mjs');

/** What the template depends on: every migration, the code that runs them, and PGlite's version. */
export function centerTemplateKey() {
  const h = createHash('sha256');
  const dir = join(ROOT, 'db', 'migrations');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  for (const f of ['db/migrate.ts', 'db/open-pglite.ts', 'server/store.ts', 'server/make-template.ts']) h.update(f).update(readFileSync(join(ROOT, f)));
  h.update(JSON.parse(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')).version);
  return h.digest('hex').slice(0, 16);
}

function templateReady(key) {
  try {
    return JSON.parse(readFileSync(join(CENTER_TEMPLATE, 'zhiban-template.json'), 'utf8')).key === key && existsSync(join(CENTER_TEMPLATE, 'PG_VERSION'));
  } catch {
    return false;
  }
}

export async function bundleNode({ log = console.log } = {}) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const key = centerTemplateKey();
  await build({
    absWorkingDir: ROOT,
    entryPoints: { 'server/main': 'server/main.ts', 'server/make-template': 'server/make-template.ts', 'web/web-entry': 'electron/backend/web-entry.ts' },
    outdir: 'out',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // Native code, and PGlite (it loads its WASM and data files from beside its own module), stay in node_modules.
    external: ['better-sqlite3', '@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native'],
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __zbRequire } from 'node:module'; const require = __zbRequire(import.meta.url);" },
    define: { __APP_VERSION__: JSON.stringify(pkg.version), __CENTER_TEMPLATE_KEY__: JSON.stringify(key) },
  });
  if (!templateReady(key)) {
    log('preparing the new-center template (PGlite cluster, migrated; once per set of migrations)…');
    const r = spawnSync(process.execPath, [MAKE_TEMPLATE, CENTER_TEMPLATE], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`making the new-center template failed (exit ${r.status})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundleNode();
}
