import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleCalls, type SampleCall } from '../../shared/qa/sample';

/** qa.quota: the monitoring sample spreads evaluations evenly, agents first, then shifts, then categories. */
const arbCalls = fc.array(
  fc.record({ agentId: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5'), shift: fc.constantFrom('D', 'E', 'N'), category: fc.constantFrom('query', 'complaint', 'consultation') }),
  { maxLength: 60 },
).map((cs) => cs.map((c, i): SampleCall => ({ id: `call-${i}`, ...c })));

describe('qa.quota: sampling calls to monitor', () => {
  it('no agent gets a second sample before every agent with calls has one (and so on up the quota)', () => {
    fc.assert(
      fc.property(arbCalls, fc.integer({ min: 1, max: 5 }), fc.string(), fc.integer({ min: 1, max: 40 }), (calls, quota, seed, limit) => {
        const picked = sampleCalls({ calls, done: [], quota, seed, limit });
        const counts = new Map<string, number>();
        const left = new Map<string, number>();
        for (const c of calls) left.set(c.agentId, (left.get(c.agentId) ?? 0) + 1);
        for (const p of picked) {
          const k = counts.get(p.agentId) ?? 0;
          // Every other agent that still had calls left had at least k samples already.
          for (const [agent, n] of left) if (agent !== p.agentId && n > 0 && (counts.get(agent) ?? 0) < k) return false;
          counts.set(p.agentId, k + 1);
          left.set(p.agentId, left.get(p.agentId)! - 1);
        }
        return [...counts.values()].every((n) => n <= quota) && picked.length <= limit && new Set(picked.map((p) => p.id)).size === picked.length;
      }),
    );
  });

  it('is deterministic for a seed, and another seed may pick other calls', () => {
    fc.assert(fc.property(arbCalls, fc.string(), (calls, seed) => JSON.stringify(sampleCalls({ calls, done: [], quota: 3, seed, limit: 10 })) === JSON.stringify(sampleCalls({ calls: [...calls].reverse(), done: [], quota: 3, seed, limit: 10 }))));
  });

  it('within one agent it visits each shift before a second call of any shift, then spreads categories', () => {
    const calls: SampleCall[] = [
      { id: 'd1', agentId: 'a', shift: 'D', category: 'query' },
      { id: 'd2', agentId: 'a', shift: 'D', category: 'query' },
      { id: 'd3', agentId: 'a', shift: 'D', category: 'complaint' },
      { id: 'e1', agentId: 'a', shift: 'E', category: 'query' },
      { id: 'n1', agentId: 'a', shift: 'N', category: 'query' },
    ];
    const picked = sampleCalls({ calls, done: [], quota: 4, seed: 's', limit: 10 });
    expect(new Set(picked.slice(0, 3).map((p) => p.shift))).toEqual(new Set(['D', 'E', 'N']));
    // The fourth is a day call, of the category not yet monitored.
    const firstDay = picked.find((p) => p.shift === 'D')!;
    expect(picked[3]!.shift).toBe('D');
    expect(picked[3]!.category).not.toBe(firstDay.category);
  });

  it('counts evaluations already made this month and stops at the quota', () => {
    const calls: SampleCall[] = ['x1', 'x2', 'x3', 'y1', 'y2'].map((id) => ({ id, agentId: id[0]!, shift: 'D', category: 'query' }));
    const picked = sampleCalls({ calls, done: [calls[0]!, calls[1]!], quota: 2, seed: 's', limit: 10 });
    expect(picked.map((p) => p.agentId)).toEqual(['y', 'y']);
  });
});
