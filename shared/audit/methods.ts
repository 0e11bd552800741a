import { z } from 'zod';
import { defineMethod } from '../api/method';
import { AuditEntrySchema, AuditFilterSchema, AuditVerdictSchema } from './schemas';

const REVIEWERS = ['department_director', 'center_director', 'admin'] as const;

export const auditMethods = {
  /** Newest first, filtered by who, what and when; page back with `beforeSeq`. */
  'audit.list': defineMethod({ kind: 'query', access: REVIEWERS, input: AuditFilterSchema, output: z.array(AuditEntrySchema) }),
  /** Whether the chain held here is intact: every hash recomputed, every link checked. */
  'audit.verify': defineMethod({ kind: 'query', access: REVIEWERS, input: z.object({}), output: AuditVerdictSchema }),
};
