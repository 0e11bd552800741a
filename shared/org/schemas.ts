import { z } from 'zod';
import { RoleSchema } from '../auth/roles';
import { LocalNamesSchema } from '../i18n/local-names';

/** 工种: the job types a center staffs; swaps stay within one (swap.same-role-skill). */
export const JOB_TYPES = ['voice', 'chat', 'email', 'outbound'] as const;
export const JobTypeSchema = z.enum(JOB_TYPES);

export const PersonSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  teamId: z.string().nullable(),
  jobType: JobTypeSchema,
  skillLevel: z.number().int().min(1).max(10),
  seat: z.string(),
  active: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

/** What an administrator sets on a person, in the edit row, the "new person" form and an import file. */
const PersonFields = z.object({
  displayName: z.string().trim().min(1, { error: 'err.required' }).max(40),
  role: RoleSchema,
  teamId: z.string().max(64).nullable(),
  jobType: JobTypeSchema,
  skillLevel: z.number().int().min(1).max(10),
  seat: z.string().trim().max(16),
  active: z.boolean(),
});
// Agents and team leads belong to a team: rosters, swaps and approvals are per team.
const teamFor = <T extends { role: string; teamId: string | null }>(p: T) => !(p.role === 'agent' || p.role === 'team_lead') || p.teamId !== null;

export const UpdatePersonSchema = PersonFields.extend({ userId: z.string().min(1).max(64) }).refine(teamFor, { path: ['teamId'], error: 'err.teamRequired' });

export const TeamSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, { error: 'err.teamId' }),
  name: z.string().trim().min(1, { error: 'err.required' }).max(40),
  /** Its name in each UI language (the demo's 一组 is "Team 1" in English). */
  names: LocalNamesSchema.default({}),
});

/** Passwords: long enough to resist guessing at scrypt's cost, short enough to type on a floor. */
export const PasswordSchema = z.string().min(8, { error: 'err.passwordShort' }).max(128);

/** One person as an import file or the "new person" form gives them. */
export const NewPersonSchema = PersonFields.extend({ username: z.string().trim().regex(/^[A-Za-z0-9._-]{2,32}$/, { error: 'err.username' }) }).refine(teamFor, { path: ['teamId'], error: 'err.teamRequired' });
export type NewPerson = z.infer<typeof NewPersonSchema>;
