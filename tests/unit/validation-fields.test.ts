import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarDay, cleanedText, Id, Instant, isCleanText, MAX_DAY, MIN_DAY, Month, Text } from '../../shared/api/fields';
import { api, type MethodName } from '../../shared/api/table';
import { stampActTime, PullRequestSchema, PushRequestSchema } from '../../shared/sync/protocol';
import { isMessageKey } from '../../renderer/i18n/catalogues';

/**
 * Issue #15, item 1: text and dates are validated once, in the schemas, so no control character, lone
 * surrogate or impossible date reaches a handler or a database. Each case below was accepted before
 * (stored, or a 500 from PostgreSQL or from day arithmetic) — see the probe list in the issue.
 */

const codes = (r: { success: boolean; error?: { issues: { message: string; code: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => (i.message.startsWith('err.') ? i.message : i.code)));

describe('field helpers', () => {
  it('Text: trims, refuses control characters (tab and line feed only where multi-line), DEL, C1 and lone surrogates', () => {
    const line = Text(20);
    expect(line.parse('  王芳 ')).toBe('王芳');
    for (const bad of ['a\u0000b', 'a\u0001', 'a\tb', 'a\nb', 'x\u007F', 'x\u0085', '\uD800', 'a\uDC00b', 'ok\uDBFF']) expect(codes(line.safeParse(bad)), JSON.stringify(bad)).toContain('err.text');
    const free = Text(50, { multiline: true, required: true });
    expect(free.parse('第一行\r\n第二行\r第三\t列')).toBe('第一行\n第二行\n第三\t列');
    expect(codes(free.safeParse('a\u0000'))).toContain('err.text');
    expect(codes(free.safeParse('   '))).toEqual(['err.required']);
    // Whole surrogate pairs (emoji, rare CJK) are fine.
    expect(line.parse('😀𠀋')).toBe('😀𠀋');
    expect(codes(line.safeParse('x'.repeat(21)))).toEqual(['too_big']);
  });

  it('Id: 1‥64 characters, clean, not trimmed', () => {
    expect(Id().parse(' user-a')).toBe(' user-a');
    expect(codes(Id().safeParse('user\u0000'))).toContain('err.text');
    expect(codes(Id().safeParse(''))).toEqual(['too_small']);
  });

  it('CalendarDay: a real day that round-trips through Date, within 2000-01-01 … 2100-12-31', () => {
    for (const ok of [MIN_DAY, MAX_DAY, '2024-02-29', '2026-03-11']) expect(CalendarDay.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['2026-02-30', '2026-02-29', '2026-99-99', '2026-04-31', '2026-13-01', '2026-00-10', '2026-3-1', '20260311', ' 2026-03-11']) expect(codes(CalendarDay.safeParse(bad)), bad).toContain('err.date');
    for (const far of ['9999-12-31', '0000-01-01', '1999-12-31', '2101-01-01']) expect(codes(CalendarDay.safeParse(far)), far).toEqual(['err.dateOutOfRange']);
  });

  it('Month and Instant keep to the same bounds', () => {
    expect(Month.safeParse('2026-03').success).toBe(true);
    expect(codes(Month.safeParse('9999-12'))).toEqual(['err.dateOutOfRange']);
    expect(codes(Month.safeParse('2026-13'))).toEqual(['err.month']);
    expect(Instant.safeParse('2026-03-11T02:00:00.000Z').success).toBe(true);
    for (const bad of ['2026-02-30T00:00:00Z', '2026-03-01T24:00:00Z', 'yesterday']) expect(codes(Instant.safeParse(bad)), bad).toContain('err.field.dateTime');
    expect(codes(Instant.safeParse('9999-12-31T00:00:00.000Z'))).toEqual(['err.dateOutOfRange']);
    // Instants reach back to the epoch: "since 1970" is how a query asks for everything.
    expect(Instant.safeParse(new Date(0).toISOString()).success).toBe(true);
  });

  it('cleanedText replaces exactly what isCleanText refuses (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const c = cleanedText(s);
        return isCleanText(c) && c.length === s.length && (!isCleanText(s) || c === s);
      }),
      { numRuns: 200 },
    );
  });

  it('every new message key is in the catalogues', () => {
    for (const k of ['err.text', 'err.date', 'err.dateOutOfRange', 'err.field.dateTime', 'err.month', 'err.required']) expect(isMessageKey(k), k).toBe(true);
  });
});

