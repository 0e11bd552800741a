import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallLogInputSchema, CALL_CATEGORIES, CLOCK_DRIFT_MS, MAX_CALL_SECONDS } from '../../shared/calls/schemas';
import { checkCallTimes, durationSeconds } from '../../shared/calls/rules';
import { aCall } from './support/calls';

const NOW = '2026-11-23T08:00:00.000Z';
const at = (offsetSec: number) => new Date(Date.parse(NOW) + offsetSec * 1000).toISOString();

describe('call time checks', () => {
  it.each([
    ['a normal 5-minute call', at(-600), at(-300), []],
    ['a zero-length call', at(-60), at(-60), []],
    ['an end before the start', at(-60), at(-120), ['err.endBeforeStart']],
    ['a call longer than the limit', at(-MAX_CALL_SECONDS - 120), at(-60), ['err.callTooLong']],
    ['an end within the clock drift allowance', at(-60), at(CLOCK_DRIFT_MS / 1000 - 1), []],
    ['an end beyond the clock drift allowance', at(-60), at(CLOCK_DRIFT_MS / 1000 + 1), ['err.future']],
  ])('%s', (_label, start, end, codes) => {
    expect(checkCallTimes(start, end, NOW).map((i) => i.code)).toEqual(codes);
  });

  it('never accepts a call that ends before it starts, lasts too long or ends in the future (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * 3600, max: 3600 }), fc.integer({ min: -30 * 3600, max: 3600 }), (s, e) => {
        const ok = checkCallTimes(at(s), at(e), NOW).length === 0;
        const valid = e >= s && e - s <= MAX_CALL_SECONDS && e * 1000 <= CLOCK_DRIFT_MS;
        expect(ok).toBe(valid);
        if (ok) expect(durationSeconds(at(s), at(e))).toBe(e - s);
      }),
    );
  });
});

describe('call log input', () => {
  it('accepts every category of the list and nothing else', () => {
    for (const category of CALL_CATEGORIES) expect(CallLogInputSchema.safeParse(aCall({ category })).success).toBe(true);
    fc.assert(
      fc.property(fc.string().filter((s) => !(CALL_CATEGORIES as readonly string[]).includes(s)), (category) => {
        expect(CallLogInputSchema.safeParse({ ...aCall(), category }).success).toBe(false);
      }),
    );
  });

  it('trims text and keeps within the stored limits for any input it accepts (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 2100 }), fc.string({ maxLength: 600 }), (name, summary, outcome) => {
        const r = CallLogInputSchema.safeParse(aCall({ customerName: name, summary, outcome }));
        if (!r.success) return;
        expect(r.data.customerName).toBe(r.data.customerName.trim());
        expect(r.data.customerName.length).toBeLessThanOrEqual(64);
        expect(r.data.summary.length).toBeGreaterThan(0);
        expect(r.data.summary.length).toBeLessThanOrEqual(2000);
        expect(r.data.outcome.length).toBeLessThanOrEqual(500);
      }),
    );
  });

  it.each([
    ['+86 138-0013-8000', true],
    ['(021) 6234 5678', true],
    ['95588', true],
    ['12', false],
    ['138ab', false],
    ['', false],
  ])('phone %j accepted: %s', (customerPhone, ok) => {
    expect(CallLogInputSchema.safeParse(aCall({ customerPhone })).success).toBe(ok);
  });
});
