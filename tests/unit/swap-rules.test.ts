import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayInfo } from '../../shared/calendar/day-kind';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import { checkSwap, type SwapFacts } from '../../shared/swap/rules';

const A = { userId: 'a', name: '王芳', teamId: 'team-a', jobType: 'voice', skillLevel: 2 };
const B = { userId: 'b', name: '赵磊', teamId: 'team-b', jobType: 'voice', skillLevel: 2 };

/** A clean cross-team swap in December: A gives D on the 10th, takes B's E on the 14th. */
function facts(patch: Partial<SwapFacts> = {}): SwapFacts {
  return {
    now: '2026-12-01T00:00:00Z',
    timeZone: 'Asia/Shanghai',
    maxSwapsPerMonth: 2,
    swapSkillTolerance: 1,
    requester: A,
    partner: B,
    giveDate: '2026-12-10',
    takeDate: '2026-12-14',
    shiftTypes: DEFAULT_SHIFT_TYPES,
    requesterRoster: { known: true, entries: [{ date: '2026-12-10', code: 'D' }] },
    partnerRoster: { known: true, entries: [{ date: '2026-12-14', code: 'E' }] },
    days: { give: dayInfo('2026-12-10'), take: dayInfo('2026-12-14') },
    otherSwaps: [],
    coverage: { give: { known: true, teamId: 'team-a', count: 3, min: 2 }, take: { known: true, teamId: 'team-b', count: 2, min: 1 } },
    ...patch,
  };
}
const status = (f: SwapFacts, rule: string) => checkSwap(f).find((c) => c.ruleId === rule)!;
const approved = (giveDate: string, takeDate: string, who = 'a') => ({ id: `s-${giveDate}`, requesterId: who, partnerId: 'x', giveDate, takeDate, status: 'approved' as const });

