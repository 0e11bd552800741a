import { z } from 'zod';
import { Id, Text } from '../api/fields';
import { RoleSchema } from '../auth/roles';
import { LocalNamesSchema } from '../i18n/local-names';
import { foldPassword, isCommonPassword } from '../auth/common-passwords';
import { normaliseUsername } from '../auth/username';

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

/** People a page of the people list holds (a center has thousands; the screen loads more on demand). */
export const PEOPLE_PAGE = 100;
export const ACTIVE_FILTERS = ['any', 'yes', 'no'] as const;

/** Where a page of people ended, in the list's order (team, then username): the next page starts after it. */
export const PeopleCursorSchema = z.object({ teamId: z.string().max(64), username: z.string().max(64) });
export type PeopleCursor = z.infer<typeof PeopleCursorSchema>;

/** The people list's filters, applied where the rows are (the desk's replica or the server), and its page. */
export const PeopleQuerySchema = z.object({
  /** Username or name, a contains match. */
  q: Text(64).default(''),
  /** A team's id; '' means people in no team. */
  teamId: z.string().max(64).optional(),
  role: RoleSchema.optional(),
  active: z.enum(ACTIVE_FILTERS).default('any'),
  limit: z.number().int().min(1).max(500).default(PEOPLE_PAGE),
  after: PeopleCursorSchema.optional(),
});
export type PeopleQuery = z.output<typeof PeopleQuerySchema>;

/** The cursor after a person (no team sorts first, as ''). */
export const peopleCursorOf = (p: Pick<Person, 'teamId' | 'username'>): PeopleCursor => ({ teamId: p.teamId ?? '', username: p.username });

/** What an administrator sets on a person, in the edit row, the "new person" form and an import file. */
const PersonFields = z.object({
  displayName: Text(40, { required: true }),
  role: RoleSchema,
  teamId: Text(64, { trim: false }).nullable(),
  jobType: JobTypeSchema,
  skillLevel: z.number().int().min(1).max(10),
  seat: Text(16),
  active: z.boolean(),
});
// Agents and team leads belong to a team: rosters, swaps and approvals are per team.
const teamFor = <T extends { role: string; teamId: string | null }>(p: T) => !(p.role === 'agent' || p.role === 'team_lead') || p.teamId !== null;

export const UpdatePersonSchema = PersonFields.extend({ userId: Id() }).refine(teamFor, { path: ['teamId'], error: 'err.teamRequired' });

export const TeamSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, { error: 'err.teamId' }),
  name: Text(40, { required: true }),
  /** Its name in each UI language (the demo's 一组 is "Team 1" in English). */
  names: LocalNamesSchema.default({}),
});

/** Passwords: long enough to resist guessing at scrypt's cost, short enough to type on a floor. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** The rules a new password must meet, each with its catalogue key (the form lists them as you type). */
export const PASSWORD_RULES = ['err.passwordTooShort', 'err.passwordBlank', 'err.passwordCommon', 'err.passwordIsUsername'] as const;
export type PasswordProblem = (typeof PASSWORD_RULES)[number] | 'err.passwordTooLong';

/**
 * Every rule `password` breaks: at least 10 characters (not counting spaces around it), not only
 * whitespace, not on the common-password list, not the username (when it is known: the form, a change, a
 * reset, a new person; compared case-insensitively, as sign-in compares names). One function for every path
 * that sets a password and for the screens, so they can never disagree.
 */
export function passwordProblems(password: string, username?: string | null): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  const trimmed = password.trim();
  if (trimmed === '') out.push('err.passwordBlank');
  if ([...trimmed].length < PASSWORD_MIN_LENGTH) out.push('err.passwordTooShort');
  if (trimmed !== '' && isCommonPassword(password)) out.push('err.passwordCommon');
  if (trimmed !== '' && username && foldPassword(password) === normaliseUsername(username)) out.push('err.passwordIsUsername');
  if (password.length > PASSWORD_MAX_LENGTH) out.push('err.passwordTooLong');
  return out;
}

/** A new password (create, import, reset, change). Each broken rule is one issue whose code is its key. */
export const PasswordSchema = z.string().superRefine((password, ctx) => {
  for (const problem of passwordProblems(password)) ctx.addIssue({ code: 'custom', message: problem });
});

/** "Not the username", where a schema holds both (a new person's form and password). */
export function refineNotUsername(ctx: z.RefinementCtx, password: string | null, username: string, path: (string | number)[]): void {
  if (password !== null && passwordProblems(password, username).includes('err.passwordIsUsername')) ctx.addIssue({ code: 'custom', message: 'err.passwordIsUsername', path });
}

/** One person as an import file or the "new person" form gives them. */
export const NewPersonSchema = PersonFields.extend({ username: z.string().trim().regex(/^[A-Za-z0-9._-]{2,32}$/, { error: 'err.username' }) }).refine(teamFor, { path: ['teamId'], error: 'err.teamRequired' });
export type NewPerson = z.infer<typeof NewPersonSchema>;
