import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qaRuleTexts } from '../../shared/qa/rule-texts';
import { DEFAULT_TEMPLATE } from '../../shared/qa/template';
import { criterionFigures, TEAM_MIN_AGENTS, TEAM_SHARE, teamWide, trainingPlan, WEAK_BELOW, type CriterionFigure } from '../../shared/qa/weekly';

const NAMES = { 'zh-CN': '语气语调', 'zh-TW': '語氣語調', en: 'Tone' };
const fig = (criterionId: string, weak: [string, number][], agents: number): CriterionFigure => ({ criterionId, names: NAMES, average: 0, agents, weak: weak.map(([agentId, average]) => ({ agentId, average })) });

describe('qa.weekly: the training plan — team-wide when a criterion is weak for ≥ 1/3 of the agents evaluated (and ≥ 2 of them), else individual', () => {
  it('states its thresholds', () => {
    expect([WEAK_BELOW, TEAM_SHARE, TEAM_MIN_AGENTS]).toEqual([70, 1 / 3, 2]);
    expect(qaRuleTexts['qa.weekly'].enforced).toBe('checked');
  });

  it.each([
    // weak agents, agents evaluated, team-wide?
    [0, 6, false],
    [1, 1, false], // one agent is never "many": an individual item
    [1, 3, false],
    [2, 6, true], // exactly a third
    [2, 7, false], // 2/7 < 1/3
    [3, 9, true],
    [2, 2, true],
    [5, 5, true],
  ])('qa.weekly: %i weak of %i evaluated → team-wide %s', (weak, evaluated, expected) => {
    expect(teamWide(weak, evaluated)).toBe(expected);
  });

  it('qa.weekly: a criterion weak for many makes one team item; weak for one, an individual item; none weak, nothing', () => {
    const plan = trainingPlan(
      [
        fig('tone', [['a1', 50], ['a2', 50], ['a3', 62.5]], 5),
        fig('needs', [['a1', 50]], 5),
        fig('attitude', [], 5),
        fig('wording', [['a2', 0], ['a4', 60]], 7), // 2 of 7 evaluated: below a third → two individual items
      ],
      6,
    );
    expect(plan.map((p) => [p.scope, p.criterionId, p.agentIds.join(','), p.average])).toEqual([
      ['team', 'tone', 'a1,a2,a3', 54.17],
      ['agent', 'needs', 'a1', 50],
      ['team', 'wording', 'a2,a4', 30],
    ]);
    // The evaluated count is the plan's own (6 here): 2 of 6 is a third.
    expect(trainingPlan([fig('wording', [['a2', 0], ['a4', 60]], 7)], 7).map((p) => p.scope)).toEqual(['agent', 'agent']);
  });

  it('qa.weekly: an average of exactly 70 is not weak; N/A answers count for nothing', () => {
    const templates = new Map([[DEFAULT_TEMPLATE.id, DEFAULT_TEMPLATE]]);
    const answers = (tone: number, adaptability: number | null) => DEFAULT_TEMPLATE.sections.flatMap((s) => s.criteria.map((c) => ({ criterionId: c.id, value: c.id === 'tone' ? tone : c.id === 'adaptability' ? adaptability : c.scale === 'yesno' ? 1 : 5 })));
    // tone 3 and 5 → 50 and 100: the agent's average 75; another agent at 4 → 75; a third at 3 and 4 → 62.5.
    const figures = criterionFigures(
      [
        { agentId: 'a1', templateVersionId: DEFAULT_TEMPLATE.id, answers: answers(3, null) },
        { agentId: 'a1', templateVersionId: DEFAULT_TEMPLATE.id, answers: answers(5, null) },
        { agentId: 'a2', templateVersionId: DEFAULT_TEMPLATE.id, answers: answers(4, 4) },
        { agentId: 'a3', templateVersionId: DEFAULT_TEMPLATE.id, answers: answers(3, 4) },
        { agentId: 'a3', templateVersionId: DEFAULT_TEMPLATE.id, answers: answers(4, 4) },
      ],
      templates,
    );
    const tone = figures.find((f) => f.criterionId === 'tone')!;
    expect([tone.average, tone.agents, tone.weak]).toEqual([70, 3, [{ agentId: 'a3', average: 62.5 }]]);
    const adapt = figures.find((f) => f.criterionId === 'adaptability')!;
    expect([adapt.average, adapt.agents]).toEqual([75, 2]); // a1 answered N/A twice
    // Weakest first.
    expect(figures[0]!.criterionId).toBe('tone');
  });

  it('property: every weak agent is in exactly one plan item of that criterion; team items have ≥ 2 agents', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('tone', 'needs', 'wording'), fc.uniqueArray(fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5', 'a6'), { maxLength: 6 })), { maxLength: 3 }), fc.integer({ min: 1, max: 12 }), (rows, evaluated) => {
        const seen = new Set<string>();
        const criteria = rows.filter(([c]) => !seen.has(c) && seen.add(c)).map(([c, agents]) => fig(c, agents.map((a) => [a, 50] as [string, number]), evaluated));
        const plan = trainingPlan(criteria, evaluated);
        for (const c of criteria) {
          const items = plan.filter((p) => p.criterionId === c.criterionId);
          expect(items.flatMap((p) => p.agentIds).sort()).toEqual(c.weak.map((w) => w.agentId).sort());
          for (const p of items) if (p.scope === 'team') expect(p.agentIds.length).toBeGreaterThanOrEqual(TEAM_MIN_AGENTS);
          else expect(p.agentIds).toHaveLength(1);
        }
      }),
    );
  });
});