describe('swap rules: one passing and one failing case per rule ID', () => {
  it('a clean swap passes every rule', () => {
    expect(checkSwap(facts()).map((c) => [c.ruleId, c.status])).toEqual([
      ['swap.allowed', 'pass'],
      ['swap.same-role-skill', 'pass'],
      ['swap.holiday', 'pass'],
      ['swap.monthly-limit', 'pass'],
      ['swap.no-consecutive', 'pass'],
      ['swap.no-back-to-back', 'pass'],
      ['swap.staffing', 'pass'],
      ['swap.no-leave', 'pass'],
    ]);
  });

  it.each<[string, string, Partial<SwapFacts>, Record<string, unknown>]>([
    ['swap.allowed', 'the requester has no shift to give that day', { requesterRoster: { known: true, entries: [] } }, { problem: 'noGiveShift' }],
    ['swap.allowed', 'the colleague has no shift that day', { partnerRoster: { known: true, entries: [] } }, { problem: 'noTakeShift' }],
    ['swap.allowed', 'the shift has already started', { now: '2026-12-10T01:00:00Z' }, { problem: 'past' }],
    ['swap.allowed', 'a swap with oneself', { partner: A }, { problem: 'self' }],
    ['swap.allowed', 'the colleague already works another shift on the given day', { partnerRoster: { known: true, entries: [{ date: '2026-12-10', code: 'N' }, { date: '2026-12-14', code: 'E' }] } }, { problem: 'partnerBusy' }],
    ['swap.allowed', 'the requester already works on the pay-back day', { requesterRoster: { known: true, entries: [{ date: '2026-12-10', code: 'D' }, { date: '2026-12-14', code: 'N' }] } }, { problem: 'requesterBusy' }],
    ['swap.same-role-skill', 'another job type', { partner: { ...B, jobType: 'chat' } }, { partnerJob: 'chat' }],
    ['swap.same-role-skill', 'skill two levels apart with tolerance 1', { partner: { ...B, skillLevel: 4 } }, { diff: 2, tolerance: 1 }],
    ['swap.holiday', 'the given shift is on a public holiday (New Year 2026-01-01)', { giveDate: '2026-01-01', now: '2025-12-01T00:00:00Z', requesterRoster: { known: true, entries: [{ date: '2026-01-01', code: 'D' }] }, days: { give: dayInfo('2026-01-01'), take: dayInfo('2026-12-14') } }, { date: '2026-01-01' }],
    ['swap.monthly-limit', 'the colleague has used 2 of 2 this month', { otherSwaps: [approved('2026-12-02', '2026-12-04', 'b'), approved('2026-12-20', '2026-12-22', 'b')] }, { name: '赵磊', used: 2, max: 2, month: '2026-12' }],
    ['swap.no-consecutive', 'a swap the day after another', { otherSwaps: [approved('2026-12-11', '2026-12-25')] }, { name: '王芳', date: '2026-12-11' }],
    ['swap.no-back-to-back', 'the colleague would work E then the given N without rest', { requesterRoster: { known: true, entries: [{ date: '2026-12-10', code: 'N' }] }, partnerRoster: { known: true, entries: [{ date: '2026-12-09', code: 'E' }, { date: '2026-12-14', code: 'E' }] } }, { name: '赵磊', otherShift: 'E' }],
    ['swap.no-back-to-back', 'the requester would work the taken E right after their own D', { requesterRoster: { known: true, entries: [{ date: '2026-12-10', code: 'D' }, { date: '2026-12-14', code: 'D' }] } }, { name: '王芳', otherShift: 'D' }],
    ['swap.no-leave', 'the colleague is on leave on the day they would take', { leaveOnTaken: { requester: false, partner: true } }, { problem: 'onLeave', name: '赵磊', date: '2026-12-10' }],
    ['swap.staffing', "the requester's team would drop under its minimum", { coverage: { give: { known: true, teamId: 'team-a', count: 2, min: 2 }, take: { known: true, teamId: 'team-b', count: 2, min: 1 } } }, { team: 'team-a', after: 1, min: 2 }],
  ])('%s fails when %s', (rule, _label, patch, params) => {
    const c = status(facts(patch), rule);
    expect(c.status).toBe('fail');
    expect(c.params).toMatchObject(params);
  });

  it('swap.monthly-limit counts approved swaps only, so pending requests do not use the allowance', () => {
    const pending = { ...approved('2026-12-02', '2026-12-04', 'b'), status: 'accepted' as const };
    expect(status(facts({ otherSwaps: [approved('2026-12-02', '2026-12-04', 'b'), pending] }), 'swap.monthly-limit')).toMatchObject({ status: 'pass' });
  });

  it('swap.staffing does not apply inside one team (coverage does not move)', () => {
    expect(status(facts({ partner: { ...B, teamId: 'team-a' }, coverage: { give: { known: true, teamId: 'team-a', count: 0, min: 5 }, take: { known: true, teamId: 'team-a', count: 0, min: 5 } } }), 'swap.staffing').status).toBe('pass');
  });

  it('answers "unknown" for the limit, consecutive swaps and leave of a colleague whose records this desk does not hold, yet "fail" when what it holds already fails', () => {
    const blind = facts({ swapsKnown: { requester: true, partner: false }, leaveOnTaken: { requester: false, partner: null } });
    expect(status(blind, 'swap.monthly-limit')).toMatchObject({ status: 'unknown', params: { used: 0, max: 2 } });
    expect(status(blind, 'swap.no-consecutive').status).toBe('unknown');
    expect(status(blind, 'swap.no-leave').status).toBe('unknown');
    const full = facts({ swapsKnown: { requester: true, partner: false }, otherSwaps: [approved('2026-12-02', '2026-12-04'), approved('2026-12-20', '2026-12-22')] });
    expect(status(full, 'swap.monthly-limit').status).toBe('fail');
  });

  it('answers "unknown", not pass or fail, where this desk does not hold the other team\u2019s roster', () => {
    const f = facts({ partnerRoster: { known: false, entries: [] }, coverage: { give: { known: true, teamId: 'team-a', count: 3, min: 2 }, take: { known: false, teamId: 'team-b', count: 0, min: 0 } } });
    expect(status(f, 'swap.allowed').status).toBe('unknown');
    expect(status(f, 'swap.no-back-to-back').status).toBe('unknown');
  });
});

