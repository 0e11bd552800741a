import { randomUUID } from 'node:crypto';

/** A finished call's calls.log input, ended a minute ago (the act times the server accepts). */
export function benchCall(i: number, now = Date.now()) {
  const end = new Date(now - 60_000);
  return {
    id: randomUUID(),
    customerPhone: '138 0013 8000',
    customerName: `客户${i}`,
    category: 'query',
    summary: `bench call ${i}`,
    outcome: 'ok',
    followUp: false,
    startedAt: new Date(end.getTime() - 120_000).toISOString(),
    endedAt: end.toISOString(),
  };
}
