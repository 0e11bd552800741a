import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A prepared PGlite cluster for a new center: PGlite's initdb plus every migration, nothing else (no policy,
 * no demo, no center id, so nothing that depends on the clock or must differ between centers). Creating a
 * cluster is most of a first start (initdb alone is 5–12 s on a two-core machine); copying a prepared one
 * is a fraction of a second. The build (build/bundle-node.mjs) makes it next to the compiled server, keyed by
 * the migrations' sources and PGlite's version, so a changed migration or PGlite never reuses a stale one.
 */
export const TEMPLATE_STAMP = 'zhiban-template.json';

/** The key the build compiled in; undefined when run from source (tsx), where no template is used. */
declare const __CENTER_TEMPLATE_KEY__: string | undefined;
export const BUILT_TEMPLATE_KEY: string | undefined = typeof __CENTER_TEMPLATE_KEY__ === 'string' ? __CENTER_TEMPLATE_KEY__ : undefined;

function stampOf(dir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dir, TEMPLATE_STAMP), 'utf8')) as { key?: string }).key ?? null;
  } catch {
    return null;
  }
}

/** Whether `dir` holds a finished template made for `key`. */
export function templateReady(dir: string, key: string): boolean {
  return stampOf(dir) === key && existsSync(join(dir, 'PG_VERSION'));
}

/**
 * Puts a copy of the template into `dataDir` when that directory has no cluster yet and is missing or
 * empty; returns whether it did. Copied beside it first and renamed into place, so a crash mid-copy
 * leaves no half cluster behind. Anything else (a cluster already there, other files there, no template
 * for this build) is left to PGlite as before.
 */
export function copyCenterTemplate(template: string, key: string, dataDir: string): boolean {
  if (!templateReady(template, key)) return false;
  if (existsSync(dataDir)) {
    if (readdirSync(dataDir).length > 0) return false;
    rmdirSync(dataDir);
  }
  const part = join(dirname(dataDir), `.${basename(dataDir)}.${process.pid}.template`);
  rmSync(part, { recursive: true, force: true });
  mkdirSync(dirname(part), { recursive: true }); // a data dir whose parents do not exist yet
  copyTree(template, part, true);
  renameSync(part, dataDir);
  return true;
}

/**
 * A plain recursive copy: one readdir per directory and one copyFile per file. fs.cpSync stats, checks and
 * chmods every one of the ~1 300 files on top, about half of the copy's CPU time (the template holds only
 * directories and regular files, each created with its source's mode by copyFile).
 */
function copyTree(from: string, to: string, top: boolean): void {
  mkdirSync(to);
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (top && e.name === TEMPLATE_STAMP) continue;
    if (e.isDirectory()) copyTree(join(from, e.name), join(to, e.name), false);
    else copyFileSync(join(from, e.name), join(to, e.name));
  }
}
