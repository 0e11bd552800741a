import { z } from 'zod';
import { CalendarDay, Id, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import { fail, pass, RuleCheckSchema, warn, type RuleCheck } from '../rules/check';
import { syncedTables } from '../sync/tables';
import { everything, nothing, ownRows, teamRows } from '../sync/scope-rules';

/**
 * Away from the desk during a shift (duty.no-leaving-post): the agent asks, the duty lead allows it for a time
 * (the policy's away threshold unless the lead says otherwise) and may extend it; back past the limit records a
 * violation through the discipline records (leave.discipline).
 */
export const AwaySchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  teamId: z.string().nullable(),
  date: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  limitMinutes: z.number().int(),
  backAt: z.string().nullable(),
  awayMinutes: z.number().int().nullable(),
  violationId: z.string().nullable(),
});
export type Away = z.infer<typeof AwaySchema>;

const ON_SHIFT = ['agent', 'team_lead'] as const;
const LEADS = ['team_lead', 'department_director', 'center_director'] as const;

export const awayMethods = {
  'duty.awayRequest': defineMethod({ kind: 'mutation', access: ON_SHIFT, input: z.object({ id: z.uuid(), date: CalendarDay, reason: Text(200, { required: true, multiline: true }) }), output: z.object({ away: AwaySchema, checks: z.array(RuleCheckSchema) }) }),
  /** Allows it (or, once allowed, extends it) by `minutes`; the policy's away threshold when not given. */
  'duty.awayApprove': defineMethod({ kind: 'mutation', audit: true, access: LEADS, input: z.object({ id: Id(), minutes: z.number().int().min(1).max(240).optional() }), output: AwaySchema }),
  'duty.awayBack': defineMethod({ kind: 'mutation', access: ON_SHIFT, input: z.object({ id: Id() }), output: z.object({ away: AwaySchema, checks: z.array(RuleCheckSchema) }) }),
};

export const awayTables = syncedTables({
  away_periods: {
    pk: 'id',
    privateColumns: [],
    scope: { agent: teamRows('team_id', ownRows('user_id')), team_lead: teamRows('team_id', ownRows('user_id')), qa_inspector: nothing, department_director: everything, center_director: everything, admin: nothing },
  },
});

const MIN = 60_000;

/** Coming back: within the allowed time, or past it (a violation); never allowed: the request is withdrawn. */
export function judgeBack(o: { now: string; approvedAt: string | null; limitMinutes: number }): { checks: RuleCheck[]; awayMinutes: number | null; violation: boolean } {
  if (!o.approvedAt) return { checks: [], awayMinutes: null, violation: false };
  const awayMinutes = Math.max(0, Math.floor((Date.parse(o.now) - Date.parse(o.approvedAt)) / MIN));
  const over = awayMinutes > o.limitMinutes;
  return { checks: [over ? fail('duty.no-leaving-post', { problem: 'overrun', awayMinutes, limitMinutes: o.limitMinutes }) : pass('duty.no-leaving-post', { variant: 'back', awayMinutes, limitMinutes: o.limitMinutes })], awayMinutes, violation: over };
}

/** Asking: only during one's shift, one open time away at a time; it stands once the lead allows it. */
export function judgeRequest(o: { onShiftNow: boolean; open: boolean }): RuleCheck {
  if (!o.onShiftNow) return fail('duty.no-leaving-post', { problem: 'notOnShift' });
  if (o.open) return fail('duty.no-leaving-post', { problem: 'open' });
  return warn('duty.no-leaving-post');
}
