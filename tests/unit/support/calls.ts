import { randomUUID } from 'node:crypto';
import type { CallLogInput } from '../../../shared/calls/schemas';

/** A valid call log ending `endedMinsAgo` minutes ago; override any field. */
export function aCall(overrides: Partial<CallLogInput> = {}, endedMinsAgo = 1): CallLogInput {
  const ended = new Date(Date.now() - endedMinsAgo * 60_000);
  const started = new Date(ended.getTime() - 3 * 60_000);
  return {
    id: randomUUID(),
    customerPhone: '138 0013 8000',
    customerName: '赵先生',
    category: 'complaint',
    summary: '宽带断线',
    outcome: '已登记报修',
    followUp: true,
    startedAt: started.toISOString(),
    endedAt: ended.toISOString(),
    ...overrides,
  };
}
