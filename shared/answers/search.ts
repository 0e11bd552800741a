import type { CallCategory } from '../calls/schemas';
import type { AnswerText } from './schemas';

/**
 * Finds unified answers as an agent types during a call: every word typed (split at spaces) must appear,
 * as a substring, in the title, the question, the answer or a keyword; Chinese needs no word breaks, so a
 * substring match is what finds 话费 in 查询话费余额. Case-insensitive for Latin letters.
 *
 * Order: answers tagged with the call's category first, then titles and keywords that match before
 * matches in the text only, then newest meeting first.
 */
export function searchAnswers<A extends Pick<AnswerText, 'title' | 'question' | 'answer' | 'keywords' | 'categories' | 'meetingDate'>>(answers: readonly A[], query: string, category: CallCategory | null): A[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const scored: { a: A; score: number }[] = [];
  for (const a of answers) {
    const head = [a.title, ...a.keywords].join('\n').toLocaleLowerCase();
    const all = `${head}\n${a.question}\n${a.answer}`.toLocaleLowerCase();
    if (!words.every((w) => all.includes(w))) continue;
    const fits = category !== null && a.categories.includes(category) ? 2 : 0;
    const inHead = words.length > 0 && words.every((w) => head.includes(w)) ? 1 : 0;
    scored.push({ a, score: fits + inHead });
  }
  return scored.sort((x, y) => y.score - x.score || (x.a.meetingDate < y.a.meetingDate ? 1 : x.a.meetingDate > y.a.meetingDate ? -1 : 0)).map((s) => s.a);
}
