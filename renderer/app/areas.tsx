import { mayCall } from '../../shared/api/method';
import { api, type MethodName } from '../../shared/api/table';
import type { Actor } from '../../shared/auth/roles';
import { AREA_GROUPS, type Area, type InboxLine, type InboxWords, type Notice } from './ui-domain';
import { UI_DOMAINS } from './ui-domains';

export { AREA_GROUPS, type Area, type AreaGroup } from './ui-domain';

/** In menu order: group by group, and within a group in the order the domains and their areas are declared. */
export const AREAS: readonly Area[] = AREA_GROUPS.flatMap((g) => UI_DOMAINS.flatMap((d) => (d.areas ?? []).filter((a) => a.group === g)));

export function areasFor(actor: Actor): Area[] {
  return AREAS.filter((a) => mayCall(api[a.method].access, actor));
}

/** Where a role lands after signing in: its daily work first, never the inbox or the desk's own page. */
const HOME_PRIORITY = ['calls', 'myShifts', 'people', 'roster', 'policy'];

export function homeArea(areas: readonly Area[]): string {
  return HOME_PRIORITY.find((k) => areas.some((a) => a.key === k)) ?? areas[0]?.key ?? '';
}

const INBOX_LINES = new Map<string, InboxLine<MethodName>>(UI_DOMAINS.flatMap((d) => Object.entries(d.inbox ?? {}) as [string, InboxLine<MethodName>][]));

/** How an action reads (what it was, where to act on it again), from its domain's declaration. */
export function actionLineOf(method: string, args: unknown, words: InboxWords): { what: string; area: string } | null {
  const line = INBOX_LINES.get(method);
  if (!line) return null;
  try {
    return { what: line.what(words, args as never), area: line.area };
  } catch {
    return null; // Arguments the server refused may not have the shape the line expects: the plain title then.
  }
}

/** Menu badges of every domain: a fixed list of hooks, called in the same order on every render. */
export function useBadges(actor: Actor): Partial<Record<string, number>> {
  const counts: Partial<Record<string, number>> = {};
  // The list is fixed at build time, so the hooks run in the same order every render.
  for (const d of UI_DOMAINS) Object.assign(counts, d.useBadges?.(actor));
  return counts;
}

/** Every domain's notices (what waits for this person): a fixed list of hooks, like the badges. */
export function useNotices(actor: Actor): Notice[] {
  const out: Notice[] = [];
  for (const d of UI_DOMAINS) out.push(...(d.useNotifications?.(actor) ?? []));
  return out;
}

/** Every domain's global keys: a fixed list of hooks, like the badges. */
export function useDomainShortcuts(actor: Actor, show: (area: string) => void): void {
  for (const d of UI_DOMAINS) d.useShortcuts?.(actor, show);
}
