import type { Criterion, EvaluationView, Names } from '../../../shared/qa/schemas';
import { SCALE_POINTS } from '../../../shared/qa/score';
import type { T } from '../../i18n/i18n-store';

/** A scorecard name in the reader's language, else the center's own (zh-CN). */
export const nameIn = (names: Names, locale: string): string => (names as Record<string, string>)[locale] || names['zh-CN'];

/** How an answer reads: yes / no, "4 / 5", or N/A. */
export function answerText(t: T, c: Pick<Criterion, 'scale'>, v: number | null): string {
  if (v === null) return t('qa.form.na');
  if (c.scale === 'yesno') return t(v === 1 ? 'qa.form.yes' : 'qa.form.no');
  return `${v} / ${SCALE_POINTS[c.scale].max}`;
}

/** Where an evaluation stands for the people reading it. */
export function statusOf(e: Pick<EvaluationView, 'disputes' | 'acknowledgedAt'>): 'new' | 'acknowledged' | 'disputed' | 'ruled' {
  if (e.disputes.some((d) => d.status === 'open')) return 'disputed';
  if (e.disputes.length > 0) return 'ruled';
  return e.acknowledgedAt ? 'acknowledged' : 'new';
}

/** Seconds into the recording as people read them: 83 → "1:23". */
export const clockText = (sec: number): string => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;

/** "1:23", "83" or "" (none) → seconds; undefined when it is neither. */
export function parseClock(s: string): number | null | undefined {
  const v = s.trim();
  if (v === '') return null;
  const m = /^(?:(\d{1,3}):)?(\d{1,5})$/.exec(v);
  if (!m) return undefined;
  const min = m[1] ? Number(m[1]) : 0;
  const sec = Number(m[2]);
  if (m[1] && sec >= 60) return undefined;
  return min * 60 + sec;
}

/** A score as shown: two decimals at most. */
export const scoreText = (s: number): string => String(Math.round(s * 100) / 100);
