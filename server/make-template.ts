import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILT_TEMPLATE_KEY, TEMPLATE_STAMP } from './center-template';
import { openCentralStore } from './store';

/**
 * `node out/server/make-template.mjs <dir>` (run by the build, never by hand): a fresh PGlite cluster in
 * <dir>, migrated and closed cleanly, stamped with the key the build compiled in (center-template.ts).
 * Made beside <dir> and renamed into place, so a template that exists is always whole.
 */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || !BUILT_TEMPLATE_KEY) throw new Error('usage: node out/server/make-template.mjs <dir> (from the build only)');
  const dir = resolve(target);
  const part = `${dir}.${process.pid}.part`;
  rmSync(part, { recursive: true, force: true });
  const store = await openCentralStore({ dataDir: part, bare: true });
  await store.close();
  writeFileSync(join(part, TEMPLATE_STAMP), `${JSON.stringify({ key: BUILT_TEMPLATE_KEY })}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(part, dir);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
