import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskHost } from '../../electron/backend/desk-host';
import type { MethodInput, MethodName } from '../../shared/api/table';
import { DEFAULT_TEMPLATE } from '../../shared/qa/template';
import { startDemoDesk } from './support/desks';
import { CallFailed, Fixture, FIXED_NOW } from './support/fixture';
import { answersFor, calibrationScore, calibrationSession, loggedCall } from './support/examples/qa';
import { tempDir } from './support/tmp';

/** A standalone desk: three inspectors score one call blind, the session closes itself, and the results match a hand computation. */
const dir = tempDir();
let host: DeskHost;
let fx: Fixture;
beforeAll(async () => {
  host = await startDemoDesk({ dataDir: dir.path, clock: () => FIXED_NOW });
  fx = new Fixture(host.dispatch);
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

const snapshot = async () => JSON.stringify([await host.db.selectFrom('qa_calibrations').selectAll().orderBy('id').execute(), await host.db.selectFrom('qa_calibration_scores').selectAll().orderBy('id').execute()]);

async function refused<M extends MethodName>(as: string, method: M, input: MethodInput<M>) {
  const before = await snapshot();
  const err = await fx.call(as, method, input as never).then(
    () => null,
    (e: unknown) => (e instanceof CallFailed ? e.wire : null),
  );
  expect(err, `${method} must be refused`).not.toBeNull();
  expect(await snapshot()).toBe(before);
  return { code: err!.code, ruleIds: err!.ruleIds ?? [], field: err!.fields?.[0] ? `${err!.fields[0].path}:${err!.fields[0].code}` : null };
}

const sessionAs = async (who: string, id: string) => (await fx.call(who, 'qa.calibrations', {})).find((s) => s.id === id)!;

describe('qa.calibration: three inspectors, blind until the session closes', () => {
  it('nobody sees another score before the close; the last score closes it; everyone then sees the deviations and the agreement', async () => {
    const id = await calibrationSession(fx, { participants: ['qa01', 'dept01', 'center01'] });
    const open = await sessionAs('qa01', id);
    expect(open).toMatchObject({ status: 'open', scored: [], results: null, mine: { invited: true, owner: true, mayScore: true, mayClose: false } });

    await fx.call('qa01', 'qa.calibrationScore', calibrationScore(id, { attitude: 5, tone: 4, needs: 4, adaptability: 3 }));
    // qa01 has scored: sees their own, not the others' (none yet) — and dept01 sees that qa01 scored, never what.
    const forDept = await sessionAs('dept01', id);
    expect(forDept.myScore).toBeNull();
    expect(forDept.scored.map((x) => x.inspectorId)).toEqual([fx.userId('qa01')]);
    expect(forDept.results).toBeNull();
    expect(JSON.stringify(forDept)).not.toContain('79.38');

    await fx.call('dept01', 'qa.calibrationScore', calibrationScore(id, { attitude: 4, tone: 4, needs: 5, adaptability: 4 }));
    // Two have scored, the session is still open: even those who scored see only their own.
    for (const who of ['qa01', 'dept01', 'center01']) {
      const s = await sessionAs(who, id);
      expect(s.results, who).toBeNull();
      expect(JSON.stringify(s), who).not.toContain(who === 'qa01' ? '86.88' : '79.38');
    }
    expect((await sessionAs('qa01', id)).mine.mayClose).toBe(true);

    const last = await fx.call('center01', 'qa.calibrationScore', calibrationScore(id, { attitude: 4, tone: 3, needs: 3, adaptability: null }));
    expect(last.status).toBe('closed');
    expect(last.closedBy).toBeNull();
    for (const who of ['qa01', 'dept01', 'center01']) {
      const r = (await sessionAs(who, id)).results!;
      expect(r.reference).toMatchObject({ kind: 'mean', total: 76.67 });
      expect(r.inspectors.map((i) => [i.inspectorId, i.score, i.deviation])).toEqual([
        [fx.userId('qa01'), 79.38, 2.71],
        [fx.userId('dept01'), 86.88, 10.21],
        [fx.userId('center01'), 63.75, -12.92],
      ]);
      // By hand (tests/unit/qa-calibration.test.ts): alpha 5/18, ICC(2,1) 8/23.
      expect([r.alpha, r.alphaReading, r.icc, r.iccReading]).toEqual([0.2778, 'poor', 0.3478, 'poor']);
    }
  });

  it('the owner closes a session once two have scored; the one who did not score is left out of the results', async () => {
    const id = await calibrationSession(fx, { scoredBy: ['qa01', 'dept01'], referenceId: null });
    const closed = await fx.call('qa01', 'qa.calibrationClose', { id });
    expect(closed).toMatchObject({ status: 'closed', closedBy: fx.userId('qa01') });
    expect(closed.results!.inspectors.map((i) => i.inspectorId)).toEqual([fx.userId('qa01'), fx.userId('dept01')]);
    const late = await refused('center01', 'qa.calibrationScore', calibrationScore(id));
    expect(late).toEqual({ code: 'conflict', ruleIds: ['qa.calibration'], field: 'sessionId:err.calibrationClosed' });
  });

  it('a named reference scorer deviates by 0; the others are measured against them', async () => {
    const id = await calibrationSession(fx, { participants: ['qa01', 'dept01'], referenceId: 'user-dept01' });
    await fx.call('dept01', 'qa.calibrationScore', calibrationScore(id, { attitude: 4, tone: 4, needs: 5, adaptability: 4 }));
    const s = await fx.call('qa01', 'qa.calibrationScore', calibrationScore(id, { attitude: 5, tone: 4, needs: 4, adaptability: 3 }));
    expect(s.results!.reference).toMatchObject({ kind: 'scorer', inspectorId: fx.userId('dept01'), total: 86.88 });
    expect(s.results!.inspectors.map((i) => i.deviation)).toEqual([-7.5, 0]);
  });
});

describe('qa.calibration: rights and bad input are refused with a field, writing nothing', () => {
  const openInput = async (o: Partial<MethodInput<'qa.calibrationOpen'>> = {}): Promise<MethodInput<'qa.calibrationOpen'>> => ({
    id: randomUUID(),
    callId: await loggedCall(fx, 'agent02'),
    templateVersionId: DEFAULT_TEMPLATE.id,
    participants: [fx.userId('qa01'), fx.userId('dept01')],
    referenceId: null,
    note: '',
    ...o,
  });

  it.each([
    ['one participant only', () => openInput({ participants: [fx.userId('qa01')] }), 'invalid_input', ['qa.calibration'], 'participants:err.calibrationTooFew'],
    ['the same inspector twice counts once', () => openInput({ participants: [fx.userId('qa01'), fx.userId('qa01')] }), 'invalid_input', ['qa.calibration'], 'participants:err.calibrationTooFew'],
    ['an agent invited to score', () => openInput({ participants: [fx.userId('qa01'), fx.userId('agent05')] }), 'invalid_input', ['qa.calibration'], 'participants.1:err.calibrationNotInspector'],
    ['a team lead invited to score', () => openInput({ participants: [fx.userId('lead01'), fx.userId('qa01')] }), 'invalid_input', ['qa.calibration'], 'participants.0:err.calibrationNotInspector'],
    ['a reference scorer who is not invited', () => openInput({ referenceId: fx.userId('center01') }), 'invalid_input', ['qa.calibration'], 'referenceId:err.calibrationReferenceNotInvited'],
    ['an unknown call', () => openInput({ callId: 'no-such-call' }), 'not_found', ['qa.calibration'], 'callId:err.callNotFound'],
    ['an unknown template version', () => openInput({ templateVersionId: 'qa-default-v9' }), 'not_found', ['qa.form'], 'templateVersionId:err.templateNotFound'],
  ])('opening: %s', async (_l, input, code, ruleIds, field) => {
    expect(await refused('qa01', 'qa.calibrationOpen', await input())).toEqual({ code, ruleIds, field });
  });

  it.each(['agent01', 'lead01', 'admin'])('%s may not open, score, close or list calibrations', async (who) => {
    const id = await calibrationSession(fx);
    for (const [m, input] of [
      ['qa.calibrationOpen', await openInput()],
      ['qa.calibrationScore', calibrationScore(id)],
      ['qa.calibrationClose', { id }],
      ['qa.calibrations', {}],
    ] as const) {
      const before = await snapshot();
      const err = await fx.call(who, m, input as never).then(
        () => null,
        (e: unknown) => (e instanceof CallFailed ? e.wire.code : null),
      );
      expect(err, `${who} ${m}`).toBe('forbidden');
      expect(await snapshot()).toBe(before);
    }
  });

  it('scoring: not invited, twice, off the scale, N/A where not allowed, a score the desk computed differently, an unknown session', async () => {
    const id = await calibrationSession(fx, { participants: ['qa01', 'dept01', 'center01'] });
    await fx.call('qa01', 'qa.calibrationScore', calibrationScore(id));
    const two = await calibrationSession(fx, { participants: ['qa01', 'dept01'] });
    expect(await refused('center01', 'qa.calibrationScore', calibrationScore(two))).toEqual({ code: 'forbidden', ruleIds: ['qa.calibration'], field: 'sessionId:err.calibrationNotInvited' });
    expect(await refused('qa01', 'qa.calibrationScore', calibrationScore(id))).toEqual({ code: 'conflict', ruleIds: ['qa.calibration'], field: 'sessionId:err.calibrationAlreadyScored' });
    expect(await refused('dept01', 'qa.calibrationScore', { ...calibrationScore(id), answers: answersFor({ tone: 6 }) })).toEqual({ code: 'invalid_input', ruleIds: ['qa.criteria'], field: 'answers.2.value:err.offScale' });
    expect(await refused('dept01', 'qa.calibrationScore', { ...calibrationScore(id), answers: answersFor({ attitude: null }) })).toEqual({ code: 'invalid_input', ruleIds: ['qa.criteria'], field: 'answers.1.value:err.naNotAllowed' });
    expect(await refused('dept01', 'qa.calibrationScore', { ...calibrationScore(id), answers: answersFor().slice(1) })).toEqual({ code: 'invalid_input', ruleIds: ['qa.criteria'], field: 'answers:err.answerMissing' });
    expect(await refused('dept01', 'qa.calibrationScore', { ...calibrationScore(id), expectedScore: 12 })).toEqual({ code: 'conflict', ruleIds: ['qa.form'], field: 'expectedScore:err.scoreMismatch' });
    expect(await refused('dept01', 'qa.calibrationScore', calibrationScore('no-such-session'))).toEqual({ code: 'not_found', ruleIds: ['qa.calibration'], field: 'sessionId:err.calibrationNotFound' });
  });

  it('closing: only the owner, not with fewer than two scores, not twice', async () => {
    const id = await calibrationSession(fx, { participants: ['qa01', 'dept01', 'center01'], scoredBy: ['dept01'] });
    expect(await refused('qa01', 'qa.calibrationClose', { id })).toEqual({ code: 'conflict', ruleIds: ['qa.calibration'], field: 'id:err.calibrationTooFewScores' });
    await fx.call('center01', 'qa.calibrationScore', calibrationScore(id));
    expect(await refused('dept01', 'qa.calibrationClose', { id })).toEqual({ code: 'forbidden', ruleIds: ['qa.calibration'], field: 'id:err.calibrationNotOwner' });
    await fx.call('qa01', 'qa.calibrationClose', { id });
    expect(await refused('qa01', 'qa.calibrationClose', { id })).toEqual({ code: 'conflict', ruleIds: ['qa.calibration'], field: 'id:err.calibrationClosed' });
  });

  it('a calibration score is not an evaluation: the call can still be evaluated once, and the quota does not count it', async () => {
    const id = await calibrationSession(fx, { participants: ['qa01', 'dept01'] });
    const s = await sessionAs('qa01', id);
    const before = (await fx.call('qa01', 'qa.progress', { month: '2026-03' })).left;
    await fx.call('qa01', 'qa.calibrationScore', calibrationScore(id));
    expect((await fx.call('qa01', 'qa.progress', { month: '2026-03' })).left).toBe(before);
    expect(await host.db.selectFrom('qa_evaluations').select('id').where('call_id', '=', s.callId).execute()).toEqual([]);
  });
});
