import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import type { PolicyValues } from '../../shared/policy/schema';
import { dateInZone } from '../../shared/policy/zoned-date';
import { useQuery } from './use-query';
import { rememberPolicy } from './rule-line';

/** The policy in force (its numbers for rule texts, its zone for "today"); the originals' defaults until it loads. */
export function usePolicy(): { values: PolicyValues; loaded: boolean } {
  const q = useQuery('policy.current', {}, { tables: ['policy_versions'] });
  if (q.data) rememberPolicy(q.data.values);
  return { values: q.data?.values ?? POLICY_DEFAULTS, loaded: q.data !== undefined };
}

/** Today's date on the center's clock (the policy's zone), never the browser's or a hard-coded zone. */
export function useCenterToday(): { today: string; zone: string; loaded: boolean } {
  const { values, loaded } = usePolicy();
  return { today: dateInZone(Date.now(), values.timezone), zone: values.timezone, loaded };
}
