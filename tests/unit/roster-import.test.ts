import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../shared/roster/csv';
import { planRosterImport } from '../../shared/roster/import';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import { decodeSpreadsheetText } from '../../renderer/features/spreadsheet/decode-csv';
import type { DeskHost } from '../../electron/backend/desk-host';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

const people = [
  { userId: 'u1', username: 'agent01', name: '王芳', teamId: 'team-a', jobType: 'voice', skillLevel: 1 },
  { userId: 'u7', username: 'agent07', name: '赵磊', teamId: 'team-b', jobType: 'voice', skillLevel: 1 },
];
const header = ['username', ...Array.from({ length: 30 }, (_, i) => String(i + 1))];
const plan = (rows: string[][], teamId: string | null = null) =>
  planRosterImport({ month: '2026-11', rows: [header, ...rows] }, { people, shiftTypes: [...DEFAULT_SHIFT_TYPES, { code: 'L', name: '晚班', start: '18:00', end: '02:00', night: true, minCoverage: {} }], teamId, timeZone: 'Asia/Shanghai' });

describe('roster import plan', () => {
  it('turns a month row into entries, blanks into rest days', () => {
    const p = plan([['agent01', 'D', 'd', '', 'N']]);
    expect(p.issues).toEqual([]);
    expect(p.entries.slice(0, 4)).toEqual([
      { userId: 'u1', date: '2026-11-01', shiftCode: 'D' },
      { userId: 'u1', date: '2026-11-02', shiftCode: 'D' },
      { userId: 'u1', date: '2026-11-03', shiftCode: null },
      { userId: 'u1', date: '2026-11-04', shiftCode: 'N' },
    ]);
  });

  it.each([
    ['an unknown person', [['nobody', 'D']], null, { row: 2, column: 1, code: 'err.unknownPerson' }],
    ['an unknown shift type', [['agent01', 'D', 'X']], null, { row: 2, column: 3, code: 'err.unknownShift' }],
    ['a formula in a cell', [['agent01', '=HYPERLINK("x")']], null, { row: 2, column: 2, code: 'err.formula' }],
    ['the same person twice', [['agent01', 'D'], ['agent01', 'E']], null, { row: 3, column: 1, code: 'err.duplicatePerson' }],
    ["another team's agent, for a lead", [['agent07', 'D']], 'team-a', { row: 2, column: 1, code: 'err.notYourTeam' }],
    ['overlapping shifts on consecutive days', [['agent01', 'L', 'N']], null, { row: 2, column: 3, code: 'err.overlap' }],
  ])('reports %s at its row and column', (_l, rows, teamId, issue) => {
    expect(plan(rows as string[][], teamId).issues).toEqual([expect.objectContaining(issue)]);
  });

  it('checks the header: one column per day of the month', () => {
    const p = planRosterImport({ month: '2026-11', rows: [['username', '1', '3'], ['agent01', 'D', 'D']] }, { people, shiftTypes: DEFAULT_SHIFT_TYPES, teamId: null, timeZone: 'Asia/Shanghai' });
    expect(p.issues).toEqual([expect.objectContaining({ row: 1, column: 3, code: 'err.importHeader' })]);
    const long = planRosterImport({ month: '2026-02', rows: [['username', ...Array.from({ length: 30 }, (_, i) => String(i + 1))]] }, { people, shiftTypes: DEFAULT_SHIFT_TYPES, teamId: null, timeZone: 'Asia/Shanghai' });
    expect(long.issues).toEqual([expect.objectContaining({ code: 'err.tooManyDays' })]);
  });
});

describe('CSV files', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM, and writes what it reads', () => {
    const rows = [['username', '1'], ['agent01', 'D'], ['说明, "引号"', '']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(parseCsv('a,"b\r\nc",d\r\n')).toEqual([['a', 'b\r\nc', 'd']]);
  });

  it('reads a GBK file as Excel on Chinese Windows saves it, and UTF-8 as it is', () => {
    // "用户名,1\r\n王芳,D\r\n" in GBK: 用 D3C3 户 BBA7 名 C3FB 王 CDF5 芳 B7BC
    const gbk = new Uint8Array([0xd3, 0xc3, 0xbb, 0xa7, 0xc3, 0xfb, 0x2c, 0x31, 0x0d, 0x0a, 0xcd, 0xf5, 0xb7, 0xbc, 0x2c, 0x44, 0x0d, 0x0a]);
    expect(decodeSpreadsheetText(gbk)).toEqual({ text: '用户名,1\r\n王芳,D\r\n', encoding: 'gb18030' });
    expect(decodeSpreadsheetText(new TextEncoder().encode('用户名,1\n'))).toEqual({ text: '用户名,1\n', encoding: 'utf-8' });
  });
});

describe('roster.import', () => {
  const dir = tempDir();
  let host: DeskHost;
  let lead: string;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
    lead = ((await host.dispatch('session.login', { username: 'lead01', password: 'zhiban123' })) as { value: { token: string } }).value.token;
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });
  const rosterRows = async () => Number((await host.db.selectFrom('roster').select((eb) => eb.fn.countAll().as('n')).where('date', 'like', '2027-03-%').executeTakeFirstOrThrow()).n);
  const march = ['username', ...Array.from({ length: 31 }, (_, i) => String(i + 1))];

  it('imports a whole month for the lead\u2019s team in one mutation', async () => {
    const r = await host.dispatch('roster.import', { month: '2027-03', rows: [march, ['agent01', 'D', 'D', 'E'], ['agent02', '', 'N', 'N']] }, lead);
    expect(r).toMatchObject({ ok: true, value: { written: 5 } });
    expect(await rosterRows()).toBe(5);
  });

  it('imports nothing when any cell is wrong, and says which', async () => {
    const before = await rosterRows();
    const r = await host.dispatch('roster.import', { month: '2027-03', rows: [march, ['agent03', 'D', 'D'], ['agent07', 'D'], ['agent04', 'Q']] }, lead);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.map((f) => [f.path, f.code])).toEqual([['rows.3.1', 'err.notYourTeam'], ['rows.4.2', 'err.unknownShift']]);
    expect(await rosterRows()).toBe(before);
  });
});
