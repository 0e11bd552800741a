import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { PASSWORD_RULES, PasswordSchema, passwordProblems, type PasswordProblem } from '../../shared/org/schemas';
import { api } from '../../shared/api/table';
import { COMMON_PASSWORD_COUNT, isCommonPassword } from '../../shared/auth/common-passwords';
import { CATALOGUES, LOCALES } from '../../renderer/i18n/catalogues';
import { zodIssues } from '../../shared/api/zod-issues';
import { startDemoDesk } from './support/desks';
import { tempDir } from './support/tmp';

/**
 * Issue #15, password rules: at least 10 characters, not whitespace only, not one of the common passwords,
 * not the username — one PasswordSchema (shared/org/schemas.ts) for every path that sets a password, each
 * broken rule a field issue with a catalogue key in all three languages.
 */
const codes = (v: unknown) => {
  const r = PasswordSchema.safeParse(v);
  return r.success ? [] : zodIssues(r.error).map((i) => i.code);
};

describe('the rules', () => {
  it('refuses short, blank, common and too long passwords, each with its own key', () => {
    expect(codes('abcdefgh9')).toEqual(['err.passwordTooShort']); // 9: was enough at 8
    expect(codes('Harbour-Lantern-41')).toEqual([]);
    expect(codes('  ab       ')).toEqual(['err.passwordTooShort']); // spaces around it do not count
    expect(codes('          ')).toEqual(['err.passwordBlank', 'err.passwordTooShort']);
    expect(codes('\t\u3000\n         ')).toContain('err.passwordBlank');
    expect(codes('x'.repeat(129))).toEqual(['err.passwordCommon', 'err.passwordTooLong']); // one character over and over
    expect(codes('值班台的新密码很安全呢')).toEqual([]); // ten characters, not bytes
  });

  it('knows the common ones, in any case and width', () => {
    for (const p of ['zhiban123', 'password', '12345678', 'qwertyuiop', 'woaini1314', 'aa123456', '1234567890', 'Password123', 'ＱＷＥＲＴＹＵＩＯＰ', 'iloveyou1314', 'aaaaaaaaaaaa'])
      expect(isCommonPassword(p), p).toBe(true);
    for (const p of ['qwertyuiop', 'woaini1314', '1234567890', 'ZHIBAN123456', 'password1234']) expect(codes(p), p).toEqual(['err.passwordCommon']);
    expect(isCommonPassword('Harbour-Lantern-41')).toBe(false);
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(200);
  });

  it('refuses the username, compared as sign-in compares names', () => {
    expect(passwordProblems('Floor.Lead01', 'floor.lead01')).toEqual(['err.passwordIsUsername']);
    expect(passwordProblems(' ＦＬＯＯＲ.ＬＥＡＤ01 ', 'floor.lead01')).toContain('err.passwordIsUsername');
    expect(passwordProblems('floor.lead01-x', 'floor.lead01')).toEqual([]);
  });

  it('uses the one schema everywhere a password is set, and not-the-username where the name is in the input', () => {
    const person = { username: 'floor.lead01', displayName: '许强', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 2, seat: '', active: true };
    const issue = (m: 'org.createPerson' | 'org.importPeople' | 'org.setPassword' | 'session.changePassword', input: unknown) => {
      const r = api[m].input.safeParse(input);
      return r.success ? [] : zodIssues(r.error).map((i) => `${i.path}:${i.code}`);
    };
    expect(issue('org.createPerson', { person, password: 'zhiban123' })).toEqual(['password:err.passwordTooShort', 'password:err.passwordCommon']);
    expect(issue('org.createPerson', { person, password: 'FLOOR.LEAD01' })).toEqual(['password:err.passwordIsUsername']);
    expect(issue('org.importPeople', { people: [person], initialPassword: 'floor.lead01' })).toEqual(['initialPassword:err.passwordIsUsername']);
    expect(issue('org.importPeople', { people: [person], initialPassword: 'password' })).toContain('initialPassword:err.passwordCommon');
    expect(issue('org.setPassword', { userId: 'u', password: '12345678' })).toContain('password:err.passwordCommon');
    expect(issue('session.changePassword', { currentPassword: 'zhiban123', newPassword: 'aa123456' })).toEqual(['newPassword:err.passwordTooShort', 'newPassword:err.passwordCommon']);
  });

  it('has a sentence for every rule and every new auth key in zh-CN, zh-TW and en', () => {
    const keys: PasswordProblem[] = [...PASSWORD_RULES, 'err.passwordTooLong'];
    const more = ['err.passwordUnchanged', 'err.passwordMismatch', 'err.badCurrentPassword', 'err.mustChangePassword', 'err.loginLocked', 'err.loginFlood', 'login.locked', 'login.flood'];
    for (const locale of LOCALES) for (const k of [...keys, ...more]) expect((CATALOGUES[locale] as Record<string, string>)[k], `${locale} ${k}`).toBeTruthy();
  });
});

describe('on a standalone desk (its own server)', () => {
  const dir = tempDir();
  let host: DeskHost;
  let admin: string;
  beforeAll(async () => {
    host = await startDemoDesk({ dataDir: join(dir.path, 'desk') });
    admin = ((await host.dispatch('session.login', { username: 'admin', password: 'zhiban123' })) as { value: { token: string } }).value.token;
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });
  const person = { username: 'floor.lead02', displayName: '许强', role: 'agent', teamId: 'team-a', jobType: 'voice', skillLevel: 2, seat: '', active: true };
  const refused = (path: string, code: string) => ({ ok: false, error: { code: 'invalid_input', fields: [{ path, code }] } });

  it('refuses a 9-character, a common or a username password for a new person, and a common one as a reset', async () => {
    expect(await host.dispatch('org.createPerson', { person, password: 'abcdefgh9' }, admin)).toMatchObject(refused('password', 'err.passwordTooShort'));
    expect(await host.dispatch('org.createPerson', { person, password: 'woaini1314' }, admin)).toMatchObject(refused('password', 'err.passwordCommon'));
    expect(await host.dispatch('org.createPerson', { person, password: 'Floor.Lead02' }, admin)).toMatchObject(refused('password', 'err.passwordIsUsername'));
    expect(await host.dispatch('org.setPassword', { userId: 'user-agent05', password: 'qwertyuiop' }, admin)).toMatchObject(refused('password', 'err.passwordCommon'));
    expect(await host.db.selectFrom('users').select('id').where('username', '=', 'floor.lead02').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a reset to the person’s own username (the schema cannot know it; the handler does)', async () => {
    await host.dispatch('org.createPerson', { person: { ...person, username: 'lantern.keeper' }, password: 'Harbour-Lantern-41' }, admin);
    const userId = (await host.db.selectFrom('users').select('id').where('username', '=', 'lantern.keeper').executeTakeFirstOrThrow()).id;
    expect(await host.dispatch('org.setPassword', { userId, password: 'Lantern.Keeper' }, admin)).toMatchObject(refused('password', 'err.passwordIsUsername'));
    expect(await host.dispatch('org.setPassword', { userId, password: 'Meadow-Compass-52' }, admin)).toEqual({ ok: true, value: { ok: true } });
  });
});
