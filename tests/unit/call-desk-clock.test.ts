import { describe, expect, it } from 'vitest';
import { testClock, UsageError } from '../../electron/backend/cli-args';

/** The web-mode desk's test clock (ZHIBAN_FIXED_CLOCK), as the central server's: honoured only with NODE_ENV=test. */
describe('desk test clock', () => {
  it('is the real clock when unset', () => {
    expect(testClock({})).toBeUndefined();
  });

  it('pins the desk to the instant under NODE_ENV=test', () => {
    const clock = testClock({ NODE_ENV: 'test', ZHIBAN_FIXED_CLOCK: '2026-03-17T02:30:00.000Z' })!;
    expect(clock().toISOString()).toBe('2026-03-17T02:30:00.000Z');
    expect(clock().toISOString()).toBe('2026-03-17T02:30:00.000Z');
  });

  it('refuses to start otherwise, and refuses a malformed instant', () => {
    expect(() => testClock({ ZHIBAN_FIXED_CLOCK: '2026-03-17T02:30:00.000Z' })).toThrow(UsageError);
    expect(() => testClock({ NODE_ENV: 'production', ZHIBAN_FIXED_CLOCK: '2026-03-17T02:30:00.000Z' })).toThrow(/NODE_ENV=test/);
    expect(() => testClock({ NODE_ENV: 'test', ZHIBAN_FIXED_CLOCK: 'tomorrow' })).toThrow(UsageError);
  });
});