describe('swap rules: invariants', () => {
  const day = fc.integer({ min: 2, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
  const code = fc.constantFrom('D', 'E', 'N');

  it('no accepted swap leaves either person with two shifts that touch or overlap', () => {
    fc.assert(
      fc.property(day, day, code, code, fc.uniqueArray(fc.tuple(day, code), { maxLength: 6, selector: (x) => x[0] }), fc.uniqueArray(fc.tuple(day, code), { maxLength: 6, selector: (x) => x[0] }), (give, take, gCode, tCode, aMore, bMore) => {
        const dedupe = (xs: [string, string][], fixed: [string, string]) => [fixed, ...xs.filter(([d]) => d !== fixed[0])].map(([date, c]) => ({ date, code: c }));
        const f = facts({ giveDate: give, takeDate: take, requesterRoster: { known: true, entries: dedupe(aMore, [give, gCode]) }, partnerRoster: { known: true, entries: dedupe(bMore, [take, tCode]) }, days: { give: dayInfo(give), take: dayInfo(take) } });
        if (checkSwap(f).some((c) => c.status !== 'pass')) return;
        // Apply the swap and look at each person's shifts as instants.
        const types = new Map(DEFAULT_SHIFT_TYPES.map((t) => [t.code, t]));
        const intervals = (es: { date: string; code: string }[]) =>
          es.map((e) => {
            const t = types.get(e.code)!;
            const start = Date.parse(`${e.date}T${t.start}:00+08:00`);
            let end = Date.parse(`${e.date}T${t.end}:00+08:00`);
            if (end <= start) end += 86_400_000;
            return { start, end };
          });
        // The shift each person takes must stand clear (rest between) of every other shift they keep.
        const sides = [
          { keeps: (f.requesterRoster.entries as { date: string; code: string }[]).filter((e) => e.date !== give), takes: { date: take, code: tCode } },
          { keeps: (f.partnerRoster.entries as { date: string; code: string }[]).filter((e) => e.date !== take), takes: { date: give, code: gCode } },
        ];
        for (const s of sides) {
          const [taken] = intervals([s.takes]);
          for (const other of intervals(s.keeps)) expect(taken!.start > other.end || other.start > taken!.end).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('no approval sequence puts anyone over the monthly limit: the check refuses the swap that would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c'), day), { maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (requests, max) => {
        const done: ReturnType<typeof approved>[] = [];
        for (const [r, p, d] of requests) {
          if (r === p) continue;
          const f = facts({
            maxSwapsPerMonth: max,
            requester: { ...A, userId: r, name: r },
            partner: { ...B, userId: p, name: p },
            otherSwaps: done,
          });
          if (status(f, 'swap.monthly-limit').status === 'pass') done.push({ id: `s${done.length}`, requesterId: r, partnerId: p, giveDate: d, takeDate: d, status: 'approved' });
        }
        for (const who of ['a', 'b', 'c']) expect(done.filter((s) => s.requesterId === who || s.partnerId === who).length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('no approved cross-team swap takes a team under its minimum coverage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (gCount, gMin, tCount, tMin) => {
        const f = facts({ coverage: { give: { known: true, teamId: 'team-a', count: gCount, min: gMin }, take: { known: true, teamId: 'team-b', count: tCount, min: tMin } } });
        if (status(f, 'swap.staffing').status === 'pass') {
          expect(gCount - 1).toBeGreaterThanOrEqual(gMin);
          expect(tCount - 1).toBeGreaterThanOrEqual(tMin);
        }
      }),
    );
  });
});
