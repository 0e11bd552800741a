import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS, isRuleId } from '../../shared/rules/registry';
import { isMethodName } from '../../shared/api/table';
import { basisOf, citationOf, describeRule, statementOf, type RuleReader } from '../../shared/rules/describe';
import { duration } from '../../shared/rules/units';
import { POLICY_DEFAULTS } from '../../shared/policy/defaults';
import { POLICY_PARAMS } from '../../shared/policy/params';
import { dayInfo, daysBetween } from '../../shared/calendar/day-kind';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';
import { checkSwap, type SwapFacts } from '../../shared/swap/rules';
import { checkLeave, type LeaveFacts } from '../../shared/leave/rules';
import { LEAVE_TYPES } from '../../shared/leave/schemas';
import type { RuleLocale } from '../../shared/rules/catalogue';

const LOCALES: RuleLocale[] = ['zh-CN', 'zh-TW', 'en'];
const reader = (locale: RuleLocale, me?: string): RuleReader => ({ locale, policy: POLICY_DEFAULTS, me, name: (kind, code) => `«${kind}:${code}»` });
const holes = (s: string) => s.match(/\{\w+\}/g) ?? [];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the rule registry: every rule in words, cited, in three languages', () => {
  it('every rule has its document, statement and only policy placeholders in its statement', () => {
    expect(RULE_IDS.length).toBeGreaterThanOrEqual(54);
    for (const id of RULE_IDS)
      for (const l of LOCALES) {
        const r = RULES[id];
        expect(r.doc[l].trim(), `${id} ${l}`).not.toBe('');
        expect(r.statement[l].trim(), `${id} ${l}`).not.toBe('');
        for (const k of placeholders(r.statement[l])) expect(POLICY_DEFAULTS, `${id}: {${k}}`).toHaveProperty(k!);
        expect(holes(statementOf({ locale: l, policy: POLICY_DEFAULTS }, id)), id).toEqual([]);
      }
    for (const meta of Object.values(POLICY_PARAMS)) for (const id of meta.ruleIds) expect(isRuleId(id), id).toBe(true);
  });

  it('every case line says the same numbers in all three languages', () => {
    for (const id of RULE_IDS)
      for (const [key, line] of Object.entries((RULES[id] as { lines?: Record<string, Record<RuleLocale, string>> }).lines ?? {})) {
        for (const l of LOCALES) expect(line[l].trim(), `${id} ${key} ${l}`).not.toBe('');
        expect(placeholders(line['zh-TW']), `${id} ${key} zh-TW`).toEqual(placeholders(line['zh-CN']));
        expect(placeholders(line.en), `${id} ${key} en`).toEqual(placeholders(line['zh-CN']));
      }
  });

  it('cites the original section, and a decision by document rather than by ID', () => {
    expect(citationOf('zh-TW', 'swap.monthly-limit')).toBe('換班制度 三');
    expect(citationOf('en', 'leave.discipline')).toBe('Leave rules §8');
    expect(statementOf({ locale: 'zh-CN', policy: { ...POLICY_DEFAULTS, maxSwapsPerMonth: 3 } }, 'swap.monthly-limit')).toBe('每人每月换班不得超过 3 次。');
    expect(basisOf('zh-CN', ['swap.both-leads', 'swap.monthly-limit', 'swap.no-consecutive', 'swap.staffing'])).toBe('换班制度 二、三、七');
    expect(basisOf('zh-CN', ['swap.no-leave', 'leave.discipline'])).toBe('换班制度 六；请假制度 八');
    expect(basisOf('en', ['swap.both-leads', 'swap.staffing'])).toBe('Shift swap rules §2, §7');
  });

  it('never a literal rule ID in shared code that the registry does not know', () => {
    const root = join(__dirname, '..', '..', 'shared');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));
    const found = new Set<string>();
    for (const f of files(root))
      for (const m of readFileSync(f, 'utf8').matchAll(/['"`]((?:swap|leave|roster|sync|handover|duty|escalate|qa|report|meeting|eval)\.[a-z][a-z-]+)['"`]/g)) found.add(m[1]!);
    expect(found.size).toBeGreaterThan(20);
    // Method names share the dotted shape (swap.request): they are in the method table, not rules.
    const unknown = [...found].filter((id) => !isRuleId(id) && !isMethodName(id) && !['sync.push', 'sync.pull', 'sync.poke'].includes(id));
    expect(unknown).toEqual([]);
  });
});

