import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/day-kind';
import { dateInZone } from '../../shared/policy/zoned-date';
import { shiftsToIcs } from '../../shared/roster/ics';
import { coverage } from '../../shared/roster/rules';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import type { DeskHost } from '../../electron/backend/desk-host';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const dir = tempDir();
let host: DeskHost;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
  for (const u of ['lead01', 'lead02', 'center01', 'agent01', 'qa01'])
    tokens[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const today = dateInZone(Date.now(), 'Asia/Shanghai');
const farDay = addDays(today, 60); // beyond the demo roster: a clean slate
const assign = (who: string, userId: string, date: string, shiftCode: string | null) => host.dispatch('roster.assign', { id: randomUUID(), userId, date, shiftCode }, tokens[who]);

describe('roster edits', () => {
  it('puts a person on a shift, replaces it, and clears it', async () => {
    expect(await assign('lead01', 'user-agent02', farDay, 'D')).toMatchObject({ ok: true, value: { userId: 'user-agent02', date: farDay, shiftCode: 'D', teamId: 'team-a', synced: false } });
    expect(await assign('lead01', 'user-agent02', farDay, 'E')).toMatchObject({ ok: true, value: { shiftCode: 'E' } });
    const month = async () => {
      const m = (await host.dispatch('roster.month', { month: farDay.slice(0, 7) }, tokens.lead01)) as { value: { days: { date: string }[]; people: { userId: string; shifts: string[]; pending: number[] }[] } };
      const day = m.value.days.findIndex((d) => d.date === farDay);
      const row = m.value.people.find((p) => p.userId === 'user-agent02')!;
      return { shift: row.shifts[day], pending: row.pending.includes(day) };
    };
    expect(await month()).toEqual({ shift: 'E', pending: true }); // only this desk has it yet
    expect(await assign('lead01', 'user-agent02', farDay, null)).toMatchObject({ ok: true, value: null });
    expect(await month()).toEqual({ shift: '', pending: false });
  });

  it.each([
    ['another team\u2019s agent, by a lead', 'lead01', 'user-agent07', 'D', 'forbidden', 'roster.team-scope'],
    ['an unknown shift type', 'lead01', 'user-agent02', 'X9', 'invalid_input', 'roster.known-shift'],
  ])('refuses %s, naming the rule, and writes nothing', async (_l, who, userId, code, errCode, rule) => {
    const before = Number((await host.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await assign(who, userId, addDays(farDay, 3), code)).toMatchObject({ ok: false, error: { code: errCode, ruleIds: [rule] } });
    expect(Number((await host.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
  });

  it('refuses to roster someone who is not on the roster (a QA inspector) or an agent', async () => {
    expect(await assign('center01', 'user-qa01', farDay, 'D')).toMatchObject({ ok: false, error: { code: 'not_found', fields: [{ path: 'userId' }] } });
    expect(await assign('agent01', 'user-agent02', farDay, 'D')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a double booking across midnight (roster.no-overlap): an evening ending 24:00 may meet a night, a custom late shift may not', async () => {
    const d = addDays(farDay, 5);
    expect((await assign('center01', 'user-agent08', d, 'E')).ok).toBe(true);
    expect((await assign('center01', 'user-agent08', addDays(d, 1), 'N')).ok).toBe(true); // 16–24 then 00–08: touching, not overlapping
    await host.db.insertInto('shift_types').values({ code: 'L', name: '晚班', start_time: '18:00', end_time: '02:00', night: 1, min_coverage: '{}', version: 0 }).execute();
    const r = await assign('center01', 'user-agent08', d, 'L');
    expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', ruleIds: ['roster.no-overlap'], params: { otherShift: 'N' } } });
    await host.db.deleteFrom('shift_types').where('code', '=', 'L').execute();
  });

  it('shows a lead their own team only, with coverage against each minimum', async () => {
    const r = (await host.dispatch('roster.month', { month: today.slice(0, 7), teamId: 'team-b' }, tokens.lead01)) as {
      value: { people: { teamId: string }[]; coverage: { date: string; shiftCode: string; count: number; min: number }[]; days: unknown[] };
    };
    expect(new Set(r.value.people.map((p) => p.teamId))).toEqual(new Set(['team-a']));
    expect(r.value.coverage.find((c) => c.date === today && c.shiftCode === 'D')).toMatchObject({ min: 2 });
    expect(r.value.days.length).toBeGreaterThanOrEqual(28);
  });

  it('counts coverage per team and shift', () => {
    const c = coverage(['2026-12-01'], DEFAULT_SHIFT_TYPES, [
      { date: '2026-12-01', shiftCode: 'D', teamId: 'team-a' },
      { date: '2026-12-01', shiftCode: 'D', teamId: 'team-b' },
      { date: '2026-12-01', shiftCode: 'N', teamId: 'team-a' },
    ], 'team-a');
    expect(c).toEqual([
      { date: '2026-12-01', shiftCode: 'D', count: 1, min: 2 },
      { date: '2026-12-01', shiftCode: 'E', count: 0, min: 1 },
      { date: '2026-12-01', shiftCode: 'N', count: 1, min: 1 },
    ]);
  });
});

describe('my shifts and the iCalendar export', () => {
  it('lists an agent\u2019s coming shifts with real start and end instants', async () => {
    const r = (await host.dispatch('roster.mine', { from: today, days: 14 }, tokens.agent01)) as { value: { date: string; startsAt: string; endsAt: string; shiftCode: string }[] };
    expect(r.value.length).toBeGreaterThan(5);
    for (const s of r.value) expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(8 * 3_600_000);
  });

  it('exports shifts as ICS that a real parser reads back exactly', async () => {
    const r = (await host.dispatch('roster.mine', { from: today, days: 14 }, tokens.agent01)) as { value: { entryId: string; startsAt: string; endsAt: string; shiftName: string; shiftCode: string }[] };
    const ics = shiftsToIcs(
      r.value.map((s) => ({ uid: `${s.entryId}@zhiban`, startsAt: s.startsAt, endsAt: s.endsAt, summary: `${s.shiftName}（${s.shiftCode}）, 王芳; 一组`, description: '值班台排班\n第二行' })),
      { calendarName: '王芳的班次', now: new Date().toISOString() },
    );
    const comp = new ICAL.Component(ICAL.parse(ics));
    expect(comp.getFirstPropertyValue('x-wr-calname')).toBe('王芳的班次');
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(r.value.length);
    for (const [i, e] of events.entries()) {
      expect(e.startDate.toJSDate().toISOString()).toBe(r.value[i]!.startsAt);
      expect(e.endDate.toJSDate().toISOString()).toBe(r.value[i]!.endsAt);
      expect(e.summary).toBe(`${r.value[i]!.shiftName}（${r.value[i]!.shiftCode}）, 王芳; 一组`);
      expect(e.description).toBe('值班台排班\n第二行');
    }
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('shift types', () => {
  const save = (who: string, t: object) => host.dispatch('roster.saveShiftType', { code: 'M', name: '早班', start: '06:00', end: '14:00', night: false, minCoverage: { 'team-a': 1 }, ...t }, tokens[who]);

  it('lets directors add one, and coverage reads its minimum', async () => {
    expect(await save('center01', {})).toMatchObject({ ok: true, value: { code: 'M' } });
    const types = (await host.dispatch('roster.shiftTypes', {}, tokens.agent01)) as { value: { code: string }[] };
    expect(types.value.map((x) => x.code)).toContain('M');
    const m = (await host.dispatch('roster.month', { month: today.slice(0, 7), teamId: 'team-a' }, tokens.center01)) as { value: { coverage: { shiftCode: string; min: number }[] } };
    expect(m.value.coverage.find((c) => c.shiftCode === 'M')?.min).toBe(1);
    await host.db.deleteFrom('shift_types').where('code', '=', 'M').execute();
  });

  it.each([
    ['a lowercase code', { code: 'm' }, 'code', 'err.shiftCode'],
    ['a time of 25:00', { start: '25:00' }, 'start', 'err.timeOfDay'],
    ['the same start and end', { end: '06:00' }, 'end', 'err.sameTimes'],
    ['a minimum for a team that does not exist', { minCoverage: { 'team-z': 2 } }, 'minCoverage.team-z', 'err.unknownTeam'],
  ])('refuses %s with a field error', async (_l, patch, path, code) => {
    const r = await save('center01', patch);
    expect(r).toMatchObject({ ok: false, error: { fields: [expect.objectContaining({ path, code })] } });
  });

  it('is not a team lead\u2019s to change', async () => {
    expect(await save('lead01', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
