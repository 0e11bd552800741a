import { z } from 'zod';
import { ERROR_CODES } from './errors';

/** WireError (shared/api/errors.ts) as a schema: what a desk reads back from the server's refusals. */
export const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  ruleIds: z.array(z.string()).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  checks: z.array(z.object({ ruleId: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })).optional(),
});
