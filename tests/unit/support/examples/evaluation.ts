import { example } from './example';

/** Team A's March 2026 (the fixture's month): 40 answers on a 5-point scale, one complaint, no incident. */
export const evaluationExamples = {
  'evaluation.save': example<'evaluation.save'>('dept01', () => ({
    teamId: 'team-a',
    month: '2026-03',
    surveyScale: 5,
    surveyCounts: [
      { point: 1, count: 1 },
      { point: 2, count: 2 },
      { point: 3, count: 5 },
      { point: 4, count: 12 },
      { point: 5, count: 20 },
    ],
    complaintSource: 'manual',
    complaints: 1,
    complaintsResolved: 1,
    suggestions: 2,
    suggestionsResolved: 1,
    plansRated: 4,
    plansSatisfied: 3,
    incidents: [],
  })),
  'evaluation.list': example<'evaluation.list'>('center01', () => ({ from: '2026-01', to: '2026-12' })),
};
