import { DeskError } from '../api/errors';
import type { Handler } from '../api/method';
import type { orgMethods } from './methods';

type M = typeof orgMethods;

export const listPeople: Handler<M['org.people']> = async (ctx, input) => ctx.store.org.peoplePage(input);

export const directory: Handler<M['org.directory']> = async (ctx) => ctx.store.org.people();

export const updatePerson: Handler<M['org.updatePerson']> = async (ctx, input) => {
  const before = await ctx.store.org.person(input.userId);
  if (!before) throw new DeskError({ code: 'not_found', message: 'No such person', fields: [{ path: 'userId', code: 'err.unknownPerson', message: input.userId }] });
  // An empty id is an unknown team too (it used to slip past and fail the foreign key: a 500).
  if (input.teamId !== null && !(await ctx.store.org.teamExists(input.teamId)))
    throw new DeskError({ code: 'invalid_input', message: `No team ${input.teamId}`, fields: [{ path: 'teamId', code: 'err.unknownTeam', message: input.teamId }] });
  // An administrator cannot lock the center out by demoting or deactivating themselves.
  if (input.userId === ctx.actor.userId && (input.role !== 'admin' || !input.active))
    throw new DeskError({ code: 'invalid_input', message: 'You cannot remove your own administrator access', fields: [{ path: 'role', code: 'err.selfDemote', message: 'Own access' }] });
  await ctx.store.org.updatePerson(input);
  return (await ctx.store.org.person(input.userId))!;
};

export const saveTeam: Handler<M['org.saveTeam']> = async (ctx, input) => {
  await ctx.store.org.putTeam({ ...input, createdAt: ctx.now });
  return input;
};

export const listTeams: Handler<M['org.teams']> = async (ctx) => ctx.store.org.teams();

export const orgHandlers = { 'org.teams': listTeams, 'org.people': listPeople, 'org.directory': directory, 'org.updatePerson': updatePerson, 'org.saveTeam': saveTeam };
