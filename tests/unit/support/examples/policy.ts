import { randomUUID } from 'node:crypto';
import { example } from './example';

export const policyExamples = {
  'policy.current': example<'policy.current'>('agent01', () => ({})),
  'policy.history': example<'policy.history'>('dept01', () => ({})),
  'policy.update': example<'policy.update'>('center01', async (fx) => {
    const current = await fx.call('center01', 'policy.current', {});
    return { id: randomUUID(), effectiveFrom: fx.day(1), values: { ...current.values, maxSwapsPerMonth: 3 }, note: '试行每月三次' };
  }),
};
