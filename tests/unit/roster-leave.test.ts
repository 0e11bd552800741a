import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoDeskFixture } from './support/demo-desk-fixture';

/** Approved leave on the month grid (#9 item 14): the cell is marked and the shift no longer counts towards coverage. */
const desk = demoDeskFixture();

describe('approved leave in roster.month', () => {
  it('marks the day for the person and takes them out of that shift\'s coverage; a request still open changes nothing', async () => {
    const date = await desk.fx.findLeaveDay('agent04', 'personal');
    const code = (await desk.fx.shifts('agent04')).get(date)!;
    const month = date.slice(0, 7);
    const cell = async () => {
      const m = await desk.fx.call('lead01', 'roster.month', { month });
      const i = m.days.findIndex((d) => d.date === date);
      const p = m.people.find((x) => x.username === 'agent04')!;
      return { onLeave: p.leave.includes(i), shift: p.shifts[i], count: m.coverage.find((c) => c.date === date && c.shiftCode === code)!.count };
    };
    const before = await cell();
    expect(before).toMatchObject({ onLeave: false, shift: code });
    const l = await desk.fx.call('agent04', 'leave.request', { id: randomUUID(), userId: desk.fx.userId('agent04'), type: 'personal', fromDate: date, toDate: date, reason: '家中有事' });
    expect(await cell()).toEqual(before);
    await desk.fx.call('lead01', 'leave.decide', { id: l.id, approve: true });
    expect(await cell()).toEqual(before); // one level approved; the department director decides a day's leave
    await desk.fx.call('dept01', 'leave.decide', { id: l.id, approve: true });
    expect(await cell()).toEqual({ onLeave: true, shift: code, count: before.count - 1 });
  });
});
