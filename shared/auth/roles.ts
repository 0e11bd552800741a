import { z } from 'zod';

/** The center's posts (崗位), in chain-of-command order from the floor up; admin stands outside it. */
export const ROLES = [
  'agent',
  'team_lead',
  'qa_inspector',
  'department_director',
  'center_director',
  'admin',
] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** The person a request acts for, as the backend resolved it from the session (never from the client). */
export const ActorSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  teamId: z.string().nullable(),
});
export type Actor = z.infer<typeof ActorSchema>;