describe('durations, dates and sides as people say them (#9 items 6–7)', () => {
  it('days, not 218 hours; no "须提前 0 小时"', () => {
    expect(duration('zh-CN', 218 * 60)).toBe('9 天');
    expect(duration('zh-CN', 1440)).toBe('1 天');
    expect(duration('zh-TW', 600)).toBe('10 小時');
    expect(duration('en', 30)).toBe('30 minutes');
    expect(duration('en', 60)).toBe('1 hour');
    // Lateness past two hours: hours and minutes, never "150 分钟" nor a bare "2 小时" (issue #11).
    expect(duration('zh-CN', 150)).toBe('2 小时 30 分钟');
    expect(duration('zh-TW', 475)).toBe('7 小時 55 分鐘');
    expect(duration('en', 150)).toBe('2 hours 30 minutes');
    expect(duration('en', 121)).toBe('2 hours 1 minute');
    expect(duration('zh-CN', 90)).toBe('90 分钟');
    for (const [locale, text] of [['zh-CN', '迟到 2 小时 30 分钟'], ['zh-TW', '遲到 2 小時 30 分鐘'], ['en', '2 hours 30 minutes late']] as const)
      expect(describeRule(reader(locale), { ruleId: 'duty.on-time', status: 'warn', params: { lateMinutes: 150 } }).text).toBe(text);
    const advance = (needMinutes: number) => describeRule(reader('zh-CN'), { ruleId: 'leave.advance', status: 'pass', params: needMinutes ? { aheadMinutes: 218 * 60, needMinutes } : { aheadMinutes: 218 * 60, needMinutes, variant: 'noNotice' } }).text;
    expect(advance(1440)).toBe('提前 9 天申请（须提前 1 天）');
    expect(advance(0)).toBe('班前 9 天申请');
    expect(advance(0)).not.toMatch(/0 小时|0 天/);
  });

  it('a swap reads from each person\'s own side', () => {
    const params = { give: 'E', take: 'D', requester: '赵磊', partner: '王芳', requesterId: 'u-zl', partnerId: 'u-wf' };
    expect(describeRule(reader('zh-CN', 'u-zl'), { ruleId: 'swap.allowed', status: 'pass', params }).text).toBe('你给出«shift:E»，换来王芳的«shift:D»');
    expect(describeRule(reader('zh-CN', 'u-wf'), { ruleId: 'swap.allowed', status: 'pass', params }).text).toBe('你来上赵磊的«shift:E»，赵磊来上你的«shift:D»');
    expect(describeRule(reader('zh-CN', 'lead'), { ruleId: 'swap.allowed', status: 'pass', params }).text).toBe('赵磊的«shift:E»换王芳的«shift:D»');
  });

  it('a line whose numbers did not come says the rule itself, never "{team}"', () => {
    const line = describeRule(reader('zh-CN'), { ruleId: 'swap.staffing', status: 'fail', params: { used: 2 } });
    expect(line.text).toBe(statementOf(reader('zh-CN'), 'swap.staffing'));
    expect(holes(line.text)).toEqual([]);
  });
});

