import { PGlite } from '@electric-sql/pglite';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { hashPassword } from '../../../db/auth/password';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../db/demo/demo-center';
import { openSqlite } from '../../../db/open-sqlite';
import { DB_FILE_NAME, startDeskHost } from '../../../electron/backend/desk-host';
import { openCentralStore } from '../../../server/store';

/**
 * What every test database starts from, made once per test run by the production code itself and then
 * copied, so each test still gets a database of its own:
 * - a PGlite cluster after initdb (seconds of WASM work) and one migrated by `openCentralStore`;
 * - a desk database as `startDeskHost` leaves it on first start (migrated, default policy and shift types);
 * - the demo users' password hashes (18 × scrypt N=2^15, ~2 s), so a demo seed costs only its inserts.
 * Copying a folder costs ~0.1 s. The demo center itself is still seeded per test, at the test's own instant.
 *
 * Templates live in the run's folder from support/global-setup.ts, shared by every worker. Whoever needs one
 * first builds it in a private folder and renames it into place (atomic), so a template that exists is
 * complete; two workers racing for the same one both build it and one rename wins.
 */

let fallbackRoot: string | null = null;
function root(): string {
  const provided = (() => {
    try {
      return inject('zhibanTemplateRoot');
    } catch {
      return undefined; // outside a vitest worker (a benchmark or a script reusing these helpers)
    }
  })();
  if (provided) return provided;
  // Run without the config's globalSetup (a single file from an editor, say): a folder of this process's own.
  if (!fallbackRoot) {
    const dir = mkdtempSync(join(tmpdir(), 'zhiban-templates-'));
    fallbackRoot = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return fallbackRoot;
}

const building = new Map<string, Promise<string>>();

/** The folder of template `key`, built by `build(emptyFolder)` if no one has yet. */
function template(key: string, build: (dir: string) => Promise<void>): Promise<string> {
  const final = join(root(), key);
  if (existsSync(final)) return Promise.resolve(final);
  let p = building.get(final);
  if (!p) {
    p = (async () => {
      const tmp = `${final}.building-${process.pid}-${Math.random().toString(36).slice(2)}`;
      try {
        mkdirSync(tmp, { recursive: true });
        await build(tmp);
        try {
          renameSync(tmp, final);
        } catch (err) {
          // Another worker finished the same template first: theirs is as good as ours.
          if (!existsSync(final)) throw err;
        }
        return final;
      } finally {
        rmSync(tmp, { recursive: true, force: true });
        building.delete(final);
      }
    })();
    building.set(final, p);
  }
  return p;
}

/** Copies a template's contents into `dir` (created if missing), which must not hold a database yet. */
function copyInto(templateDir: string, dir: string, marker: string): void {
  if (existsSync(join(dir, marker))) throw new Error(`${dir} already holds a database; templates only seed new ones`);
  mkdirSync(dir, { recursive: true });
  cpSync(templateDir, dir, { recursive: true });
}

// ---- the demo center's passwords ----

/**
 * One scrypt hash of the demo password per demo user, made by the production hashPassword (same cost,
 * own salt each) once per run and handed to seedDemoCenter, which would otherwise spend ~2 s of scrypt on
 * every seed. Everything else of the demo seed is written fresh, at the test's own instant.
 */
let hashes: Promise<string[]> | null = null;
export function demoPasswordHashes(): Promise<string[]> {
  hashes ??= template('demo-password-hashes', async (dir) => {
    const all = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
    writeFileSync(join(dir, 'hashes.json'), JSON.stringify(all));
  }).then((dir) => JSON.parse(readFileSync(join(dir, 'hashes.json'), 'utf8')) as string[]);
  return hashes;
}

// ---- central server (PGlite) ----

/** An initialised, empty PGlite cluster, as `new PGlite(dir)` leaves it. */
const pgliteBlank = () =>
  template('pglite-blank', async (dir) => {
    const pg = new PGlite(join(dir, 'data'));
    await pg.waitReady;
    await pg.close();
  });

/** A central store as `openCentralStore` leaves a new one: migrated, with the default policy and shift types. */
const pgliteMigrated = () =>
  template('pglite-migrated', async (dir) => {
    cpSync(join(await pgliteBlank(), 'data'), join(dir, 'data'), { recursive: true });
    const store = await openCentralStore({ dataDir: join(dir, 'data') });
    await store.close();
  });

/** True when `dataDir` already holds a PGlite cluster (a restart, or a test reopening its store). */
export const holdsPglite = (dataDir: string) => existsSync(join(dataDir, 'PG_VERSION'));

/** Makes `dataDir` a fresh copy of an empty initialised cluster (what `new PGlite()` starts from). */
export async function placeBlankPglite(dataDir: string): Promise<void> {
  copyInto(join(await pgliteBlank(), 'data'), dataDir, 'PG_VERSION');
}

/** Makes `dataDir` a fresh copy of a new migrated central store. */
export async function placeMigratedPglite(dataDir: string): Promise<void> {
  copyInto(join(await pgliteMigrated(), 'data'), dataDir, 'PG_VERSION');
}

// ---- desk (SQLite) ----

/** A desk's own identity is made on its first start: a copy must not share the template's. */
async function forgetDeskId(dir: string): Promise<void> {
  const { db } = openSqlite(join(dir, DB_FILE_NAME));
  try {
    await db.deleteFrom('zb_meta').where('key', '=', 'desk_id').execute();
  } finally {
    await db.destroy();
  }
  const left = readdirSync(dir).filter((f) => f !== DB_FILE_NAME);
  if (left.length) throw new Error(`desk template left ${left.join(', ')} beside the database`);
}

/** A desk database as `startDeskHost` leaves it on first start with no demo: migrated, default policy and shift types. */
const deskBare = () =>
  template('desk-bare', async (dir) => {
    const host = await startDeskHost({ dataDir: dir });
    await host.close();
    await forgetDeskId(dir);
  });

/** Puts a fresh migrated desk database into `dataDir` (which must not hold one). */
export async function placeBareDesk(dataDir: string): Promise<void> {
  copyInto(await deskBare(), dataDir, DB_FILE_NAME);
}
