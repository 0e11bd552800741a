import { CLOCK_DRIFT_MS, MAX_CALL_SECONDS } from './schemas';
import type { FieldIssue } from '../api/errors';

/** Checks a call's times against the judging clock; returns field issues (empty when fine). */
export function checkCallTimes(startedAt: string, endedAt: string, now: string): FieldIssue[] {
  const start = Date.parse(startedAt);
  const end = Date.parse(endedAt);
  const limit = Date.parse(now) + CLOCK_DRIFT_MS;
  const issues: FieldIssue[] = [];
  if (end < start) issues.push({ path: 'endedAt', code: 'err.endBeforeStart', message: 'The call cannot end before it starts' });
  else if ((end - start) / 1000 > MAX_CALL_SECONDS)
    issues.push({ path: 'endedAt', code: 'err.callTooLong', message: `A call log cannot exceed ${MAX_CALL_SECONDS / 3600} hours` });
  if (end > limit) issues.push({ path: 'endedAt', code: 'err.future', message: 'The call cannot end in the future' });
  return issues;
}

export function durationSeconds(startedAt: string, endedAt: string): number {
  return Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000));
}
