import type { Actor } from '../../../shared/auth/roles';
import type { Answer } from '../../../shared/answers/schemas';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { useQuery } from '../../client/use-query';

/** The center's answers from this desk's replica (it holds all of them), reloaded when they or an acknowledgement change. */
export function useAnswers(actor: Actor | null) {
  return useQuery('answer.list', mayCall(api['answer.list'].access, actor) ? {} : null, { tables: ['answers', 'answer_acks', 'users'] });
}

/** Waits for this agent: a published answer whose current version they have not acknowledged. */
export const toAck = (a: Answer, actor: Actor) => actor.role === 'agent' && a.status === 'published' && a.ackedAt === null;
