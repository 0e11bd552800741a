import { example } from './example';

export const auditExamples = {
  'audit.list': example<'audit.list'>('center01', () => ({ limit: 50 })),
  'audit.verify': example<'audit.verify'>('dept01', () => ({})),
};
