import type { CallHistoryInput } from '../../../shared/calls/history-schemas';
import type { CallRecord } from '../../../shared/calls/schemas';
import type { DeskClient } from '../../client/desk-client';

/** Rows fetched per round trip while exporting: large enough to be quick, small enough to show progress. */
export const EXPORT_PAGE = 500;

/**
 * Every call the filters match, page by page (the same query the screen shows, so the file holds exactly
 * the list), reporting progress after each page; `cancelled` stops between pages.
 */
export async function fetchAllCalls(client: DeskClient, filter: CallHistoryInput, progress: (done: number, total: number) => void, cancelled: () => boolean): Promise<CallRecord[] | null> {
  const out: CallRecord[] = [];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    if (cancelled()) return null;
    const page = await client.call('calls.history', { ...filter, offset, limit: EXPORT_PAGE });
    out.push(...page.items);
    progress(out.length, page.total);
    if (page.items.length < EXPORT_PAGE || out.length >= page.total) return out;
  }
}

/** The exported sheet: a header row in the UI language, then one row per call, every cell text. */
export function callRows(calls: readonly CallRecord[], header: readonly string[], cell: (c: CallRecord) => readonly string[]): string[][] {
  return [[...header], ...calls.map((c) => [...cell(c)])];
}
