import { z } from 'zod';
import { Id, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import { ChainStepSchema, ESCALATION_LEVELS, EscalationListSchema, EscalationViewSchema, ReportInputSchema } from './schemas';

/** Who may report: everyone with a superior on the desk. */
const REPORTERS = ['agent', 'team_lead', 'qa_inspector', 'department_director'] as const;
/** Who may hold a report: the levels of the chain. */
const HOLDERS = ['team_lead', 'department_director', 'center_director'] as const;
const EVERYONE_IN_CHAIN = ['agent', 'team_lead', 'qa_inspector', 'department_director', 'center_director'] as const;
const Note = (max: number) => Text(max, { multiline: true });

export const escalationMethods = {
  /** The reader's chain of command, nearest level first, with the people at each level (the report form's "to"). */
  'escalation.chain': defineMethod({ kind: 'query', access: REPORTERS, input: z.object({}), output: z.array(ChainStepSchema) }),
  /** escalate.must-report / level-by-level / emergency-skip / proposal: a new report to the next level up (or, in an emergency, higher). */
  'escalation.report': defineMethod({ kind: 'mutation', access: REPORTERS, input: ReportInputSchema, output: EscalationViewSchema }),
  /** escalate.instructions: the holding level records its instruction in full. */
  'escalation.instruct': defineMethod({
    kind: 'mutation',
    audit: true,
    access: HOLDERS,
    input: z.object({ id: Id(), text: Text(4000, { required: true, multiline: true }) }),
    output: EscalationViewSchema,
  }),
  /** escalate.instructions: the reporter acknowledges the latest instruction, optionally recording a disagreement. */
  'escalation.acknowledge': defineMethod({ kind: 'mutation', access: REPORTERS, input: z.object({ id: Id(), disagreement: Note(2000).default('') }), output: EscalationViewSchema }),
  /**
   * Up one level (further only in an emergency): by the holding level, or by the reporter raising a recorded
   * disagreement after executing (escalate.instructions).
   */
  'escalation.forward': defineMethod({
    kind: 'mutation',
    access: EVERYONE_IN_CHAIN,
    input: z.object({ id: Id(), toId: Id(), emergency: z.boolean().default(false), note: Note(2000).default('') }),
    output: EscalationViewSchema,
  }),
  /** escalate.emergency-skip: a skipped level has been informed afterwards (by that level, or the reporter saying so). */
  'escalation.informed': defineMethod({ kind: 'mutation', access: EVERYONE_IN_CHAIN, input: z.object({ id: Id(), level: z.enum(ESCALATION_LEVELS) }), output: EscalationViewSchema }),
  /** The holding level settles the matter. */
  'escalation.resolve': defineMethod({ kind: 'mutation', audit: true, access: HOLDERS, input: z.object({ id: Id(), note: Note(2000).default('') }), output: EscalationViewSchema }),
  /** The reporter closes their own report (settled, or withdrawn). */
  'escalation.close': defineMethod({ kind: 'mutation', access: REPORTERS, input: z.object({ id: Id(), note: Note(2000).default('') }), output: EscalationViewSchema }),
  /**
   * The reports in the reader's scope, with whose turn it is and its timers as of now (the escalation board):
   * every live one, then settled ones a page at a time, newest first (EscalationListSchema).
   */
  'escalation.list': defineMethod({ kind: 'query', access: EVERYONE_IN_CHAIN, input: EscalationListSchema, output: z.array(EscalationViewSchema) }),
};
