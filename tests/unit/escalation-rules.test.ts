import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { actsAt, awaitingAcknowledgement, chainAbove, chainIndex, checkCategoryRoute, checkProposal, checkRoute, disagreed, holdingAt, targets } from '../../shared/escalation/rules';
import { ESCALATION_LEVELS, type TimelineEvent } from '../../shared/escalation/schemas';

const CHAIN = chainAbove('agent');
const T0 = '2026-03-11T02:00:00.000Z';
const at = (min: number) => new Date(Date.parse(T0) + min * 60_000).toISOString();
const ev = (kind: TimelineEvent['kind'], min: number, level: TimelineEvent['level'] = 'team_lead', text = ''): TimelineEvent => ({ at: at(min), kind, by: 'x', level, text, ruleIds: [] });

describe('the chain of command (RULEBOOK roles: agent → team lead → department director → center director)', () => {
  it.each([
    ['agent', ['team_lead', 'department_director', 'center_director']],
    ['team_lead', ['department_director', 'center_director']],
    ['qa_inspector', ['department_director', 'center_director']],
    ['department_director', ['center_director']],
    ['center_director', []],
    ['admin', []],
  ] as const)('%s reports to %j', (role, chain) => expect(chainAbove(role)).toEqual(chain));

  it.each([
    ["the reporter's own team lead", { role: 'team_lead', teamId: 'team-a' }, 0],
    ["another team's lead (outside the chain)", { role: 'team_lead', teamId: 'team-b' }, -1],
    ['the department director', { role: 'department_director', teamId: null }, 1],
    ['the center director', { role: 'center_director', teamId: null }, 2],
    ['a colleague agent', { role: 'agent', teamId: 'team-a' }, -1],
    ['the QA inspector', { role: 'qa_inspector', teamId: null }, -1],
    ['a deactivated director', { role: 'department_director', teamId: null, active: false }, -1],
  ] as const)('%s stands at %i', (_l, person, index) => expect(chainIndex(CHAIN, person, 'team-a')).toBe(index));
});

describe('escalate.level-by-level and escalate.emergency-skip: where a report may go', () => {
  it.each([
    ['escalate.level-by-level: the next level up passes', -1, 0, false, [['escalate.level-by-level', 'pass']], []],
    ['escalate.level-by-level: skipping to the director without emergency fails', -1, 1, false, [['escalate.level-by-level', 'fail']], []],
    ['escalate.emergency-skip: skipping in an emergency passes and lists the skipped level', -1, 1, true, [['escalate.level-by-level', 'pass'], ['escalate.emergency-skip', 'pass']], ['team_lead']],
    ['escalate.emergency-skip: straight to the center director skips two', -1, 2, true, [['escalate.level-by-level', 'pass'], ['escalate.emergency-skip', 'pass']], ['team_lead', 'department_director']],
    ['escalate.level-by-level: someone outside the chain fails, even in an emergency', -1, -1, true, [['escalate.level-by-level', 'fail']], []],
    ['escalate.level-by-level: a forward goes up, never down or sideways', 1, 0, false, [['escalate.level-by-level', 'fail']], []],
    ['escalate.level-by-level: forwarding from the lead to the director passes', 0, 1, false, [['escalate.level-by-level', 'pass']], []],
  ] as const)('%s', (_l, from, to, emergency, checks, skipped) => {
    const r = checkRoute({ chain: CHAIN, from, to, emergency });
    expect(r.checks.map((c) => [c.ruleId, c.status])).toEqual(checks);
    expect(r.skipped).toEqual(skipped);
  });

  it('property: a route that passes skips no level unless in an emergency, and then lists exactly the levels between', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 2 }), fc.integer({ min: -1, max: 2 }), fc.boolean(), (from, to, emergency) => {
        const r = checkRoute({ chain: CHAIN, from, to, emergency });
        if (r.checks.some((c) => c.status === 'fail')) return r.skipped.length === 0;
        const between = CHAIN.slice(from + 1, to);
        return to > from && JSON.stringify(r.skipped) === JSON.stringify(between) && (between.length === 0 || emergency);
      }),
    );
  });
});

describe('escalate.must-report: a customer deliberately making trouble goes to the team lead', () => {
  it.each([
    ['escalate.must-report: to the lead passes', 'customer-trouble', CHAIN, 0, 'pass'],
    ['escalate.must-report: past the lead fails', 'customer-trouble', CHAIN, 1, 'fail'],
    ['escalate.must-report: a lead reporting it (no lead above) is not constrained', 'customer-trouble', chainAbove('team_lead'), 0, null],
    ['escalate.must-report: other categories are not constrained by it', 'danger', CHAIN, 2, null],
  ] as const)('%s', (_l, category, chain, to, status) => expect(checkCategoryRoute(category, chain, to)?.status ?? null).toBe(status));
});

