import { Input, InputNumber, Select } from 'antd';
import type { PolicyKey, PolicyValues } from '../../../shared/policy/schema';
import { POLICY_PARAMS } from '../../../shared/policy/params';

/** The zones a center is likely to be in; the policy accepts any IANA zone the runtime knows. */
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Macau', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'UTC'];

export function PolicyValueInput({ name, value, onChange, disabled }: { name: PolicyKey; value: PolicyValues[PolicyKey]; onChange(v: unknown): void; disabled: boolean }) {
  const unit = POLICY_PARAMS[name].unit;
  if (unit === 'zone')
    return <Select value={value as string} onChange={onChange} disabled={disabled} showSearch style={{ width: 200 }} options={ZONES.map((z) => ({ value: z, label: z }))} data-testid={`policy-${name}`} />;
  if (unit === 'time') return <Input value={value as string} onChange={(e) => onChange(e.target.value)} disabled={disabled} style={{ width: 100 }} data-testid={`policy-${name}`} />;
  if (unit === 'points') return <Select value={value as number} onChange={onChange} disabled={disabled} style={{ width: 100 }} options={[5, 7, 10].map((p) => ({ value: p, label: p }))} data-testid={`policy-${name}`} />;
  return <InputNumber value={value as number} onChange={(v) => onChange(v)} disabled={disabled} style={{ width: 100 }} data-testid={`policy-${name}`} />;
}
