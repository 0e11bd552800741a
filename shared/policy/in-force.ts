import type { Store } from '../store/store';
import { POLICY_DEFAULTS } from './defaults';
import type { PolicyValues, PolicyVersion } from './schema';
import { dateInZone } from './zoned-date';

/**
 * The version in force at an instant, on that instant's date in the center's own zone (which the policy
 * itself names, so a second look is needed when a center is not in the default zone).
 */
export async function policyVersionAt(store: Store, instant: string): Promise<PolicyVersion | null> {
  const first = await store.policy.at(dateInZone(instant, POLICY_DEFAULTS.timezone));
  if (!first || first.values.timezone === POLICY_DEFAULTS.timezone) return first;
  return (await store.policy.at(dateInZone(instant, first.values.timezone))) ?? first;
}

/** Every rule's numbers at an instant: the version in force then, or the originals' defaults before any. */
export async function policyAt(store: Store, instant: string): Promise<PolicyValues> {
  return (await policyVersionAt(store, instant))?.values ?? POLICY_DEFAULTS;
}

/**
 * The numbers in force on a calendar date of the center: a version effective from 12-01 governs what
 * concerns December (its swaps' limit), whenever the request is made.
 */
export async function policyOn(store: Store, date: string): Promise<PolicyValues> {
  return (await store.policy.at(date))?.values ?? POLICY_DEFAULTS;
}