describe('escalate.proposal: a report carries the proposed handling', () => {
  it.each([
    ['escalate.proposal: empty fails', '', 'fail'],
    ['escalate.proposal: blank fails', '  \n ', 'fail'],
    ['escalate.proposal: written passes', '建议暂停该坐席外呼', 'pass'],
  ] as const)('%s', (_l, text, status) => expect(checkProposal(text).status).toBe(status));
});

describe('escalate.instructions: acknowledge, then raise a disagreement', () => {
  it('an instruction waits for acknowledgement; acknowledging clears it', () => {
    expect(awaitingAcknowledgement([ev('reported', 0)])).toBe(false);
    expect(awaitingAcknowledgement([ev('reported', 0), ev('instructed', 5)])).toBe(true);
    expect(awaitingAcknowledgement([ev('reported', 0), ev('instructed', 5), ev('acknowledged', 6)])).toBe(false);
  });
  it('a disagreement recorded with the acknowledgement may be raised; once forwarded it is spent', () => {
    expect(disagreed([ev('instructed', 5), ev('acknowledged', 6)])).toBe(false);
    expect(disagreed([ev('instructed', 5), ev('acknowledged', 6, 'team_lead', '我认为应先报主任')])).toBe(true);
    expect(disagreed([ev('instructed', 5), ev('acknowledged', 6, 'team_lead', '不同意'), ev('forwarded', 7, 'department_director')])).toBe(false);
  });
});

describe('timers: escalate.must-report (promptly) moves a silent level up, with an injected clock', () => {
  const { responseMs } = targets('leak', POLICY_DEFAULTS);
  const base = { chain: CHAIN, index: 0, since: T0, open: true, timeline: [ev('reported', 0)], responseMs };

  it('targets come from policy per category: urgent 15 min / 4 h, ordinary 60 min / 24 h', () => {
    expect(targets('leak', POLICY_DEFAULTS)).toEqual({ responseMs: 15 * 60_000, resolutionMs: 4 * 3_600_000, warnMs: 5 * 60_000 });
    expect(targets('customer-trouble', POLICY_DEFAULTS)).toMatchObject({ responseMs: 60 * 60_000, resolutionMs: 24 * 3_600_000 });
    expect(targets('danger', { ...POLICY_DEFAULTS, escalateResponseMinutesUrgent: 3 }).responseMs).toBe(3 * 60_000);
  });
  it('before the target the lead still holds it', () => expect(holdingAt(base, at(14)).moves).toEqual([]));
  it('at the target it moves to the department director, stamped with the instant the target ran out', () => {
    expect(holdingAt(base, at(15))).toEqual({ index: 1, since: at(15), moves: [{ at: at(15), from: 'team_lead', to: 'department_director' }] });
  });
  it('two targets later it is with the center director, and never beyond the top', () => {
    expect(holdingAt(base, at(31)).index).toBe(2);
    expect(holdingAt(base, at(600)).moves).toHaveLength(2);
  });
  it('a level that answered keeps it; a closed report never moves', () => {
    expect(holdingAt({ ...base, timeline: [ev('reported', 0), ev('instructed', 10)] }, at(600)).moves).toEqual([]);
    expect(holdingAt({ ...base, open: false }, at(600)).moves).toEqual([]);
  });
  it('property: the holder is always exactly one level of the chain, and moves only upward one level at a time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 120 }), (index, minutes, target) => {
        const h = holdingAt({ ...base, index, responseMs: target * 60_000 }, at(minutes));
        const steps = h.moves.every((m) => ESCALATION_LEVELS.indexOf(m.to) === ESCALATION_LEVELS.indexOf(m.from) + 1);
        return h.index >= index && h.index < CHAIN.length && h.index - index === h.moves.length && steps;
      }),
    );
  });
});

describe('who acts at a level', () => {
  it('only their own team lead; any department or center director; never an inactive person', () => {
    expect(actsAt({ role: 'team_lead', teamId: 'team-a' }, 'team_lead', 'team-a')).toBe(true);
    expect(actsAt({ role: 'team_lead', teamId: 'team-b' }, 'team_lead', 'team-a')).toBe(false);
    expect(actsAt({ role: 'department_director', teamId: null }, 'department_director', 'team-a')).toBe(true);
    expect(actsAt({ role: 'department_director', teamId: null }, 'center_director', 'team-a')).toBe(false);
  });
});
