import { randomUUID } from 'node:crypto';
import { example } from './example';

/** The demo center's first call: agent01 (team A), 赵先生, 138 0013 8000 (db/demo/demo-center.ts). */
const DEMO_CALL = '00000000-0000-4000-8000-000000000001';

export const customerExamples = {
  'customers.directory': example<'customers.directory'>('lead01', () => ({ limit: 20 })),
  'customers.tags': example<'customers.tags'>('agent01', () => ({})),
  'customers.setTag': example<'customers.setTag'>('lead01', () => ({ phone: '+86 138 0013 8000', tag: 'mvc' })),
  'customers.reveal': example<'customers.reveal'>('qa01', () => ({ id: randomUUID(), callId: DEMO_CALL, reason: '质检回访核实服务态度' })),
  'customers.reveals': example<'customers.reveals'>('dept01', () => ({})),
};
