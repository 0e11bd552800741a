import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../renderer/features/spreadsheet/read-with-progress';
import { planRosterImport, planRosterImportSteps, PLAN_SLICE } from '../../shared/roster/import';
import { DEFAULT_SHIFT_TYPES } from '../../shared/roster/schemas';

describe('large imports report progress', () => {
  const people = Array.from({ length: 1000 }, (_, i) => ({ userId: `u${i}`, username: `a${i}`, name: `坐席${i}`, teamId: 'team-a', jobType: 'voice', skillLevel: 1 }));
  const header = ['用户名', ...Array.from({ length: 30 }, (_, i) => String(i + 1))];
  const rows = [header, ...people.map((p, i) => [p.username, ...Array.from({ length: 30 }, (_, d) => ['D', 'E', '', 'N', ''][(d + i) % 5]!)])];
  const ctx = { people, shiftTypes: DEFAULT_SHIFT_TYPES, teamId: null, timeZone: 'Asia/Shanghai' };

  it(`yields a rising fraction every ${PLAN_SLICE} rows and ends with the same plan as the one-shot check`, async () => {
    const seen: number[] = [];
    const plan = await runInSlices(planRosterImportSteps({ month: '2026-11', rows }, ctx), (f) => seen.push(f));
    expect(seen).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(plan).toEqual(planRosterImport({ month: '2026-11', rows }, ctx));
    expect(plan.issues).toEqual([]);
    expect(plan.entries).toHaveLength(30_000);
  });
});
