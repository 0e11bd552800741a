import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoDesk } from './support/desks';
import { FIXED_NOW } from './support/fixture';
import { tempDir } from './support/tmp';

/**
 * Issue #11's invariants, on a desk that holds the whole center (a standalone desk decides like the server):
 * whatever the order of check-ins, check-outs and leads' releases around the 16:00 shift change of team A,
 * (1) nobody of the day shift is checked out unless someone of the evening shift had checked in by then or a
 * release for them was recorded by then (handover.outgoing-waits), and (2) every check-in 20 minutes or more
 * late without approved leave carries exactly one violation, and no other check-in any (leave.discipline).
 */
const dir = tempDir();
afterAll(() => dir.remove());
const TODAY = '2026-03-11';
const minute = (m: number) => new Date(Date.parse(`${TODAY}T15:00:00+08:00`) + m * 60_000);
const DAY = ['agent04'];
const EVENING = ['agent02', 'agent05', 'lead01'];

type Op = { at: number; kind: 'in' | 'out'; who: string } | { at: number; kind: 'release'; who: string };

describe('adherence invariants under any sequence (property)', () => {
  it('no outgoing check-out before an incoming check-in without a release; one violation per late check-in', async () => {
    let run = 0;
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ at: fc.integer({ min: 0, max: 120 }), kind: fc.constantFrom('in' as const, 'out' as const), who: fc.constantFrom(...DAY, ...EVENING) }),
      fc.record({ at: fc.integer({ min: 0, max: 120 }), kind: fc.constant('release' as const), who: fc.constantFrom(...DAY) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        let now = FIXED_NOW;
        const host = await startDemoDesk({ dataDir: join(dir.path, `desk-${run++}`), clock: () => now });
        try {
          const tok = new Map<string, string>();
          for (const u of [...DAY, ...EVENING]) tok.set(u, ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token);
          for (const o of [...ops].sort((a, b) => a.at - b.at)) {
            now = minute(o.at);
            if (o.kind === 'release') await host.dispatch('duty.release', { id: randomUUID(), userId: `user-${o.who}`, date: TODAY, reason: '班长准许' }, tok.get('lead01'));
            else await host.dispatch(o.kind === 'in' ? 'duty.checkIn' : 'duty.checkOut', { date: TODAY }, tok.get(o.who));
          }
          const att = await host.db.selectFrom('attendance').selectAll().where('date', '=', TODAY).execute();
          const releases = await host.db.selectFrom('duty_releases').selectAll().where('date', '=', TODAY).execute();
          for (const a of att.filter((x) => DAY.includes(x.user_id.slice(5)) && x.checked_out_at)) {
            const incomingIn = att.some((x) => EVENING.includes(x.user_id.slice(5)) && x.checked_in_at <= a.checked_out_at!);
            const released = releases.some((r) => r.user_id === a.user_id && r.created_at <= a.checked_out_at!);
            expect({ who: a.user_id, incomingIn, released }).not.toMatchObject({ incomingIn: false, released: false });
          }
          const violations = await host.db.selectFrom('violations').select(['id', 'user_id']).where('date', '=', TODAY).where('id', 'like', 'late:%').execute();
          for (const a of att) expect({ who: a.user_id, violations: violations.filter((v) => v.user_id === a.user_id).length }).toEqual({ who: a.user_id, violations: Number(a.late_minutes) >= 20 ? 1 : 0 });
          expect(violations.length).toBe(att.filter((a) => Number(a.late_minutes) >= 20).length);
        } finally {
          await host.close();
        }
      }),
      { numRuns: 8 },
    );
  });
});
