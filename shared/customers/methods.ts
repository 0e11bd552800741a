import { z } from 'zod';
import { defineMethod } from '../api/method';
import { CustomerSchema, DirectoryInputSchema, RevealInputSchema, RevealRecordSchema, SetTagInputSchema, TagRecordSchema } from './schemas';

const MASKED = ['qa_inspector', 'department_director', 'center_director'] as const;

export const customerMethods = {
  /** The customers of the calls the reader may see, latest first; masked for roles that do not need them. */
  'customers.directory': defineMethod({
    kind: 'query',
    access: ['agent', 'team_lead', ...MASKED],
    input: DirectoryInputSchema,
    output: z.object({ items: z.array(CustomerSchema), total: z.number().int().nonnegative() }),
  }),
  /** Value tags (seed 003), as agents' desks hold them. */
  'customers.tags': defineMethod({ kind: 'query', access: ['agent', 'team_lead'], input: z.object({}), output: z.array(TagRecordSchema) }),
  /** A team lead tags a customer of their calls as most valuable, most growable or other. */
  'customers.setTag': defineMethod({ kind: 'mutation', access: ['team_lead'], input: SetTagInputSchema, output: TagRecordSchema }),
  /** A masked reader sees one call's number and name in full, giving a reason; recorded here and in the audit log. */
  'customers.reveal': defineMethod({
    kind: 'mutation',
    audit: true,
    access: MASKED,
    input: RevealInputSchema,
    output: z.object({ phone: z.string(), name: z.string(), ruleIds: z.array(z.string()) }),
  }),
  /** The reveals on record: a QA inspector's own, everyone's for directors. */
  'customers.reveals': defineMethod({ kind: 'query', access: MASKED, input: z.object({}), output: z.array(RevealRecordSchema) }),
};