/** The probe's findings, method by method: each input was stored or answered 500 before. */
const PROBE: [MethodName, Record<string, unknown>, string][] = [
  ['calls.log', { id: '00000000-0000-4000-8000-000000000001', customerPhone: '138 0013 8000', customerName: '赵\u0000', category: 'query', summary: 's', outcome: 'o', followUp: false, startedAt: '2026-03-11T01:00:00.000Z', endedAt: '2026-03-11T01:05:00.000Z' }, 'err.text'],
  ['calls.log', { id: '00000000-0000-4000-8000-000000000001', customerPhone: '138 0013 8000', customerName: '\uD800', category: 'query', summary: 's', outcome: 'o', followUp: false, startedAt: '2026-03-11T01:00:00.000Z', endedAt: '2026-03-11T01:05:00.000Z' }, 'err.text'],
  ['calls.list', { from: '9999-12-31T00:00:00.000Z', to: '9999-12-31T01:00:00.000Z' }, 'err.dateOutOfRange'],
  ['swap.check', { partnerId: 'user-agent02', giveDate: '2026-02-30', takeDate: '2026-03-20' }, 'err.date'],
  ['swap.check', { partnerId: 'user-agent02', giveDate: '2026-99-99', takeDate: '2026-03-20' }, 'err.date'],
  ['swap.check', { partnerId: 'user\u0000', giveDate: '2026-03-20', takeDate: '2026-03-21' }, 'err.text'],
  ['swap.options', { partnerId: 'user-agent02', giveDate: '9999-12-31' }, 'err.dateOutOfRange'],
  ['swap.request', { id: '00000000-0000-4000-8000-000000000001', partnerId: 'user-agent02', giveDate: '2026-03-20', takeDate: '2026-03-21', reason: '家\u0000' }, 'err.text'],
  ['swap.decide', { id: 'x', approve: true, note: '\u0007' }, 'err.text'],
  ['swap.list', { month: '9999-12' }, 'err.dateOutOfRange'],
  ['leave.check', { userId: 'user-agent03', type: 'personal', fromDate: '2026-03-20', toDate: '2026-99-99' }, 'err.date'],
  ['leave.check', { userId: 'user-agent03', type: 'personal', fromDate: '2026-03-20', toDate: '9999-12-31' }, 'err.dateOutOfRange'],
  ['leave.list', { month: '9999-12' }, 'err.dateOutOfRange'],
  ['leave.attachCertificate', { id: 'x', certificate: { name: 'a\u0000.png', mime: 'image/png', dataBase64: '', from: '2026-03-20', to: '2026-03-20' } }, 'err.text'],
  ['leave.attachCertificate', { id: 'x', certificate: { name: 'a.png', mime: 'image/png', dataBase64: '', from: '2026-02-30', to: '2026-03-20' } }, 'err.date'],
  ['discipline.record', { id: '00000000-0000-4000-8000-000000000001', userId: 'user-agent04', date: '2026-02-30', kind: 'late', minutes: 30, note: '' }, 'err.date'],
  ['discipline.list', { from: '2026-99-99' }, 'err.date'],
  ['calendar.days', { from: '2026-01-01', to: '9999-12-31' }, 'err.dateOutOfRange'],
  ['calendar.import', { days: [{ date: '2026-05-01', kind: 'holiday', name: '节\u0000' }] }, 'err.text'],
  ['roster.month', { month: '9999-12' }, 'err.dateOutOfRange'],
  ['roster.assign', { id: '00000000-0000-4000-8000-000000000001', userId: 'user\u0000', date: '2026-03-20', shiftCode: 'D' }, 'err.text'],
  ['roster.import', { month: '2026-05', rows: [['工号', '1'], ['agent01\u0000', 'D']] }, 'err.text'],
  ['org.updatePerson', { userId: 'user-agent03', displayName: '王\u0000', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 1, seat: '', active: true }, 'err.text'],
  ['org.saveTeam', { id: 'team-c', name: '三组', names: { en: 'Team\u0000' } }, 'err.text'],
  ['policy.current', { date: '2026-02-30' }, 'err.date'],
];

