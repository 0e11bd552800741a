// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../../shared/api/table';
import type { DeskHost } from '../../../electron/backend/desk-host';
import type { InboxItem } from '../../../shared/sync/methods';
import { AREAS, actionLineOf } from '../../../renderer/app/areas';
import { UI_DOMAINS } from '../../../renderer/app/ui-domains';
import type { InboxWords } from '../../../renderer/app/ui-domain';
import { LOCALES, translate } from '../../../renderer/i18n/catalogues';
import { EXAMPLES, type ExampledMethod } from '../support/examples';
import { Fixture, FIXED_NOW } from '../support/fixture';
import { startDemoDesk } from '../support/desks';
import { tempDir } from '../support/tmp';

/**
 * The desk's screens are built from each domain's declaration (renderer/app/ui-domains.ts). Every action a
 * person can take offline may come back refused, so every mutation must say in the inbox what it was and
 * where to try again — in each language, with real arguments, and nothing left unfilled.
 */
const MUTATIONS = (Object.keys(api) as MethodName[]).filter((m) => api[m].kind === 'mutation');

describe('UI domains', () => {
  const dir = tempDir();
  let host: DeskHost;
  let fx: Fixture;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
    fx = new Fixture(host.dispatch);
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  it('areas have one key each, and every inbox line opens an area that exists', () => {
    const keys = AREAS.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of UI_DOMAINS) for (const [m, line] of Object.entries(d.inbox ?? {})) expect(keys, m).toContain(line!.area);
  });

  it('every mutation has an inbox line in exactly one domain', () => {
    const declared = UI_DOMAINS.flatMap((d) => Object.keys(d.inbox ?? {}));
    expect(new Set(declared).size).toBe(declared.length);
    expect(MUTATIONS.filter((m) => !declared.includes(m))).toEqual([]);
  });

  it.each(LOCALES)('each line reads in %s with real arguments: names and days, no {placeholder}, no id', async (locale) => {
    const t = (k: Parameters<InboxWords['t']>[0], p?: Record<string, string | number>) => translate(locale, k, p);
    const directory = new Map<string, string>((await fx.call('admin', 'org.directory', {})).map((p) => [p.userId, p.displayName]));
    const words: InboxWords = { t, person: (id) => directory.get(id) ?? '?', shift: (c) => `shift:${c}`, day: (d) => `day:${d}` };
    for (const m of MUTATIONS) {
      const args = await EXAMPLES[m as ExampledMethod].input(fx);
      const item = { name: m, args, clientId: 'c', mutationId: 1, actedAt: FIXED_NOW.toISOString(), createdAt: FIXED_NOW.toISOString(), error: { code: 'conflict', message: '' } } as InboxItem;
      const line = actionLineOf(item.name, item.args, words);
      expect(line, m).not.toBeNull();
      expect(line!.what, m).not.toMatch(/\{\w+\}|undefined|null|\?|user-|method\./);
      expect(line!.what.startsWith(translate(locale, `method.${m}` as never)), `${m}: leads with what kind of action it was`).toBe(true);
    }
  });
});
