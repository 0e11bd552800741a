import { z } from 'zod';
import { Id, Text } from '../api/fields';
import { defineMethod } from '../api/method';
import { HelpSchema, RaiseHandSchema } from './help';

/** Live help (举手): one key during a call; the team's duty lead answers at once. */
export const helpMethods = {
  'help.raise': defineMethod({ kind: 'mutation', access: ['agent'], input: RaiseHandSchema, output: HelpSchema }),
  /** The agent's team lead acknowledges (on my way) or takes the call over. */
  'help.answer': defineMethod({ kind: 'mutation', access: ['team_lead'], input: z.object({ id: Id(), takeOver: z.boolean().default(false) }), output: HelpSchema }),
  /** Done: by the agent or their team lead, with what happened. */
  'help.close': defineMethod({ kind: 'mutation', access: ['agent', 'team_lead'], input: z.object({ id: Id(), note: Text(1000, { multiline: true }).default('') }), output: HelpSchema }),
  /** Raised hands in the reader's scope, newest first. */
  'help.list': defineMethod({ kind: 'query', access: ['agent', 'team_lead', 'department_director', 'center_director'], input: z.object({}), output: z.array(HelpSchema) }),
};
