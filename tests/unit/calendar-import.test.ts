import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icsToDays } from '../../renderer/features/calendar/ics-days';
import type { DeskHost } from '../../electron/backend/desk-host';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//EN',
  'BEGIN:VEVENT',
  'UID:a',
  'DTSTART;VALUE=DATE:20271001',
  'DTEND;VALUE=DATE:20271004',
  'SUMMARY:国庆节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:b',
  'DTSTART;VALUE=DATE:20270926',
  'SUMMARY:国庆节补班',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('holiday calendar import (ICS)', () => {
  it('turns all-day events into days, end exclusive, 补班 as working days', () => {
    expect(icsToDays(ICS)).toEqual([
      { date: '2027-09-26', kind: 'workday', name: '国庆节补班' },
      { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2027-10-03', kind: 'holiday', name: '国庆节' },
    ]);
  });

  const dir = tempDir();
  let host: DeskHost;
  const token: Record<string, string> = {};
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
    for (const u of ['center01', 'lead01']) token[u] = ((await host.dispatch('session.login', { username: u, password: 'zhiban123' })) as { value: { token: string } }).value.token;
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });

  it('saves imported days, which then decide what kind each day is (leave.holiday, swap.holiday feed on this)', async () => {
    expect(await host.dispatch('calendar.import', { days: icsToDays(ICS) }, token.center01)).toMatchObject({ ok: true, value: { saved: 4 } });
    const r = (await host.dispatch('calendar.days', { from: '2027-09-26', to: '2027-10-02' }, token.lead01)) as { value: { date: string; kind: string }[] };
    expect(r.value.map((d) => [d.date, d.kind])).toEqual([
      ['2027-09-26', 'makeUpWorkday'],
      ['2027-09-27', 'workday'],
      ['2027-09-28', 'workday'],
      ['2027-09-29', 'workday'],
      ['2027-09-30', 'workday'],
      ['2027-10-01', 'holiday'],
      ['2027-10-02', 'holiday'],
    ]);
  });

  it('refuses the same day twice, and team leads may not change the calendar', async () => {
    const twice = await host.dispatch('calendar.import', { days: [{ date: '2027-05-01', kind: 'holiday', name: 'x' }, { date: '2027-05-01', kind: 'workday', name: 'y' }] }, token.center01);
    expect(twice).toMatchObject({ ok: false, error: { fields: [{ path: 'days.1.date', code: 'err.duplicateDate' }] } });
    expect(await host.dispatch('calendar.import', { days: [{ date: '2027-05-01', kind: 'holiday', name: 'x' }] }, token.lead01)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
