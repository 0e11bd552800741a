import { z } from 'zod';
import { RoleSchema } from '../auth/roles';

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

export const UpdatePersonSchema = z
  .object({
    userId: z.string().min(1).max(64),
    displayName: z.string().trim().min(1, { error: 'err.required' }).max(40),
    role: RoleSchema,
    teamId: z.string().max(64).nullable(),
    jobType: JobTypeSchema,
    skillLevel: z.number().int().min(1).max(10),
    seat: z.string().trim().max(16),
    active: z.boolean(),
  })
  // Agents and team leads belong to a team: rosters, swaps and approvals are per team.
  .refine((p) => !(p.role === 'agent' || p.role === 'team_lead') || p.teamId !== null, { path: ['teamId'], error: 'err.teamRequired' });

export const TeamSchema = z.object({ id: z.string().regex(/^[a-z0-9-]{1,32}$/, { error: 'err.teamId' }), name: z.string().trim().min(1, { error: 'err.required' }).max(40) });
