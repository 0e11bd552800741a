import { addDays, weekday } from '../calendar/day-kind';
import type { CallCategory } from '../calls/schemas';
import { zonedToInstant } from '../roster/zoned-time';
import { isResolved } from '../workorders/rules';
import { CALLBACK_OUTCOMES, type CallbackOutcome, type StepRecord, type WorkOrderType } from '../workorders/schemas';
import type { Figures, ReportKind } from './schemas';

/** The rule a kind of report answers to. */
export const KIND_RULE: Record<ReportKind, 'report.daily' | 'report.monthly-quality'> = { daily: 'report.daily', monthly: 'report.monthly-quality' };

/** One report per team, kind and period: its id says which, so two desks writing it offline meet on one row. */
export function reportId(kind: ReportKind, teamId: string, period: string): string {
  return `${kind}:${teamId}:${period}`;
}

export function meetingId(month: string): string {
  return `meeting:${month}`;
}

/** Whether a period is written the way its kind needs: a day for a daily report, a month for the monthly one. */
export function periodFits(kind: ReportKind, period: string): boolean {
  return kind === 'daily' ? /^\d{4}-\d{2}-\d{2}$/.test(period) : /^\d{4}-\d{2}$/.test(period);
}

/** The first and the day after the last calendar day a period covers. */
export function periodDays(kind: ReportKind, period: string): { first: string; next: string } {
  if (kind === 'daily') return { first: period, next: addDays(period, 1) };
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first: `${period}-01`, next };
}

/** [from, to) as instants: the period's days on the center's clock. */
export function periodRange(kind: ReportKind, period: string, timeZone: string): { from: string; to: string } {
  const { first, next } = periodDays(kind, period);
  return { from: new Date(zonedToInstant(first, '00:00', timeZone)).toISOString(), to: new Date(zonedToInstant(next, '00:00', timeZone)).toISOString() };
}

/** The Monday of a day's week (weeks run Monday to Sunday, as the floor counts them). */
export function mondayOf(day: string): string {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/** What the figures are counted from: the facts of one team's calls, work orders and escalations. */
export interface FigureFacts {
  calls: readonly { category: CallCategory; startedAt: string; followUp: boolean }[];
  workOrders: readonly {
    type: WorkOrderType;
    createdAt: string;
    closedAt: string | null;
    supervisedAt: string | null;
    callbackAt: string | null;
    callbackOutcome: CallbackOutcome | null;
    steps: readonly StepRecord[];
  }[];
  escalations: readonly { createdAt: string }[];
}

const inRange = (at: string | null, from: string, to: string) => at !== null && Date.parse(at) >= Date.parse(from) && Date.parse(at) < Date.parse(to);

export function emptyFigures(): Figures {
  return {
    calls: 0,
    consultations: 0,
    queries: 0,
    proactive: 0,
    otherCalls: 0,
    complaintCalls: 0,
    followUps: 0,
    workOrders: 0,
    workOrdersDone: 0,
    complaints: 0,
    complaintsResolved: 0,
    resolutionRate: null,
    supervised: 0,
    callbacks: 0,
    callbacksByOutcome: Object.fromEntries(CALLBACK_OUTCOMES.map((o) => [o, 0])) as Figures['callbacksByOutcome'],
    escalations: 0,
  };
}

/**
 * report.daily / report.monthly-quality: the period's figures. Each thing counts in the period it happened in:
 * a call when it started, a work order when created (complaints and their resolution too, as workorders.stats
 * counts them), closed, pressed for or called back.
 */
export function countFigures(f: FigureFacts, from: string, to: string): Figures {
  const out = emptyFigures();
  for (const c of f.calls) {
    if (!inRange(c.startedAt, from, to)) continue;
    out.calls++;
    if (c.category === 'consultation') out.consultations++;
    else if (c.category === 'query') out.queries++;
    else if (c.category === 'complaint') out.complaintCalls++;
    else out.otherCalls++;
    if (c.followUp) out.followUps++;
  }
  for (const o of f.workOrders) {
    if (inRange(o.createdAt, from, to)) {
      out.workOrders++;
      if (o.type === 'complaint') {
        out.complaints++;
        if (isResolved(o.steps)) out.complaintsResolved++;
      }
    }
    if (inRange(o.closedAt, from, to)) out.workOrdersDone++;
    if (inRange(o.supervisedAt, from, to)) out.supervised++;
    if (inRange(o.callbackAt, from, to) && o.callbackOutcome) {
      out.callbacks++;
      out.callbacksByOutcome[o.callbackOutcome]++;
    }
  }
  // Proactive service: the calls the team placed itself, its callbacks (回访).
  out.proactive = out.callbacks;
  out.escalations = f.escalations.filter((e) => inRange(e.createdAt, from, to)).length;
  out.resolutionRate = out.complaints ? out.complaintsResolved / out.complaints : null;
  return out;
}

/** Figures summed (the weekly report from its dailies); the rate recomputed from the sums, never averaged. */
export function sumFigures(list: readonly Figures[]): Figures {
  const out = emptyFigures();
  for (const f of list) {
    for (const k of Object.keys(out) as (keyof Figures)[]) {
      const v = f[k];
      if (typeof v === 'number' && k !== 'resolutionRate') (out[k] as number) += v;
    }
    for (const o of CALLBACK_OUTCOMES) out.callbacksByOutcome[o] += f.callbacksByOutcome[o];
  }
  out.resolutionRate = out.complaints ? out.complaintsResolved / out.complaints : null;
  return out;
}
