import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CallHistoryInput } from '../../shared/calls/history-schemas';
import type { CallRecord } from '../../shared/calls/schemas';
import { parseCsv, toCsv } from '../../shared/roster/csv';
import type { DeskClient } from '../../renderer/client/desk-client';
import { callRows, EXPORT_PAGE, fetchAllCalls } from '../../renderer/features/calls/export-calls';
import { writeXlsx } from '../../renderer/features/spreadsheet/xlsx-write';

/** The history's export (#13 item 2): every page of the filtered list, and files a real parser reads back. */
const call = (i: number): CallRecord => ({
  id: `c${i}`,
  agentId: 'user-agent01',
  agentName: '王芳',
  teamId: 'team-a',
  customerPhone: i % 2 ? '+86 138-0013-8000' : '021-6234 5678',
  customerName: '赵先生',
  category: 'complaint',
  summary: i === 0 ? '=HYPERLINK("x")，含逗号,与"引号"\n第二行' : `来电 ${i}`,
  outcome: '已登记',
  followUp: i % 3 === 0,
  startedAt: new Date(Date.UTC(2026, 2, 17, 2, 0, i)).toISOString(),
  endedAt: new Date(Date.UTC(2026, 2, 17, 2, 5, i)).toISOString(),
  durationSec: 300,
  synced: true,
});
const FILTER: CallHistoryInput = { from: '2026-03-10T16:00:00.000Z', to: '2026-03-17T16:00:00.000Z', category: 'complaint' };

/** A client answering calls.history from a list, as the desk would page it. */
function fakeClient(all: CallRecord[], seen: unknown[]): DeskClient {
  const call = async (method: string, input: { offset: number; limit: number }) => {
    expect(method).toBe('calls.history');
    seen.push(input);
    return { items: all.slice(input.offset, input.offset + input.limit), total: all.length };
  };
  return { call: call as never, onEvent: () => () => undefined, setSession: () => undefined, session: () => null, attachRecording: () => Promise.reject(new Error("unused")), readRecording: () => Promise.reject(new Error("unused")) };
}

describe('export of the filtered history', () => {
  it('fetches every page with the same filters, reporting progress after each', async () => {
    const all = Array.from({ length: EXPORT_PAGE * 2 + 17 }, (_, i) => call(i));
    const seen: unknown[] = [];
    const progress: [number, number][] = [];
    const got = await fetchAllCalls(fakeClient(all, seen), FILTER, (d, t) => progress.push([d, t]), () => false);
    expect(got?.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(seen).toEqual([0, 1, 2].map((p) => ({ ...FILTER, offset: p * EXPORT_PAGE, limit: EXPORT_PAGE })));
    expect(progress).toEqual([[EXPORT_PAGE, all.length], [EXPORT_PAGE * 2, all.length], [all.length, all.length]]);
  });

  it('stops between pages when cancelled', async () => {
    let pages = 0;
    const got = await fetchAllCalls(fakeClient(Array.from({ length: EXPORT_PAGE * 3 }, (_, i) => call(i)), []), FILTER, () => pages++, () => pages >= 1);
    expect(got).toBeNull();
    expect(pages).toBe(1);
  });

  it('the XLSX and the CSV read back, with a real parser, as exactly the rows shown (numbers as typed, formulas inert)', async () => {
    const header = ['开始时间', '客户电话', '来电摘要', '回访'];
    const rows = callRows([call(0), call(1), call(2)], header, (c) => [c.startedAt, c.customerPhone, c.summary, c.followUp ? '需回访' : '']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writeXlsx(rows, '来电历史')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const back: string[][] = [];
    ws.eachRow((r) => back.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(back.map((r) => [...r, ...Array(header.length - r.length).fill('')])).toEqual(rows);
    const csv = toCsv(rows);
    expect(csv).toContain(`"'=HYPERLINK`); // a spreadsheet shows the summary as text, it does not run it
    expect(parseCsv(csv.replace(/^\uFEFF/, ''))).toEqual(rows);
  });
});
