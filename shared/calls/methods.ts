import { z } from 'zod';
import { Id } from '../api/fields';
import { defineMethod } from '../api/method';
import { CallListInputSchema, CallLogInputSchema, CallRecordSchema } from './schemas';
import { CallerHistorySchema, CallerLookupInputSchema, CallHistoryInputSchema, CallPageSchema, CallSearchInputSchema, CallSearchPageSchema, CallStatsInputSchema, CallStatsSchema } from './history-schemas';

const READERS = ['agent', 'team_lead', 'qa_inspector', 'department_director', 'center_director'] as const;

export const callMethods = {
  'calls.log': defineMethod({
    kind: 'mutation',
    access: ['agent', 'team_lead'],
    input: CallLogInputSchema,
    output: CallRecordSchema,
  }),
  'calls.list': defineMethod({
    kind: 'query',
    access: READERS,
    input: CallListInputSchema,
    output: z.array(CallRecordSchema),
  }),
  /**
   * The history: a date range and filters, a page at a time, newest first; over the reader's scope only. Asked of
   * the server when the desk reaches it: a desk holds only the last weeks of calls (shared/sync/windows.ts).
   */
  'calls.history': defineMethod({ kind: 'query', serverFirst: true, access: READERS, input: CallHistoryInputSchema, output: CallPageSchema }),
  /** One call, for its detail view; a call outside the reader's scope is as unknown as a missing one. */
  'calls.get': defineMethod({ kind: 'query', access: READERS, input: z.object({ id: Id() }), output: CallRecordSchema }),
  /** Earlier calls from the number being typed (matched however it was typed): for those who log calls (a masked reader could probe numbers with it). */
  /** Dashboard figures over the reader's scope: calls by category and hour, follow-ups asked (leads, QA, directors); server first, as the history. */
  'calls.stats': defineMethod({ kind: 'query', serverFirst: true, access: ['team_lead', 'qa_inspector', 'department_director', 'center_director'], input: CallStatsInputSchema, output: CallStatsSchema }),
  /**
   * Search for leads, QA and directors: asked of the central server when the desk reaches it (every call in
   * the reader's scope, indexed), answered from this desk's replica otherwise; the answer says which.
   */
  'calls.search': defineMethod({ kind: 'query', serverFirst: true, access: ['team_lead', 'qa_inspector', 'department_director', 'center_director'], input: CallSearchInputSchema, output: CallSearchPageSchema }),
  'calls.caller': defineMethod({ kind: 'query', access: ['agent', 'team_lead'], input: CallerLookupInputSchema, output: CallerHistorySchema }),
};
