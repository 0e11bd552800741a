import type { Kysely } from 'kysely';
import { formatHlc, hlcReceive, hlcTick, parseHlc } from '../../shared/sync/hlc';
import type { Database } from '../schema';
import { getMeta, setMeta } from '../stores/meta-store';
import { makeStore } from '../stores/store';
import { policyAt } from '../../shared/policy/in-force';

/** Stamps a local act and persists the clock, so it never runs backwards across restarts. */
export async function nextStamp(db: Kysely<Database>, node: string, nowMs: number): Promise<string> {
  const prev = parseHlc((await getMeta(db, 'hlc')) ?? '');
  const stamp = formatHlc(hlcTick(prev, nowMs, node));
  await setMeta(db, 'hlc', stamp);
  return stamp;
}

/**
 * Moves the desk clock forward to the server's time when the desk's own clock is behind. A clock left further
 * ahead of the server than its policy accepts (sync.clock-drift), by a desk clock that has since been put right,
 * starts again from the server's time: acts stamped from it could only be refused.
 */
export async function receiveTime(db: Kysely<Database>, node: string, remoteWall: number, nowMs: number): Promise<void> {
  const prev = parseHlc((await getMeta(db, 'hlc')) ?? '');
  const { clockDriftMinutes } = await policyAt(makeStore(db), new Date(remoteWall).toISOString());
  await setMeta(db, 'hlc', formatHlc(hlcReceive(prev, remoteWall, nowMs, node, clockDriftMinutes * 60_000)));
}
