import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_CASES, startCentral, type RunningCentral } from './support/central';
import { openDesk, type TestDesk } from './support/desks';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * roster.later-edit-wins: two people change the same cell while offline; whichever order their desks sync
 * in, the server keeps the later act, the earlier editor finds it under Needs attention, and both desks end
 * up showing the same cell (#9 item 21).
 */
const dir = tempDir();
let central: RunningCentral;
let serverNow = FIXED_NOW.getTime();
const offsets: Record<string, number> = { lead01: 0, dept01: 0 };
const desks: Record<string, TestDesk> = {};

beforeAll(async () => {
  central = await startCentral(ENGINE_CASES[0]!, join(dir.path, 'server'), { clock: () => new Date(serverNow) });
  for (const u of ['lead01', 'dept01']) desks[u] = await openDesk(central.url, join(dir.path, u), u, { clock: () => new Date(serverNow + offsets[u]!) });
  await Promise.all(Object.values(desks).map((d) => d.host.sync.syncNow()));
}, 60_000);
afterAll(async () => {
  for (const d of Object.values(desks)) await d.host.close();
  await central.stop();
  dir.remove();
});

const cellOnServer = async (date: string) => (await central.store.db.selectFrom('roster').select('shift_code').where('user_id', '=', 'user-agent02').where('date', '=', date).executeTakeFirst())?.shift_code ?? null;
const cellOn = async (d: TestDesk, date: string) => (await d.host.db.selectFrom('roster').select('shift_code').where('user_id', '=', 'user-agent02').where('date', '=', date).executeTakeFirst())?.shift_code ?? null;

describe('two offline edits of one roster cell', () => {
  let n = 0;
  it('the later act wins whatever the sync order, and the earlier editor is told (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ leadCode: fc.constantFrom('D', 'E', null), deptCode: fc.constantFrom('D', 'E', null), leadFirstAct: fc.boolean(), leadSyncsFirst: fc.boolean(), gapMinutes: fc.integer({ min: 1, max: 90 }) }),
        async (c) => {
          serverNow += 3 * 3_600_000; // each run later than the last, so no earlier run's edit is "later"
          const date = `2026-04-${String(10 + (n++ % 15)).padStart(2, '0')}`;
          for (const d of Object.values(desks)) d.wire.online = false;
          const edit = async (who: 'lead01' | 'dept01', code: string | null, offsetMin: number) => {
            offsets[who] = offsetMin * 60_000;
            const r = await desks[who]!.host.dispatch('roster.assign', { id: randomUUID(), userId: 'user-agent02', date, shiftCode: code }, desks[who]!.token);
            expect(r, who).toMatchObject({ ok: true });
          };
          // Both acted in the last two hours, one `gap` minutes after the other.
          const [first, second] = c.leadFirstAct ? (['lead01', 'dept01'] as const) : (['dept01', 'lead01'] as const);
          await edit(first, first === 'lead01' ? c.leadCode : c.deptCode, -120);
          await edit(second, second === 'lead01' ? c.leadCode : c.deptCode, -120 + c.gapMinutes);
          const later = second === 'lead01' ? c.leadCode : c.deptCode;
          const inboxBefore = (await desks[first]!.host.dispatch('sync.inbox', {}, desks[first]!.token)) as { value: unknown[] };
          for (const who of c.leadSyncsFirst ? ['lead01', 'dept01'] : ['dept01', 'lead01']) {
            desks[who]!.wire.online = true;
            await desks[who]!.host.sync.syncNow();
          }
          await Promise.all(Object.values(desks).map((d) => d.host.sync.syncNow()));
          expect(await cellOnServer(date) || null).toBe(later);
          for (const d of Object.values(desks)) expect((await cellOn(d, date)) || null).toBe(later);
          // The earlier editor is told only when their edit reached the server after the later one.
          const inbox = ((await desks[first]!.host.dispatch('sync.inbox', {}, desks[first]!.token)) as { value: { name: string; error: { ruleIds: string[] } }[] }).value;
          const told = inbox.length - inboxBefore.value.length;
          const earlierSyncedSecond = (first === 'lead01') !== c.leadSyncsFirst;
          expect(told).toBe(earlierSyncedSecond ? 1 : 0);
          if (told) expect(inbox[0]).toMatchObject({ name: 'roster.assign', error: { ruleIds: ['roster.later-edit-wins'] } });
          expect((await desks[second]!.host.dispatch('sync.inbox', {}, desks[second]!.token)) as { value: unknown[] }).toMatchObject({ value: expect.any(Array) });
        },
      ),
      { numRuns: 12 },
    );
  });
});