/** Random facts around December 2026: rosters, other swaps, coverage, holidays, what a desk can and cannot see. */
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
const code = fc.constantFrom('D', 'E', 'N');
const roster = fc.record({ known: fc.boolean(), entries: fc.array(fc.record({ date: day, code }), { maxLength: 6 }) });
const party = (userId: string, name: string) => fc.record({ userId: fc.constant(userId), name: fc.constant(name), teamId: fc.constantFrom('team-a', 'team-b'), jobType: fc.constantFrom('voice', 'chat'), skillLevel: fc.integer({ min: 1, max: 5 }) });
const coverage = fc.record({ known: fc.boolean(), teamId: fc.constantFrom('team-a', 'team-b', null), count: fc.integer({ min: 0, max: 4 }), min: fc.integer({ min: 0, max: 3 }) });
const swapFacts: fc.Arbitrary<SwapFacts> = fc
  .record({
    now: fc.constantFrom('2026-11-20T00:00:00Z', '2026-12-09T03:00:00Z'),
    requester: party('a', '王芳'),
    partner: fc.oneof(party('b', '赵磊'), party('a', '王芳')),
    giveDate: day,
    takeDate: day,
    requesterRoster: roster,
    partnerRoster: roster,
    holiday: fc.boolean(),
    otherSwaps: fc.array(fc.record({ id: fc.uuid(), requesterId: fc.constantFrom('a', 'b', 'x'), partnerId: fc.constantFrom('a', 'b', 'x'), giveDate: day, takeDate: day, status: fc.constantFrom('approved' as const, 'requested' as const) }), { maxLength: 4 }),
    swapsKnown: fc.record({ requester: fc.boolean(), partner: fc.boolean() }),
    leaveOnTaken: fc.record({ requester: fc.constantFrom(true, false, null), partner: fc.constantFrom(true, false, null) }),
    coverage: fc.record({ give: coverage, take: coverage }),
    max: fc.integer({ min: 0, max: 3 }),
  })
  .map((r) => ({
    now: r.now,
    timeZone: 'Asia/Shanghai',
    maxSwapsPerMonth: r.max,
    swapSkillTolerance: 1,
    requester: r.requester,
    partner: r.partner,
    giveDate: r.giveDate,
    takeDate: r.takeDate,
    shiftTypes: DEFAULT_SHIFT_TYPES,
    requesterRoster: r.requesterRoster,
    partnerRoster: r.partnerRoster,
    days: { give: r.holiday ? { date: r.giveDate, kind: 'holiday', holiday: 'newYear' } : dayInfo(r.giveDate), take: dayInfo(r.takeDate) },
    otherSwaps: r.otherSwaps,
    swapsKnown: r.swapsKnown,
    leaveOnTaken: r.leaveOnTaken,
    coverage: r.coverage,
  }));
const leaveFacts: fc.Arbitrary<LeaveFacts> = fc
  .record({
    now: fc.constantFrom('2026-11-20T00:00:00Z', '2026-12-09T03:00:00Z', '2026-12-10T01:00:00Z'),
    type: fc.constantFrom(...LEAVE_TYPES),
    from: day,
    span: fc.integer({ min: 0, max: 3 }),
    shifts: fc.array(fc.record({ date: day, code, night: fc.boolean() }), { maxLength: 4 }),
    known: fc.boolean(),
    filedByOwner: fc.boolean(),
    swapDates: fc.array(day, { maxLength: 2 }),
  })
  .map((r) => {
    const to = `2026-12-${String(Math.min(28, Number(r.from.slice(8)) + r.span)).padStart(2, '0')}`;
    return {
      now: r.now,
      timeZone: 'Asia/Shanghai',
      policy: POLICY_DEFAULTS,
      type: r.type,
      fromDate: r.from,
      toDate: to,
      shifts: { known: r.known, list: r.shifts.map((s) => ({ ...s, start: Date.parse(`${s.date}T08:00:00+08:00`) })) },
      days: daysBetween(r.from, to),
      filedByOwner: r.filedByOwner,
      swapDates: r.swapDates,
      overlapping: [],
    };
  });

describe('every check a rule function can emit reads as a sentence with its numbers (property)', () => {
  const sentence = (ruleId: string, status: 'pass' | 'fail' | 'warn' | 'unknown', params: Record<string, string | number>) => {
    for (const l of LOCALES) {
      const line = describeRule(reader(l, 'a'), { ruleId, status, params });
      expect(line.text.trim(), `${ruleId} ${status} ${l}`).not.toBe('');
      expect(holes(line.text), `${ruleId} ${status} ${l}: ${line.text}`).toEqual([]);
      expect(line.text).not.toMatch(/undefined|NaN|null/);
      // A refusal or a manager-only case has its own line, filled: never only the rule's general words.
      if (status === 'fail' || status === 'warn') expect(line.text, `${ruleId} ${status} ${l} has no case line for ${JSON.stringify(params)}`).not.toBe(line.statement);
    }
  };

  it('swap rules', () => {
    fc.assert(fc.property(swapFacts, (f) => checkSwap(f).forEach((c) => sentence(c.ruleId, c.status, c.params))), { numRuns: 300 });
  });

  it('leave rules', () => {
    fc.assert(fc.property(leaveFacts, (f) => checkLeave(f).forEach((c) => sentence(c.ruleId, c.status, c.params))), { numRuns: 300 });
  });
});
