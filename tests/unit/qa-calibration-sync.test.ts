import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../shared/qa/template';
import type { TestDesk } from './support/desks';
import { centralWithDesks, deskCall } from './support/central-with-desks';
import { calibrationScore } from './support/examples/qa';

/** Two inspectors' desks and the server: a desk never holds another inspector's calibration score; a closed session's results come from the server. */
const { desk } = centralWithDesks();
const call = deskCall;
/** The demo center's third morning call is agent02's (db/demo/seed.ts). */
const DEMO_CALL = `00000000-0000-4000-8000-${String(3).padStart(12, '0')}`;
const scoreRows = (d: TestDesk) => d.host.db.selectFrom('qa_calibration_scores').select(['id', 'inspector_id']).execute();

describe('qa.calibration over sync: blind by scope', () => {
  it("the director's desk learns that the inspector scored, never what; after both scored, the results are the server's", async () => {
    const [qa, dept] = [await desk('qa01'), await desk('dept01')];
    const s = await call(qa, 'qa.calibrationOpen', { id: randomUUID(), callId: DEMO_CALL, templateVersionId: DEFAULT_TEMPLATE.id, participants: ['user-qa01', 'user-dept01'], referenceId: null, note: '' });
    await call(qa, 'qa.calibrationScore', calibrationScore(s.id, { attitude: 5, tone: 4, needs: 4, adaptability: 3 }));
    await qa.host.sync.syncNow();
    await dept.host.sync.syncNow();

    // The session row and "qa01 has scored" reached the director's desk; qa01's score row did not.
    expect(await scoreRows(dept)).toEqual([]);
    const before = (await call(dept, 'qa.calibrations', {})).find((x) => x.id === s.id)!;
    expect(before).toMatchObject({ status: 'open', results: null, myScore: null, mine: { mayScore: true } });
    expect(before.scored.map((x) => x.inspectorId)).toEqual(['user-qa01']);

    await call(dept, 'qa.calibrationScore', calibrationScore(s.id, { attitude: 4, tone: 4, needs: 5, adaptability: 4 }));
    await dept.host.sync.syncNow();
    await qa.host.sync.syncNow();
    // Each desk still holds only its own score row ...
    expect((await scoreRows(dept)).map((r) => r.inspector_id)).toEqual(['user-dept01']);
    expect((await scoreRows(qa)).map((r) => r.inspector_id)).toEqual(['user-qa01']);
    // ... and the closed session's results come from the server, the same on both desks.
    for (const d of [qa, dept]) {
      const r = (await call(d, 'qa.calibrations', {})).find((x) => x.id === s.id)!;
      expect(r.status).toBe('closed');
      expect(r.results!.inspectors.map((i) => [i.inspectorId, i.score, i.deviation])).toEqual([
        ['user-qa01', 79.38, -3.75],
        ['user-dept01', 86.88, 3.75],
      ]);
    }
  });
});
