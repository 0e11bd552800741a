import { DEMO_PASSWORD } from '../../../../db/demo/demo-center';
import { example } from './example';

/** The passwords agent11's session.changePassword example moves between. */
const CHANGED = ['Harbour-Lantern-41', 'Meadow-Compass-52'] as const;

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
  /**
   * agent11 changes their own password, from whichever of three it has now (earlier runs on this center may
   * have changed it): probed by signing in through the dispatch. So the example works again and again; the
   * matrix's other roles, who hold the demo password, are refused (wrong current password) once it moved.
   */
  'session.changePassword': example<'session.changePassword'>('agent11', async (fx) => {
    const has = async (password: string) => (await fx.dispatch('session.login', { username: 'agent11', password })).ok;
    const current = (await has(DEMO_PASSWORD)) ? DEMO_PASSWORD : (await has(CHANGED[0])) ? CHANGED[0] : CHANGED[1];
    return { currentPassword: current, newPassword: current === CHANGED[0] ? CHANGED[1] : CHANGED[0] };
  }),
};
