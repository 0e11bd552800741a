import type { BrowserContext } from '@playwright/test';
import { addDays, dayInfo } from '../../../shared/calendar/day-kind';
import { addMonths, monthOf } from '../../../shared/calendar/month';
import { dateInZone } from '../../../shared/policy/zoned-date';

/**
 * The one instant every E2E runs at, on the server, the desks and in the browser: Tuesday 2026-03-17,
 * 10:30 in Shanghai. A mid-month working day with no holiday near (March 2026 has none; April's Qingming
 * is the 4th–6th, before the days the swap spec uses), in a 31-day month, and late enough in the
 * morning that the demo center's calls (up to 95 minutes ago) are all "today". The real date never
 * matters again: the roster spec no longer breaks in the last days of a month.
 */
export const NOW = '2026-03-17T02:30:00.000Z';
export const ZONE = 'Asia/Shanghai';
/** 2026-03-17 */
export const TODAY = dateInZone(NOW, ZONE);
/** 2026-03 */
export const MONTH = monthOf(TODAY);
/** 2026-04 */
export const NEXT_MONTH = addMonths(MONTH, 1);

/** `YYYY-MM-DD` for day `d` of a month. */
export const dayOf = (month: string, d: number): string => `${month}-${String(d).padStart(2, '0')}`;
export { addDays };

for (const d of [TODAY, addDays(TODAY, 1), addDays(TODAY, 2)])
  if (dayInfo(d).kind !== 'workday') throw new Error(`The pinned E2E day ${d} must be an ordinary working day, not ${dayInfo(d).kind}`);

/** Pins the desk and server processes (honoured only with NODE_ENV=test: server/clock.ts, electron/backend/cli-args.ts). */
export const PINNED_ENV = { NODE_ENV: 'test', ZHIBAN_FIXED_CLOCK: NOW } as const;

/**
 * Pins the browser: the page starts at NOW (or `at`, for a spec that needs another hour of the same day,
 * e.g. a shift change) and time runs on from there, so the call timer ticks and polling, debounces and
 * reconnects work as they do for people.
 */
export async function pinBrowserClock(context: BrowserContext, at: string = NOW): Promise<void> {
  await context.clock.install({ time: new Date(at) });
}

/** An instant of the pinned day on the center's clock: `atShanghai('15:50')` (the 16:00 shift change). */
export const atShanghai = (hhmm: string, date: string = TODAY): string => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
