import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCenterTemplate, TEMPLATE_STAMP } from '../../server/center-template';
import { ensureCenterId } from '../../server/center-id';
import { openCentralStore } from '../../server/store';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../../db/migrate';
import { placeBlankPglite } from './support/templates';
import { tempDir } from './support/tmp';

/**
 * Issue #16 (cold start): a new embedded center starts from a prepared cluster (initdb + migrations) copied
 * into its data dir. Only a template made for this build's key is used, only into a missing or empty
 * directory, and each copy is a center of its own (own id, default policy), the template left untouched.
 */
const dir = tempDir('zhiban-center-template-');
const template = join(dir.path, 'template');
const KEY = 'key-of-this-build';

beforeAll(async () => {
  // What server/make-template.ts does: a fresh cluster, migrated (bare: no policy), stamped with the key.
  await placeBlankPglite(template);
  const store = await openCentralStore({ dataDir: template, bare: true });
  await store.close();
  writeFileSync(join(template, TEMPLATE_STAMP), JSON.stringify({ key: KEY }));
});
afterAll(() => dir.remove());

describe('new-center template', () => {
  it('a center opened from the template is migrated, has its default policy and its own id; the template is untouched', async () => {
    const ids: string[] = [];
    // 'b/center/data': a data dir whose parents do not exist yet, as `--data-dir` may name.
    for (const name of ['a', join('b', 'center', 'data')]) {
      const dataDir = join(dir.path, name);
      const store = await openCentralStore({ dataDir, template: { dir: template, key: KEY } });
      try {
        expect(await schemaVersion(store.db)).toBe(LATEST_SCHEMA_VERSION);
        expect(await store.db.selectFrom('policy_versions').select('id').execute()).toHaveLength(1);
        ids.push(await ensureCenterId(store.db));
      } finally {
        await store.close();
      }
      expect(existsSync(join(dataDir, TEMPLATE_STAMP))).toBe(false);
    }
    expect(ids[0]).not.toBe(ids[1]);
    const tpl = await openCentralStore({ dataDir: template, bare: true });
    try {
      expect(await tpl.db.selectFrom('policy_versions').select('id').execute()).toHaveLength(0);
    } finally {
      await tpl.close();
    }
  });

  it('is not used for another build (key), nor into a directory that already holds something', () => {
    expect(copyCenterTemplate(template, 'another-build', join(dir.path, 'c'))).toBe(false);
    expect(existsSync(join(dir.path, 'c'))).toBe(false);
    const busy = join(dir.path, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'mine');
    expect(copyCenterTemplate(template, KEY, busy)).toBe(false);
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    const empty = join(dir.path, 'empty');
    mkdirSync(empty);
    expect(copyCenterTemplate(template, KEY, empty)).toBe(true);
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(dir.path).filter((f) => f.includes('.template'))).toEqual([]); // nothing half-copied left beside
  });
});
