import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/auth/roles';
import { mayCall } from '../../shared/api/method';
import { api, type MethodName } from '../../shared/api/table';
import { HTTP_STATUS } from '../../shared/api/http-status';
import type { DeskHost } from '../../electron/backend/desk-host';
import { EXAMPLES, type ExampledMethod } from './support/examples';
import { Fixture, FIXED_NOW } from './support/fixture';
import { diff, snapshot } from './support/snapshot';
import { api as post, ENGINE_CASES, serverLogin, startCentral, type RunningCentral } from './support/central';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * The method × role matrix, generated from the method table: every method, every role and no session, on
 * the central server (over HTTP, as integrators call it) and on a desk (its dispatch). A role the table does
 * not allow is refused as forbidden and nothing is written; no call answers 5xx. New methods join by being in
 * the table and having an example (support/examples), nothing else.
 */
const ONE_OF: Record<Role, string> = { agent: 'agent01', team_lead: 'lead01', qa_inspector: 'qa01', department_director: 'dept01', center_director: 'center01', admin: 'admin' };
const METHODS = (Object.keys(api) as MethodName[]).filter((m): m is ExampledMethod => api[m].kind !== 'session');
/** The matrix grows with the method table: its time budget grows with it (a loaded 2-core machine takes ~100 ms a cell: a request and two snapshots). */
const MATRIX_TIMEOUT_MS = Math.max(30_000, METHODS.length * ROLES.length * 250);
const dir = tempDir();
afterAll(() => dir.remove());

