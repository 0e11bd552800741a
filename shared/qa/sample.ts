/**
 * qa.quota: which calls to monitor next. Pure and deterministic for a seed, so two desks (and a test)
 * asking with the same seed get the same list. Evenness first over agents, then over each agent's
 * shifts, then categories:
 *   1. the next pick goes to an agent with the fewest evaluations so far (done + picked) among those with
 *      calls left — so no agent gets a second before every agent with calls has one;
 *   2. of that agent's calls, one in the shift they have been monitored in least, then the least-monitored
 *      category; remaining ties by a seeded hash (random, but repeatable).
 * Agents who reached the quota are not picked again while others are below it; once all are, picking stops.
 */

export interface SampleCall {
  id: string;
  agentId: string;
  shift: string;
  category: string;
}

/** FNV-1a over the seed and a key: a fixed, well-spread order for ties. */
export function seededRank(seed: string, key: string): number {
  let h = 0x811c9dc5;
  const s = `${seed}\u0000${key}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * Up to `limit` calls from `calls` (not yet evaluated), spread as above. `done` are the month's
 * evaluations already made; `quota` is each agent's monthly target.
 */
export function sampleCalls(o: { calls: readonly SampleCall[]; done: readonly SampleCall[]; quota: number; seed: string; limit: number }): SampleCall[] {
  const doneIds = new Set(o.done.map((d) => d.id));
  const left = new Map<string, SampleCall[]>();
  for (const c of o.calls) if (!doneIds.has(c.id)) (left.get(c.agentId) ?? left.set(c.agentId, []).get(c.agentId)!).push(c);
  const perAgent = new Map<string, number>();
  const perShift = new Map<string, number>();
  const perCategory = new Map<string, number>();
  for (const d of o.done) {
    bump(perAgent, d.agentId);
    bump(perShift, `${d.agentId}\u0000${d.shift}`);
    bump(perCategory, `${d.agentId}\u0000${d.category}`);
  }
  const out: SampleCall[] = [];
  while (out.length < o.limit) {
    const agents = [...left.keys()].filter((a) => (left.get(a)?.length ?? 0) > 0 && (perAgent.get(a) ?? 0) < o.quota);
    if (agents.length === 0) break;
    agents.sort((a, b) => (perAgent.get(a) ?? 0) - (perAgent.get(b) ?? 0) || seededRank(o.seed, a) - seededRank(o.seed, b) || (a < b ? -1 : 1));
    const agent = agents[0]!;
    const pool = left.get(agent)!;
    pool.sort(
      (x, y) =>
        (perShift.get(`${agent}\u0000${x.shift}`) ?? 0) - (perShift.get(`${agent}\u0000${y.shift}`) ?? 0) ||
        (perCategory.get(`${agent}\u0000${x.category}`) ?? 0) - (perCategory.get(`${agent}\u0000${y.category}`) ?? 0) ||
        seededRank(o.seed, x.id) - seededRank(o.seed, y.id) ||
        (x.id < y.id ? -1 : 1),
    );
    const pick = pool.shift()!;
    out.push(pick);
    bump(perAgent, agent);
    bump(perShift, `${agent}\u0000${pick.shift}`);
    bump(perCategory, `${agent}\u0000${pick.category}`);
  }
  return out;
}
