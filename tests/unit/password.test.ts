import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../db/auth/password';
import { SessionTable, SESSION_TTL_MS } from '../../electron/backend/auth/sessions';

describe('passwords', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('值班123');
    const b = await hashPassword('值班123');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('值班123', a)).toBe(true);
    expect(await verifyPassword('值班124', a)).toBe(false);
    expect(await verifyPassword('值班123', a.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});

describe('sessions', () => {
  it('expire after the TTL and end at close', () => {
    let now = 1_000;
    const table = new SessionTable(() => now);
    const { token } = table.open('u1');
    expect(table.resolve(token)?.userId).toBe('u1');
    now += SESSION_TTL_MS;
    expect(table.resolve(token)).toBeNull();
    const second = table.open('u2');
    table.close(second.token);
    expect(table.resolve(second.token)).toBeNull();
    expect(table.resolve(undefined)).toBeNull();
  });
});
