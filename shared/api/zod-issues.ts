import type { ZodError } from 'zod';
import type { FieldIssue } from './errors';

/** zod issues as wire field issues; our own `err.*` message keys become the issue code. */
export function zodIssues(err: ZodError): FieldIssue[] {
  return err.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    code: i.message.startsWith('err.') ? i.message : i.code,
    message: i.message,
  }));
}
