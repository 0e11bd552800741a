import { z } from 'zod';
import { defineMethod } from '../api/method';
import { PeopleQuerySchema, PersonSchema, TeamSchema, UpdatePersonSchema } from './schemas';

export const orgMethods = {
  /** The people list a page at a time (by team, then username), filtered where the rows are. */
  'org.people': defineMethod({
    kind: 'query',
    access: ['admin', 'department_director', 'center_director'],
    input: PeopleQuerySchema,
    output: z.array(PersonSchema),
  }),
  /** Role, team, job type, skill level, seat and whether the account is active. */
  'org.updatePerson': defineMethod({
    kind: 'mutation',
    audit: true,
    access: ['admin'],
    input: UpdatePersonSchema,
    output: PersonSchema,
  }),
  /** The colleague directory every desk holds (names on requests, swap partners, approvers): no passwords. */
  'org.directory': defineMethod({ kind: 'query', access: 'authenticated', input: z.object({}), output: z.array(PersonSchema) }),
  'org.teams': defineMethod({ kind: 'query', access: 'authenticated', input: z.object({}), output: z.array(TeamSchema) }),
  'org.saveTeam': defineMethod({ kind: 'mutation', audit: true, access: ['admin'], input: TeamSchema, output: TeamSchema }),
};
