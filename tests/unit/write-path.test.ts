import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNCED_TABLE_NAMES } from '../../shared/sync/registry';

/**
 * Synced rows are written through one writer (db/sync/writer.ts), which stamps the commit's version,
 * records the before-image on a desk and remembers what was written (for events and pokes). A store
 * that wrote a synced table directly would produce rows no desk ever receives and no undo can take back.
 */
const ROOT = join(__dirname, '..', '..');
/** The sync machinery itself: the writer, generic row moves for patches and undo, and the desk's reset. */
const ALLOWED = new Set(['db/sync/writer.ts', 'db/sync/rows.ts', 'electron/backend/sync/rebase.ts']);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return rel.endsWith('/migrations') ? [] : sources(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

const tables = SYNCED_TABLE_NAMES.join('|');
const DIRECT = new RegExp(`\\.(insertInto|updateTable|deleteFrom|replaceInto)\\(\\s*['"\`](${tables})['"\`]|\\b(insert\\s+into|update|delete\\s+from)\\s+(${tables})\\b`, 'gi');
/** A table name in a variable: only the machinery may write "any table". */
const GENERIC = /\.(insertInto|updateTable|deleteFrom|replaceInto)\(\s*[a-z_][\w.]*\s*(as\s+string\s*)?\)/g;

describe('one write path for synced rows', () => {
  const files = ['db', 'server', 'electron', 'shared'].flatMap(sources);

  it('scans the code that could write (sanity: the writer itself is found)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(readFileSync(join(ROOT, 'db/sync/writer.ts'), 'utf8')).toMatch(GENERIC);
  });

  it('no file outside the sync machinery writes a synced table directly', () => {
    const offenders: string[] = [];
    for (const f of files) {
      if (ALLOWED.has(f)) continue;
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const m of text.matchAll(DIRECT)) offenders.push(`${relative(ROOT, join(ROOT, f))}: ${m[0]}`);
      for (const m of text.matchAll(GENERIC)) offenders.push(`${f}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('would catch a store that did (the pattern is not vacuous)', () => {
    const bad = "await db.insertInto('calls').values(row).execute(); await sql`update roster set shift_code = ''`;";
    expect([...bad.matchAll(DIRECT)].map((m) => m[0])).toHaveLength(2);
  });
});
