import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainAbove } from '../../shared/escalation/rules';
import { ESCALATION_LEVELS, type EscalationView } from '../../shared/escalation/schemas';
import { demoDeskFixture } from './support/demo-desk-fixture';

/**
 * escalate.level-by-level + escalate.emergency-skip as invariants of the handlers, over arbitrary sequences
 * of reports, forwards (to anyone, with or without the flag) and "informed" records, refused ones included:
 * a report is always held by exactly one level of its reporter's chain; a level is passed over only with
 * the emergency flag, and every level passed over is either informed or has an open follow-up.
 */
const desk = demoDeskFixture();

const TARGETS = ['lead01', 'lead02', 'dept01', 'center01', 'agent02', 'qa01'];
const ACTORS = ['lead01', 'dept01', 'center01', 'agent01'];
const step = fc.oneof(
  fc.record({ kind: fc.constant('forward' as const), by: fc.constantFrom(...ACTORS), to: fc.constantFrom(...TARGETS), emergency: fc.boolean() }),
  fc.record({ kind: fc.constant('informed' as const), by: fc.constantFrom(...ACTORS), level: fc.constantFrom(...ESCALATION_LEVELS) }),
  fc.record({ kind: fc.constant('instruct' as const), by: fc.constantFrom(...ACTORS) }),
  fc.record({ kind: fc.constant('acknowledge' as const), disagree: fc.boolean() }),
);

/** The levels a report passed over: between one hand-over's level and the next, for hand-overs people made (report, forward). */
function passedOver(e: EscalationView): string[] {
  const chain = chainAbove(e.reporterRole as 'agent');
  const out: string[] = [];
  let at = -1;
  for (const ev of e.timeline) {
    if (ev.kind !== 'reported' && ev.kind !== 'forwarded' && ev.kind !== 'auto-forwarded') continue;
    const to = chain.indexOf(ev.level!);
    if (ev.kind !== 'auto-forwarded') out.push(...chain.slice(at + 1, to));
    at = to;
  }
  return out;
}

describe('escalation invariants (property, real handlers on a desk)', () => {
  it('exactly one holder in the chain; no level skipped without the emergency flag and a follow-up, informed or open', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('lead01', 'dept01', 'center01'), fc.boolean(), fc.array(step, { maxLength: 6 }), async (to, emergency, steps) => {
        const first = await desk.host.dispatch('escalation.report', { id: randomUUID(), category: 'danger', summary: '设备冒烟', proposal: '断电', toId: desk.fx.userId(to), emergency }, await desk.fx.token('agent01'));
        if (!first.ok) {
          expect(first.error.ruleIds).toContain('escalate.level-by-level');
          return;
        }
        const id = (first.value as EscalationView).id;
        for (const s of steps) {
          const token = await desk.fx.token(s.kind === 'acknowledge' ? 'agent01' : s.by);
          if (s.kind === 'forward') await desk.host.dispatch('escalation.forward', { id, toId: desk.fx.userId(s.to), emergency: s.emergency, note: '' }, token);
          else if (s.kind === 'informed') await desk.host.dispatch('escalation.informed', { id, level: s.level }, token);
          else if (s.kind === 'instruct') await desk.host.dispatch('escalation.instruct', { id, text: '按预案处理' }, token);
          else await desk.host.dispatch('escalation.acknowledge', { id, disagreement: s.disagree ? '有不同意见' : '' }, token);
          const e = (await desk.fx.call('dept01', 'escalation.list', {})).find((x) => x.id === id)!;
          expect(chainAbove('agent')).toContain(e.holderLevel);
          const skipped = passedOver(e);
          if (skipped.length > 0) expect(e.emergency).toBe(true);
          for (const level of skipped) expect(e.followUps.map((f) => f.level)).toContain(level);
          for (const f of e.followUps) if (f.done) expect(e.timeline.some((ev) => ev.kind === 'informed' && ev.level === f.level)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});
