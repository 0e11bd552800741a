import { useEffect, useState } from 'react';
import type { PolicyValues } from '../../../shared/policy/schema';
import { POLICY_DEFAULTS } from '../../../shared/policy/defaults';
import { useClient } from '../../stores/session-store';

/** The policy in force, for rule texts that quote its numbers ("no more than 2 swaps a month"). */
export function usePolicyValues(): PolicyValues {
  const client = useClient();
  const [values, setValues] = useState<PolicyValues>(POLICY_DEFAULTS);
  useEffect(() => {
    let alive = true;
    void client.call('policy.current', {}).then((p) => alive && setValues(p.values), () => undefined);
    return () => {
      alive = false;
    };
  }, [client]);
  return values;
}
