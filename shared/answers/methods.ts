import { z } from 'zod';
import { defineMethod } from '../api/method';
import { AckInputSchema, AnswerAckSchema, AnswerSchema, PublishInputSchema, ReviseInputSchema, WithdrawInputSchema } from './schemas';

/** Who writes unified answers: the team leads and directors who sit in the weekly meeting (meeting.weekly). */
export const ANSWER_PUBLISHERS = ['team_lead', 'department_director', 'center_director'] as const;
/** Every agent acknowledges each version: the answer is "passed on to every agent". */
export const ANSWER_ACKERS = ['agent'] as const;
export const ANSWER_READERS = ['agent', 'team_lead', 'department_director', 'center_director'] as const;

export const answerMethods = {
  'answer.publish': defineMethod({ kind: 'mutation', access: ANSWER_PUBLISHERS, input: PublishInputSchema, output: AnswerSchema }),
  /** A new version; the old one stays readable and every agent acknowledges the new one again. */
  'answer.revise': defineMethod({ kind: 'mutation', access: ANSWER_PUBLISHERS, input: ReviseInputSchema, output: AnswerSchema }),
  /** No longer the answer to give; it stays in the list's history. */
  'answer.withdraw': defineMethod({ kind: 'mutation', access: ANSWER_PUBLISHERS, input: WithdrawInputSchema, output: AnswerSchema }),
  /** The agent has read this version (once per version; again changes nothing). */
  'answer.ack': defineMethod({ kind: 'mutation', access: ANSWER_ACKERS, input: AckInputSchema, output: AnswerSchema }),
  /** Every answer of the center, newest first, as the reader sees it; and the acknowledgements in their scope. */
  'answer.list': defineMethod({ kind: 'query', access: ANSWER_READERS, input: z.object({}), output: z.object({ answers: z.array(AnswerSchema), acks: z.array(AnswerAckSchema) }) }),
};
