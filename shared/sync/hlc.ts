/**
 * Hybrid logical clock: wall time that never runs backwards on one desk, plus a counter for events in
 * the same millisecond, plus the node so two desks never produce the same stamp.
 * Text form sorts in time order: `2026-11-23T08:00:00.000Z#0000#3f2a9c01`.
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

const STAMP_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#(\d{4,})#([\w-]{1,36})$/;

export function formatHlc(h: Hlc): string {
  return `${new Date(h.wall).toISOString()}#${String(h.counter).padStart(4, '0')}#${h.node}`;
}

export function parseHlc(stamp: string): Hlc | null {
  const m = STAMP_RE.exec(stamp);
  if (!m) return null;
  const wall = Date.parse(m[1]!);
  return Number.isFinite(wall) ? { wall, counter: Number(m[2]), node: m[3]! } : null;
}

/** The instant a stamp stands for, as the ISO string handlers use for "now". */
export function hlcInstant(stamp: string): string {
  const h = parseHlc(stamp);
  if (!h) throw new Error(`not an HLC stamp: ${stamp}`);
  return new Date(h.wall).toISOString();
}

/** A local event (a mutation): later than everything this node has seen, and than its wall clock. */
export function hlcTick(prev: Hlc | null, nowMs: number, node: string): Hlc {
  if (!prev || nowMs > prev.wall) return { wall: nowMs, counter: 0, node };
  return { wall: prev.wall, counter: prev.counter + 1, node };
}

/**
 * A message from elsewhere (the server's time at pull): move forward to it if it is ahead of us. A clock more
 * than `maxAheadMs` ahead of both the server and this desk's own clock is not kept: it was left there by a desk
 * clock that was wrong and has been put right, and every act stamped from it would be refused as clock drift
 * (found by tests/faults: a desk once a day ahead had every act refused for the next day).
 */
export function hlcReceive(prev: Hlc | null, remoteWall: number, nowMs: number, node: string, maxAheadMs = Infinity): Hlc {
  const kept = prev && prev.wall - Math.max(remoteWall, nowMs) <= maxAheadMs ? prev : null;
  const wall = Math.max(kept?.wall ?? 0, remoteWall, nowMs);
  if (kept && wall === kept.wall) return { wall, counter: kept.counter + 1, node };
  return { wall, counter: 0, node };
}
