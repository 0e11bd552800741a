import { example } from './example';

/** The desk's own machinery (kind 'local'): the server answers them as unknown methods. */
export const syncExamples = {
  'sync.inbox': example<'sync.inbox'>('agent01', () => ({})),
  'sync.status': example<'sync.status'>('agent01', () => ({})),
  'sync.dismiss': example<'sync.dismiss'>('agent01', () => ({ clientId: '00000000-0000-4000-8000-000000000001', mutationId: 1 })),
  'sync.now': example<'sync.now'>('agent01', () => ({})),
  'sync.setServer': example<'sync.setServer'>('admin', () => ({ url: null })),
  'desk.info': example<'desk.info'>('agent01', () => ({})),
};
