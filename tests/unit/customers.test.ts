import { randomUUID } from 'node:crypto';
import { startDemoDesk } from './support/desks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import { ROLES } from '../../shared/auth/roles';
import { maskName, maskPhone, masksCustomers } from '../../shared/customers/mask';
import { FIXED_NOW, Fixture, refusal } from './support/fixture';
import { tempDir } from './support/tmp';

/** Customers (#13 item 1): masking by role (customer.confidential), the audited reveal, value tags (customer.value-tiers). */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
const DEMO_CALL = '00000000-0000-4000-8000-000000000001'; // agent01, 赵先生, 138 0013 8000
const at = (minsAgo: number) => new Date(FIXED_NOW.getTime() - minsAgo * 60_000).toISOString();
const WEEK = { from: at(7 * 24 * 60), to: FIXED_NOW.toISOString() };

beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  fx = new Fixture(host.dispatch);
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const failure = refusal;

describe('customer.confidential: who sees numbers in full', () => {
  it('agents and team leads see numbers and names; QA and directors see them masked, in every call method and the directory', async () => {
    expect(ROLES.filter((r) => !masksCustomers(r))).toEqual(['agent', 'team_lead']);
    const lead = await fx.call('lead01', 'calls.get', { id: DEMO_CALL });
    expect(lead).toMatchObject({ customerPhone: '138 0013 8000', customerName: '赵先生' });
    for (const who of ['qa01', 'dept01', 'center01']) {
      expect(await fx.call(who, 'calls.get', { id: DEMO_CALL }), who).toMatchObject({ customerPhone: '138****8000', customerName: '赵**', masked: true });
      const history = await fx.call(who, 'calls.history', { ...WEEK, limit: 500 });
      expect(history.items.length).toBeGreaterThan(0);
      for (const c of history.items) expect(c.masked, who).toBe(true);
      const dir = await fx.call(who, 'customers.directory', {});
      expect(dir.items.every((c) => c.masked && !/\d{5}/.test(c.phone))).toBe(true);
    }
  });

  it('a masked reader cannot find a call by the digits hidden from them', async () => {
    expect((await fx.call('dept01', 'calls.history', { ...WEEK, q: '0013' })).total).toBe(0);
    expect((await fx.call('lead01', 'calls.history', { ...WEEK, q: '0013' })).total).toBeGreaterThan(0);
    expect((await fx.call('dept01', 'customers.directory', { q: '0013' })).total).toBe((await fx.call('dept01', 'customers.directory', {})).total);
  });

  it('a reveal gives the full number, keeps the reason, and is in the audit log', async () => {
    const id = randomUUID();
    const r = await fx.call('qa01', 'customers.reveal', { id, callId: DEMO_CALL, reason: '质检回访核实' });
    expect(r).toEqual({ phone: '138 0013 8000', name: '赵先生', ruleIds: ['customer.confidential'] });
    expect(await fx.call('qa01', 'customers.reveals', {})).toEqual([expect.objectContaining({ id, callId: DEMO_CALL, actorId: fx.userId('qa01'), reason: '质检回访核实' })]);
    expect((await fx.call('dept01', 'customers.reveals', {})).map((x) => x.id)).toContain(id);
    const [entry] = await fx.call('dept01', 'audit.list', { action: 'customers.reveal', limit: 1 });
    expect(entry).toMatchObject({ action: 'customers.reveal', actorId: fx.userId('qa01'), subject: { callId: DEMO_CALL, reason: '质检回访核实' } });
  });

  it('refuses a reveal without a reason or of an unknown call, naming the field and writing nothing', async () => {
    const before = (await fx.call('dept01', 'customers.reveals', {})).length;
    expect((await failure(fx.call('dept01', 'customers.reveal', { id: randomUUID(), callId: DEMO_CALL, reason: '   ' }))).fields?.[0]?.path).toBe('reason');
    const unknown = await failure(fx.call('dept01', 'customers.reveal', { id: randomUUID(), callId: randomUUID(), reason: '核实' }));
    expect(unknown).toMatchObject({ code: 'not_found', ruleIds: ['customer.confidential'] });
    expect(unknown.fields?.[0]).toMatchObject({ path: 'callId', code: 'err.unknownCall' });
    expect(await fx.call('dept01', 'customers.reveals', {})).toHaveLength(before);
    expect((await failure(fx.call('agent01', 'customers.reveal', { id: randomUUID(), callId: DEMO_CALL, reason: 'x' }))).code).toBe('forbidden');
  });
});

describe('customer.value-tiers', () => {
  it('a lead tags a customer by any spelling of the number; agents see the tag while typing the number and in the directory', async () => {
    await fx.call('lead01', 'customers.setTag', { phone: '0086 138-0013-8000', tag: 'mvc' });
    expect(await fx.call('agent01', 'customers.tags', {})).toEqual(expect.arrayContaining([expect.objectContaining({ key: '13800138000', tag: 'mvc' })]));
    expect((await fx.call('agent01', 'calls.caller', { phone: '138 0013 8000' })).valueTag).toBe('mvc');
    const entry = (await fx.call('agent01', 'customers.directory', {})).items.find((c) => c.phone === '138 0013 8000');
    expect(entry).toMatchObject({ valueTag: 'mvc', masked: false, name: '赵先生' });
  });

  it('refuses a number no call of the lead\'s team came from, and an unknown tag', async () => {
    const w = await failure(fx.call('lead01', 'customers.setTag', { phone: '136 5555 8888', tag: 'mgc' })); // agent07's caller, team B
    expect(w).toMatchObject({ code: 'not_found', ruleIds: ['customer.value-tiers'] });
    expect(w.fields?.[0]).toMatchObject({ path: 'phone', code: 'err.unknownCustomer' });
    expect((await failure(fx.call('lead01', 'customers.setTag', { phone: '138 0013 8000', tag: 'bzc' as never }))).fields?.[0]?.path).toBe('tag');
  });
});

describe('masking (properties)', () => {
  it('a masked number never holds the full number, nor a run of its digits longer than what is shown', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9 ()-]{3,31}$/), (typed) => {
        const digits = typed.replace(/\D/g, '');
        const masked = maskPhone(typed);
        if (digits.length >= 1) expect(masked.includes(digits)).toBe(false);
        expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(Math.max(0, Math.ceil(digits.length * 0.7)));
        expect(masked).toMatch(/^[\d*]+$/);
      }),
    );
  });

  it('a masked name keeps at most its first character', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 1), (name) => {
        // Nothing after the first character survives (a name already full of stars may look the same).
        const chars = [...name.trim()];
        expect([...maskName(name)]).toEqual([chars[0], ...chars.slice(1).map(() => '*')]);
      }),
    );
  });
});
