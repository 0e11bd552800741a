import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMayChange, checkMeetingDate, isoWeek } from '../../shared/answers/rules';
import { searchAnswers } from '../../shared/answers/search';
import type { AnswerText } from '../../shared/answers/schemas';
import { CALL_CATEGORIES } from '../../shared/calls/schemas';

describe('meeting.weekly: the meeting an answer comes from', () => {
  it.each([
    ['2026-03-09', '2026-03-11', 'pass', { week: '2026-W11' }],
    ['2026-03-11', '2026-03-11', 'pass', { week: '2026-W11' }],
    ['2026-03-12', '2026-03-11', 'fail', { problem: 'future', date: '2026-03-12' }],
    ['2025-12-29', '2026-01-02', 'pass', { week: '2026-W01' }], // the week of 1 January belongs to 2026
    ['2027-01-01', '2027-01-02', 'pass', { week: '2026-W53' }],
  ] as const)('meeting on %s, today %s: %s', (date, today, status, params) => {
    expect(checkMeetingDate(date, today)).toEqual({ ruleId: 'meeting.weekly', status, params });
  });

  it('ISO weeks: Monday to Sunday share one week, the next Monday starts the next', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2001-01-01'), max: new Date('2099-12-01'), noInvalidDate: true }), (d) => {
        const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
        const day = (n: number) => new Date(monday.getTime() + n * 86_400_000).toISOString().slice(0, 10);
        const week = isoWeek(day(0));
        for (let i = 1; i < 7; i++) expect(isoWeek(day(i))).toBe(week);
        expect(isoWeek(day(7))).not.toBe(week);
      }),
    );
  });
});

describe('meeting.weekly: who changes what the meeting agreed', () => {
  const answer = { publishedBy: 'user-lead01', status: 'published' as const, meetingWeek: '2026-W11' };
  it.each([
    ['the lead who published it', { userId: 'user-lead01', role: 'team_lead' as const }, answer, 'pass', undefined],
    ['another team lead', { userId: 'user-lead02', role: 'team_lead' as const }, answer, 'fail', 'notYours'],
    ['the department director', { userId: 'user-dept01', role: 'department_director' as const }, answer, 'pass', undefined],
    ['the center director', { userId: 'user-center01', role: 'center_director' as const }, answer, 'pass', undefined],
    ['anyone, once withdrawn', { userId: 'user-dept01', role: 'department_director' as const }, { ...answer, status: 'withdrawn' as const }, 'fail', 'withdrawn'],
  ])('%s: %s', (_who, actor, a, status, problem) => {
    const c = checkMayChange(actor, a);
    expect(c).toMatchObject({ ruleId: 'meeting.weekly', status });
    expect(c.params.problem).toBe(problem);
  });
});

describe('searching answers during a call', () => {
  const a = (title: string, o: Partial<AnswerText> = {}): AnswerText => ({ title, question: '', answer: '', keywords: [], categories: [], meetingDate: '2026-03-09', meetingWeek: '2026-W11', ...o });
  const broadband = a('宽带欠费停机后复通时间', { question: '缴清欠费后宽带多久恢复？', answer: '一般 30 分钟内恢复', keywords: ['复通'], categories: ['query'] });
  const bill = a('话费账单有疑问', { question: '话费比上月多', answer: '先核实机主身份，再查询详单', keywords: ['话费', '详单'], categories: ['complaint'] });
  const roaming = a('Roaming 资费', { answer: '国际漫游按目的地计费；话费账单次月出', meetingDate: '2026-03-02', categories: ['consultation'] });

  it('finds Chinese words inside longer text (no word breaks), in any field', () => {
    expect(searchAnswers([broadband, bill, roaming], '复通', null)).toEqual([broadband]);
    expect(searchAnswers([broadband, bill, roaming], '详单', null)).toEqual([bill]);
    expect(searchAnswers([broadband, bill, roaming], '漫游', null)).toEqual([roaming]);
    expect(searchAnswers([broadband, bill, roaming], 'roaming', null)).toEqual([roaming]); // Latin letters ignore case
  });

  it('every word typed must match; nothing typed lists all', () => {
    expect(searchAnswers([broadband, bill, roaming], '宽带 30', null)).toEqual([broadband]);
    expect(searchAnswers([broadband, bill, roaming], '宽带 详单', null)).toEqual([]);
    expect(searchAnswers([broadband, bill, roaming], '  ', null)).toHaveLength(3);
  });

  it("answers for the call's category come first, then matches in the title or keywords, then the newest meeting", () => {
    expect(searchAnswers([bill, roaming], '话费', null)).toEqual([bill, roaming]); // a keyword match before a match in the text
    expect(searchAnswers([bill, roaming], '话费', 'consultation')).toEqual([roaming, bill]);
    expect(searchAnswers([broadband, bill, roaming], '', 'complaint')[0]).toBe(bill);
  });

  it('a result always contains every word typed, and nothing matching is left out', () => {
    const word = fc.constantFrom('宽带', '话费', '复通', '漫游', '详单', '30', 'x');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 3 }), fc.constantFrom(null, ...CALL_CATEGORIES), (words, category) => {
        const all = [broadband, bill, roaming];
        const found = searchAnswers(all, words.join(' '), category);
        const text = (x: AnswerText) => [x.title, x.question, x.answer, ...x.keywords].join('\n').toLowerCase();
        expect(found.every((x) => words.every((w) => text(x).includes(w)))).toBe(true);
        expect(found.length).toBe(all.filter((x) => words.every((w) => text(x).includes(w))).length);
      }),
    );
  });
});