describe('central server: OpenAPI lists exactly what it serves, and every path answers a real call', () => {
  let central: RunningCentral;
  let fx: Fixture;
  // One sign-in per person (scrypt, and an audit entry each), not one per method: a token the server has
  // since revoked (an example resets a password) is replaced once.
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) => tokens.get(username) ?? tokens.set(username, await serverLogin(central.url, username)).get(username)!;
  const postAs = async (username: string, path: string, body: unknown) => {
    let r = await post(central.url, path, body, await tokenOf(username));
    if (r.status === 401) {
      tokens.delete(username);
      r = await post(central.url, path, body, await tokenOf(username));
    }
    return r;
  };
  beforeAll(async () => {
    central = await startCentral(ENGINE_CASES[0]!, `${dir.path}/server`, { clock: () => FIXED_NOW });
    fx = new Fixture(central.server.dispatch);
  });
  afterAll(() => central.stop());

  it('advertises every method the server serves and none of the desk-only ones', async () => {
    const doc = (await (await fetch(`${central.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const served = (Object.keys(api) as MethodName[]).filter((m) => api[m].kind !== 'local').map((m) => `/api/v1/${m}`);
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/')).sort()).toEqual(served.sort());
    for (const m of (Object.keys(api) as MethodName[]).filter((x) => api[x].kind === 'local')) {
      const r = await postAs('admin', `/api/v1/${m}`, {});
      expect({ m, status: r.status, code: r.body.error?.code }).toEqual({ m, status: 404, code: 'unknown_method' });
    }
  });

  it('every advertised method answers its example with 200 and a value of its output schema, over HTTP', async () => {
    const doc = (await (await fetch(`${central.url}/api/openapi.json`)).json()) as { paths: Record<string, { post: { responses: Record<string, unknown> } }> };
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/'));
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths) {
      const m = path.slice('/api/v1/'.length) as MethodName;
      if (api[m].kind === 'session') continue; // login/logout/revoke: their own tests (server-api, accounts)
      const ex = EXAMPLES[m as ExampledMethod];
      const r = await postAs(ex.as, path, await ex.input(fx));
      expect({ path, status: r.status, error: r.body.error }).toEqual({ path, status: 200, error: undefined });
      expect(Object.keys(doc.paths[path]!.post.responses)).toContain('200');
      expect(api[m].output.safeParse(r.body.value).success, `${path} output`).toBe(true);
    }
  }, MATRIX_TIMEOUT_MS);

  it('method × role × no session: the table decides, forbidden writes nothing, nothing answers 5xx', async () => {
    const checked: string[] = [];
    const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await serverLogin(central.url, ONE_OF[role])] as const))) as Record<Role, string>;
    for (const m of METHODS.filter((x) => api[x].kind !== 'local')) {
      const input = await EXAMPLES[m].input(fx);
      const anonymous = await post(central.url, `/api/v1/${m}`, input);
      if (api[m].access !== 'public') expect({ m, code: anonymous.body.error?.code }).toEqual({ m, code: 'unauthenticated' });
      for (const role of ROLES) {
        const token = tokens[role];
        const allowed = mayCall(api[m].access, { userId: '', username: '', displayName: '', role, teamId: null });
        // Snapshots only where the answer must have written nothing: they are most of a cell's time.
        const before = allowed ? null : await snapshot(central.store.db);
        const r = await post(central.url, `/api/v1/${m}`, input, token);
        expect(r.status, `${m} as ${role}`).toBeLessThan(500);
        if (!allowed) {
          expect({ m, role, code: r.body.error?.code }).toEqual({ m, role, code: 'forbidden' });
          expect(diff(before!, await snapshot(central.store.db)), `${m} as ${role} wrote`).toEqual([]);
        } else expect(['unauthenticated', 'unknown_method', 'internal']).not.toContain(r.body.error?.code);
        if (!r.body.ok) expect(r.status).toBe(HTTP_STATUS[r.body.error.code as keyof typeof HTTP_STATUS]);
        checked.push(`${m}/${role}`);
      }
    }
    expect(checked.length).toBeGreaterThan(200);
  }, MATRIX_TIMEOUT_MS);
});

describe('desk: the same matrix through its dispatch, desk-only methods included', () => {
  let host: DeskHost;
  let fx: Fixture;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: `${dir.path}/desk`, clock: () => FIXED_NOW });
    fx = new Fixture(host.dispatch);
  });
  afterAll(() => host.close());

  it('method × role × no session', async () => {
    let checked = 0;
    for (const m of METHODS) {
      const input = await EXAMPLES[m].input(fx);
      const anonymous = await host.dispatch(m, input);
      if (api[m].access !== 'public') expect({ m, anonymous }).toMatchObject({ m, anonymous: { ok: false, error: { code: 'unauthenticated' } } });
      for (const role of ROLES) {
        // Signed in before the snapshot (a standalone desk audits sign-ins); snapshots only where nothing may be written.
        const token = await fx.token(ONE_OF[role]);
        const allowed = mayCall(api[m].access, { userId: '', username: '', displayName: '', role, teamId: null });
        const before = allowed ? null : await snapshot(host.db);
        const r = await host.dispatch(m, input, token);
        if (!allowed) {
          expect({ m, role, r }).toMatchObject({ m, role, r: { ok: false, error: { code: 'forbidden' } } });
          expect(diff(before!, await snapshot(host.db)), `${m} as ${role} wrote`).toEqual([]);
        } else if (!r.ok) expect(['unauthenticated', 'unknown_method', 'internal'], `${m} as ${role}: ${r.error.message}`).not.toContain(r.error.code);
        checked++;
      }
    }
    expect(checked).toBe(METHODS.length * ROLES.length);
  }, MATRIX_TIMEOUT_MS);

  it('every example succeeds on the desk as its own caller', async () => {
    for (const m of METHODS) {
      if (m === 'sync.setServer') continue; // would point this desk elsewhere; covered by the desk's own tests
      const ex = EXAMPLES[m];
      const r = await host.dispatch(m, await ex.input(fx), await fx.token(ex.as));
      expect({ m, r: r.ok ? 'ok' : r.error }).toEqual({ m, r: 'ok' });
    }
  });
});

// Where FIXED_NOW comes from: the matrix does not depend on today's date.
void FIXED_NOW;
