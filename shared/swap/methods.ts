import { z } from 'zod';
import { CalendarDay, Id, Month, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import { RuleCheckSchema } from '../rules/check';
import { RosterPersonSchema } from '../roster/schemas';
import { SwapDraftSchema, SwapRequestSchema, SwapSchema, SwapWithChecksSchema } from './schemas';

const ROSTERED = ['agent', 'team_lead'] as const;

/** Open swaps outside the month per page of swap.list. */
export const SWAP_PAGE = 200;

export const swapMethods = {
  /** Everyone who can take a shift (agents and leads of every team), to pick a swap partner from. */
  'swap.colleagues': defineMethod({ kind: 'query', access: ROSTERED, input: z.object({}), output: z.array(RosterPersonSchema) }),
  /** The rule check the desk shows before a request is sent: every swap rule, pass / fail / unknown, with numbers. */
  'swap.check': defineMethod({
    kind: 'query',
    serverFirst: true,
    access: ROSTERED,
    input: SwapDraftSchema,
    output: z.object({ checks: z.array(RuleCheckSchema), giveShift: z.string().nullable(), takeShift: z.string().nullable() }),
  }),
  /**
   * For the form: the colleague's shifts around the day given away (so a pay-back day is picked, not guessed)
   * and the pay-back days every rule allows. Shifts only (no reasons), and only three weeks of them.
   */
  'swap.options': defineMethod({
    kind: 'query',
    serverFirst: true,
    access: ROSTERED,
    input: z.object({ partnerId: Id(), giveDate: CalendarDay }),
    output: z.object({
      /** null: this desk does not hold the colleague's roster (offline, another team). */
      partnerShifts: z.array(z.object({ date: z.string(), code: z.string() })).nullable(),
      mineFree: z.array(z.string()),
      suggestions: z.array(z.object({ takeDate: z.string(), takeShift: z.string() })),
    }),
  }),
  /** One open swap re-judged for the person who must act on it (the colleague, an approver): the server's verdict when online. */
  'swap.judge': defineMethod({
    kind: 'query',
    serverFirst: true,
    access: ['agent', 'team_lead', 'department_director'],
    input: z.object({ id: Id() }),
    output: z.object({ checks: z.array(RuleCheckSchema) }),
  }),
  'swap.request': defineMethod({ kind: 'mutation', access: ROSTERED, input: SwapRequestSchema, output: SwapSchema }),
  /** The named colleague accepts or declines. */
  'swap.respond': defineMethod({ kind: 'mutation', access: ROSTERED, input: z.object({ id: Id(), accept: z.boolean() }), output: SwapSchema }),
  /** A team lead of either side approves or rejects; the last approval applies the swap to the roster. */
  'swap.decide': defineMethod({
    kind: 'mutation',
    audit: true,
    access: ['team_lead', 'department_director'],
    input: z.object({ id: Id(), approve: z.boolean(), note: Text(200, { multiline: true }).default('') }),
    output: SwapSchema,
  }),
  'swap.cancel': defineMethod({ kind: 'mutation', access: ROSTERED, input: z.object({ id: Id() }), output: SwapSchema }),
  /** Mine (agents), my team's (leads) or all (directors), each open one with its rule check; plus this month's balance. */
  'swap.list': defineMethod({
    kind: 'query',
    access: ['agent', 'team_lead', 'department_director', 'center_director'],
    input: z.object({
      month: Month,
      /** false: skip the per-item rule check (a badge only counts what waits). */
      checks: z.boolean().default(true),
      /** Open swaps outside the month, at most this many a page, soonest give date first (the month's come whole). */
      limit: z.number().int().min(1).max(500).default(SWAP_PAGE),
      /** The next page of open swaps outside the month: after the last one shown (only those come back). */
      after: z.object({ giveDate: CalendarDay, id: Id() }).optional(),
    }),
    output: z.object({ swaps: z.array(SwapWithChecksSchema), used: z.number().int(), max: z.number().int(), month: z.string() }),
  }),
};