describe('every input schema of the table uses them', () => {
  it.each(PROBE.map(([m, input, code], i) => [`${i} ${m}`, m, input, code] as const))('%s', (_name, method, input, code) => {
    expect(codes(api[method].input.safeParse(input))).toContain(code);
  });

  it('no input schema of the table accepts NUL in any string it takes, while the valid input passes', () => {
    let checked = 0;
    for (const [m, sample] of Object.entries(VALID) as [MethodName, unknown][]) {
      expect({ m, ok: api[m].input.safeParse(sample).success }).toEqual({ m, ok: true });
      const walk = (v: unknown, path: (string | number)[]): (string | number)[][] =>
        typeof v === 'string' ? [path] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, c]) => walk(c, [...path, Array.isArray(v) ? Number(k) : k])) : [];
      for (const path of walk(sample, [])) {
        const copy = structuredClone(sample) as Record<string | number, unknown>;
        let o = copy;
        for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
        o[path[path.length - 1]!] = `${String(o[path[path.length - 1]!])}\u0000`;
        expect({ m, path: path.join('.'), ok: api[m].input.safeParse(copy).success }).toEqual({ m, path: path.join('.'), ok: false });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

const UUID = '00000000-0000-4000-8000-000000000001';
/** A valid input of every method that takes text or dates (method names checked against the table by the type). */
const VALID: Partial<Record<MethodName, unknown>> = {
  'calls.log': { id: UUID, customerPhone: '138 0013 8000', customerName: '赵先生', category: 'query', summary: '宽带断线', outcome: '已登记', followUp: false, startedAt: '2026-03-11T01:00:00.000Z', endedAt: '2026-03-11T01:05:00.000Z' },
  'calls.list': { from: '2026-03-10T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z', q: '赵' },
  'swap.check': { partnerId: 'user-agent02', giveDate: '2026-03-20', takeDate: '2026-03-21' },
  'swap.options': { partnerId: 'user-agent02', giveDate: '2026-03-20' },
  'swap.judge': { id: 'swap-1' },
  'swap.request': { id: UUID, partnerId: 'user-agent02', giveDate: '2026-03-20', takeDate: '2026-03-21', reason: '家里有事' },
  'swap.respond': { id: 'swap-1', accept: true },
  'swap.decide': { id: 'swap-1', approve: true, note: '同意' },
  'swap.cancel': { id: 'swap-1' },
  'swap.list': { month: '2026-03' },
  'leave.check': { userId: 'user-agent03', type: 'personal', fromDate: '2026-03-20', toDate: '2026-03-21' },
  'leave.request': { id: UUID, userId: 'user-agent03', type: 'sick', fromDate: '2026-03-20', toDate: '2026-03-21', reason: '看病', certificate: { name: '证明.png', mime: 'image/png', dataBase64: 'iVBORw0KGgo=', from: '2026-03-20', to: '2026-03-21' } },
  'leave.decide': { id: 'leave-1', approve: true, note: '同意' },
  'leave.attachCertificate': { id: 'leave-1', certificate: { name: '证明.png', mime: 'image/png', dataBase64: 'iVBORw0KGgo=', from: '2026-03-20', to: '2026-03-21' } },
  'leave.cancel': { id: 'leave-1' },
  'leave.list': { month: '2026-03' },
  'discipline.record': { id: UUID, userId: 'user-agent04', date: '2026-03-11', kind: 'late', minutes: 30, note: '迟到' },
  'discipline.list': { from: '2026-03-01' },
  'calendar.days': { from: '2026-01-01', to: '2026-12-31' },
  'calendar.import': { days: [{ date: '2026-05-01', kind: 'holiday', name: '劳动节' }] },
  'roster.month': { month: '2026-03', teamId: 'team-a' },
  'roster.mine': { from: '2026-03-11', days: 7 },
  'roster.assign': { id: UUID, userId: 'user-agent02', date: '2026-03-20', shiftCode: 'D' },
  'roster.saveShiftType': { code: 'M', name: '早班', start: '06:00', end: '14:00', night: false, minCoverage: { 'team-a': 1 }, names: { en: 'Morning' }, shortNames: { en: 'M' } },
  'roster.import': { month: '2026-05', rows: [['工号', '1'], ['agent01', 'D']] },
  'org.updatePerson': { userId: 'user-agent03', displayName: '王芳', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 1, seat: 'A-17', active: true },
  'org.saveTeam': { id: 'team-c', name: '三组', names: { en: 'Team 3' } },
  'policy.current': { date: '2026-03-11' },
  'sync.dismiss': { clientId: UUID, mutationId: 1 },
  'sync.inbox': { limit: 10, before: { createdAt: '2026-03-11T02:00:00.000Z', clientId: UUID, mutationId: 3 } },
  'audit.list': { actorId: 'user-admin', action: 'org.saveTeam', from: '2026-03-01', to: '2026-03-11' },
};

describe('sync protocol (items 2 and 1)', () => {
  it('an act time is a real instant within bounds, or none: 2026-02-30 is not read as March 2', () => {
    expect(stampActTime('2026-03-11T02:00:00.000Z#0000#desk-1')).toBe(Date.parse('2026-03-11T02:00:00.000Z'));
    for (const bad of ['2026-02-30T00:00:00.000Z#0000#d', '2026-99-99T00:00:00.000Z#0000#d', '9999-12-31T00:00:00.000Z#0000#d', 'junk', '']) expect(stampActTime(bad), bad).toBeNull();
  });

  it('the push envelope accepts an impossible act time (judged per mutation), and refuses ids the database cannot hold', () => {
    const envelope = (m: object) => ({ clientId: '00000000-0000-4000-8000-000000000001', mutations: [{ id: 1, name: 'calls.log', args: {}, actedAt: '2026-03-11T02:00:00.000Z#0000#d', ...m }] });
    expect(PushRequestSchema.safeParse(envelope({ actedAt: '2026-02-30T00:00:00.000Z#0000#d' })).success).toBe(true);
    expect(PushRequestSchema.safeParse(envelope({ actedAt: 'nonsense' })).success).toBe(true);
    expect(PushRequestSchema.safeParse(envelope({ id: 2 ** 31 })).success).toBe(false);
    expect(PullRequestSchema.safeParse({ clientId: '00000000-0000-4000-8000-000000000001', cookie: null, sinceMutationId: 2 ** 40 }).success).toBe(false);
    // A cookie whose version the database cannot compare reads as none (a reset), never a 500.
    expect(PullRequestSchema.parse({ clientId: '00000000-0000-4000-8000-000000000001', cookie: '1e300|agent:x', sinceMutationId: 0 }).cookie).toBe('');
    expect(PullRequestSchema.parse({ clientId: '00000000-0000-4000-8000-000000000001', cookie: '42|agent:x', sinceMutationId: 0 }).cookie).toBe('42|agent:x');
  });
});
