import ICAL from 'ical.js';
import { addDays } from '../../../shared/calendar/day-kind';
import { WORKDAY_SUMMARY } from '../../../shared/calendar/workday-summary';

export interface IcsDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** All-day events of an iCalendar file as calendar days; an event spanning days gives one per day. */
export function icsToDays(text: string): IcsDay[] {
  const comp = new ICAL.Component(ICAL.parse(text));
  const out: IcsDay[] = [];
  for (const v of comp.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    const start = e.startDate.toString().slice(0, 10);
    // DTEND of an all-day event is exclusive; a missing DTEND means one day.
    const end = e.endDate ? e.endDate.toString().slice(0, 10) : addDays(start, 1);
    const name = (e.summary ?? '').trim();
    for (let d = start; d < end && out.length < 400; d = addDays(d, 1)) out.push({ date: d, kind: WORKDAY_SUMMARY.test(name) ? 'workday' : 'holiday', name });
    if (start >= end) out.push({ date: start, kind: WORKDAY_SUMMARY.test(name) ? 'workday' : 'holiday', name });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}
