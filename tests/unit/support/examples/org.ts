import { example } from './example';

/** A fresh username each time, so an example can run again. */
const fresh = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

export const orgExamples = {
  'session.me': example<'session.me'>('agent01', () => ({})),
  'org.people': example<'org.people'>('admin', () => ({})),
  'org.teams': example<'org.teams'>('agent01', () => ({})),
  'org.directory': example<'org.directory'>('agent01', () => ({})),
  'org.updatePerson': example<'org.updatePerson'>('admin', async (fx) => {
    // A new seat only: role, team and skill stay, so swaps and leave of agent03 stay possible.
    const p = (await fx.call('admin', 'org.people', {})).find((x) => x.username === 'agent03')!;
    return { userId: p.userId, displayName: p.displayName, role: p.role, teamId: p.teamId, jobType: p.jobType, skillLevel: p.skillLevel, seat: p.seat === 'A-17' ? 'A-18' : 'A-17', active: true };
  }),
  'org.saveTeam': example<'org.saveTeam'>('admin', () => ({ id: 'team-c', name: '三组' })),
  'org.createPerson': example<'org.createPerson'>('admin', () => ({
    person: { username: fresh('new'), displayName: '新同事', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 2, seat: '', active: true },
    password: 'Correct-Horse-7',
  })),
  'org.importPeople': example<'org.importPeople'>('admin', () => ({
    people: [{ username: fresh('imp'), displayName: '导入的同事', role: 'agent', teamId: 'team-b', jobType: 'voice', skillLevel: 3, seat: '', active: true }],
    initialPassword: 'Correct-Horse-8',
  })),
  'org.setPassword': example<'org.setPassword'>('admin', (fx) => ({ userId: fx.userId('agent12'), password: 'Correct-Horse-9' })),
};
