import type { Actor } from '../auth/roles';

/** recording.rights: the call's agent, a lead of the call's team, a director. QA inspectors listen only. */
export function mayAttach(actor: Actor, call: { agentId: string; teamId: string | null }): boolean {
  if (actor.role === 'department_director' || actor.role === 'center_director') return true;
  if (actor.role === 'agent') return actor.userId === call.agentId;
  if (actor.role === 'team_lead') return actor.userId === call.agentId || (actor.teamId !== null && actor.teamId === call.teamId);
  return false;
}

export const MEGABYTE = 1024 * 1024;
export const megabytes = (bytes: number) => Math.round((bytes / MEGABYTE) * 10) / 10;
