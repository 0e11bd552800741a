import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverHandlers } from '../../server/handlers';
import { processPush } from '../../server/sync/push';
import { IMPORT_CHUNK_PEOPLE } from '../../shared/roster/import-apply';
import type { PushRequest } from '../../shared/sync/protocol';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * #16 item 8: a whole center's import no longer holds the server's write lock from start to end. It commits a
 * chunk of people at a time, and another desk's push applies in between — shown without timing: the other
 * push runs to completion inside the hook between two chunks, which would deadlock if the import still held
 * the version lock. A cell edited later in between stays (roster.later-edit-wins holds across chunks).
 */
const PEOPLE = IMPORT_CHUNK_PEOPLE * 2 + 50; // three chunks
const MONTH = '2027-05';
const stamp = (at: Date, desk: string) => `${at.toISOString()}#0000#${desk}`;
const header = ['username', ...Array.from({ length: 31 }, (_, d) => String(d + 1))];

for (const engine of ENGINE_CASES)
  describe.skipIf(engine.skip)(`roster.import in chunks (${engine.name})`, () => {
    const dir = tempDir();
    let central: RunningCentral;
    const handlers = serverHandlers();
    beforeAll(async () => {
      central = await startCentral(engine, dir.path, { clock: () => FIXED_NOW });
      const now = FIXED_NOW.toISOString();
      const users = Array.from({ length: PEOPLE }, (_, i) => ({ id: `imp-${i}`, username: `imp${String(i).padStart(3, '0')}`, display_name: `Import ${i}`, role: 'agent', team_id: i % 2 ? 'team-b' : 'team-a', password_hash: 'x', active: 1, created_at: now }));
      for (let i = 0; i < users.length; i += 100) await central.store.db.insertInto('users').values(users.slice(i, i + 100)).execute();
    });
    afterAll(async () => {
      await central.stop();
      dir.remove();
    });

    const cells = async (userIds: string[]) =>
      (await central.store.db.selectFrom('roster').select(['user_id', 'date', 'shift_code', 'version', 'updated_by']).where('user_id', 'in', userIds).where('date', 'like', `${MONTH}-%`).execute()).map((r) => ({ ...r, version: Number(r.version) }));
    const push = (userId: string, clientId: string, id: number, name: string, args: unknown, at: Date, hooks = {}) =>
      processPush(central.store.db, handlers, userId, { clientId, mutations: [{ id, name, args, actedAt: stamp(at, clientId.slice(0, 8)) }] } satisfies PushRequest, () => FIXED_NOW, () => {}, hooks);

    it("a lead's push applies between two chunks of a director's import, and the cell the lead set later stays", async () => {
      const rows = [header, ...Array.from({ length: PEOPLE }, (_, i) => [`imp${String(i).padStart(3, '0')}`, 'D', 'D', 'E'])];
      const importer = randomUUID();
      const lead = randomUUID();
      const last = `imp-${PEOPLE - 1}`; // in the last chunk, team-b
      const seen: { importedSoFar: number; lead: unknown }[] = [];
      const result = await push('user-center01', importer, 1, 'roster.import', { month: MONTH, rows }, new Date(FIXED_NOW.getTime() - 60_000), {
        betweenChunks: async () => {
          if (seen.length > 0) return;
          // Another desk, mid-import: its push must run to the end now (the import holds no lock here).
          const r = await push('user-lead02', lead, 1, 'roster.assign', { id: randomUUID(), userId: last, date: `${MONTH}-01`, shiftCode: 'N' }, FIXED_NOW);
          seen.push({ importedSoFar: (await cells(Array.from({ length: PEOPLE }, (_, i) => `imp-${i}`))).length, lead: r.results[0]!.status });
        },
      });
      // The first chunk's people (three days each) and the lead's one cell: the rest is still to come.
      expect(seen).toEqual([{ importedSoFar: IMPORT_CHUNK_PEOPLE * 3 + 1, lead: 'applied' }]);
      expect(result.results[0]).toMatchObject({ status: 'applied' });
      const all = await cells(Array.from({ length: PEOPLE }, (_, i) => `imp-${i}`));
      expect(all).toHaveLength(PEOPLE * 3);
      // roster.later-edit-wins: the lead's later edit of a cell the import reached afterwards stands.
      expect(all.find((c) => c.user_id === last && c.date === `${MONTH}-01`)).toMatchObject({ shift_code: 'N', updated_by: 'user-lead02' });
      const log = await central.store.db.selectFrom('mutation_log').select(['status', 'args']).where('client_id', '=', importer).executeTakeFirstOrThrow();
      expect(log.status).toBe('applied');
      const versions = new Set(all.filter((c) => c.updated_by === 'user-center01').map((c) => c.version));
      expect(versions.size).toBe(3); // one commit per chunk
    });

    it('a file with one bad cell writes nothing, and the refusal is logged as before', async () => {
      const rows = [header, ['imp000', 'S', 'S'], ...Array.from({ length: PEOPLE - 1 }, (_, i) => [`imp${String(i + 1).padStart(3, '0')}`, 'Q'])];
      const before = await cells(['imp-1', 'imp-2']);
      const r = await push('user-center01', randomUUID(), 1, 'roster.import', { month: MONTH, rows }, FIXED_NOW);
      expect(r.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_input' } });
      expect(await cells(['imp-1', 'imp-2'])).toEqual(before);
    });
  });
