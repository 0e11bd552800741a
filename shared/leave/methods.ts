import { z } from 'zod';
import { CalendarDay, Id, Month, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import { RuleCheckSchema } from '../rules/check';
import { CertificateSchema, LeaveDraftSchema, LeaveRequestSchema, LeaveSchema, LeaveWithChecksSchema } from './schemas';

/** Open requests outside the month per page of leave.list. */
export const LEAVE_PAGE = 200;

const FILERS = ['agent', 'team_lead', 'department_director', 'center_director'] as const;

export const leaveMethods = {
  /** Every leave rule for a draft, before sending: pass / fail / needs a manager / checked by the server. */
  'leave.check': defineMethod({ kind: 'query', serverFirst: true, access: FILERS, input: LeaveDraftSchema, output: z.object({ checks: z.array(RuleCheckSchema), chain: z.array(z.string()), days: z.number().int() }) }),
  'leave.request': defineMethod({ kind: 'mutation', access: FILERS, input: LeaveRequestSchema, output: LeaveSchema }),
  /** The next level of the chain approves or rejects (leave.chain, leave.authority). */
  'leave.decide': defineMethod({
    kind: 'mutation',
    audit: true,
    access: ['team_lead', 'department_director', 'center_director'],
    input: z.object({ id: Id(), approve: z.boolean(), note: Text(200, { multiline: true }).default('') }),
    output: LeaveSchema,
  }),
  /** leave.sick-certificate: the certificate, due on the first day back. */
  'leave.attachCertificate': defineMethod({ kind: 'mutation', access: FILERS, input: z.object({ id: Id(), certificate: CertificateSchema }), output: LeaveSchema }),
  'leave.cancel': defineMethod({ kind: 'mutation', access: FILERS, input: z.object({ id: Id() }), output: LeaveSchema }),
  /** Mine (agents), my team's (leads), all (directors) from `from` on, each with its checks, chain and certificate state. */
  'leave.list': defineMethod({
    kind: 'query',
    access: FILERS,
    input: z.object({
      /** Every open request, then this month's history. */
      month: Month,
      /** false: skip the per-item rule check (a badge only counts what waits). */
      checks: z.boolean().default(true),
      /**
       * Open requests outside the month, at most this many a page, soonest first (the month's own requests
       * always come whole: a center's far-future requests can never push them out).
       */
      limit: z.number().int().min(1).max(500).default(LEAVE_PAGE),
      /** The next page of open requests outside the month: after the last one shown (only those come back). */
      after: z.object({ fromDate: CalendarDay, id: Id() }).optional(),
    }),
    output: z.array(LeaveWithChecksSchema),
  }),
};
