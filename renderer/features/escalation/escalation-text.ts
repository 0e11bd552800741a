import type { EscalationView, TimelineEvent } from '../../../shared/escalation/schemas';
import type { T } from '../../i18n/i18n-store';

/** A level as people name it: the post (team lead, department director …). */
export const levelName = (t: T, level: string | null) => (level ? t(`role.${level}` as never) : '');

/** A span in the unit people use: minutes under two hours, hours and minutes under two days, then days and hours. */
export function spanText(t: T, ms: number): string {
  const min = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (min < 120) return t('escalation.min', { n: min });
  if (min < 48 * 60) return t('escalation.hours', { h: Math.floor(min / 60), m: min % 60 });
  return t('escalation.days', { d: Math.floor(min / 1440), h: Math.floor((min % 1440) / 60) });
}

/** The nearer of the two targets, as "answer within 12 min" / "overdue by 3 min". */
export function timeLeftText(t: T, e: Pick<EscalationView, 'respondBy' | 'resolveBy' | 'status'>, now: number): string {
  if (e.status !== 'open') return '—';
  const respond = e.respondBy ? Date.parse(e.respondBy) : Infinity;
  const resolve = Date.parse(e.resolveBy);
  const due = Math.min(respond, resolve);
  if (due <= now) return t('escalation.timer.overdue', { time: spanText(t, now - due) });
  return t(respond <= resolve ? 'escalation.timer.respond' : 'escalation.timer.resolve', { time: spanText(t, due - now) });
}

/** One timeline step as a sentence. */
export function eventText(t: T, e: TimelineEvent, person: (id: string) => string): string {
  const who = e.by ? person(e.by) : '';
  const level = levelName(t, e.level);
  if (e.kind === 'acknowledged' && e.text.trim() !== '') return t('escalation.ev.disagreed', { who });
  return t(`escalation.ev.${e.kind}`, { who, level });
}

export const categoryText = (t: T, c: string) => t(`escalation.cat.${c}` as never);
