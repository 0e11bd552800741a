import type { ReactNode } from 'react';
import type { Api, MethodInput, MethodName } from '../../shared/api/table';
import type { Actor } from '../../shared/auth/roles';
import type { MessageKey } from '../i18n/catalogues';
import type { T } from '../i18n/i18n-store';

/** Menu groups, in menu order: one's own work, the live floor, quality, the roster, reports, running the center. */
export const AREA_GROUPS = ['mine', 'floor', 'quality', 'roster', 'reports', 'manage'] as const;
export type AreaGroup = (typeof AREA_GROUPS)[number];

/** What the shell hands a screen: who is signed in, a way to open another area, and every domain's inbox lines. */
export interface AreaContext {
  actor: Actor;
  show(area: string): void;
  /**
   * How an action reads (what it was, where to act on it again), from its domain's declaration; null if it
   * declares none. The inbox shows refused actions with it, the audit log recorded ones.
   */
  actionLine(method: string, args: unknown, words: InboxWords): { what: string; area: string } | null;
}

export interface Area {
  key: string;
  label: MessageKey;
  group: AreaGroup;
  /** Visible when the role may call the method the area is built on: the API table decides, not a second list. */
  method: MethodName;
  render(ctx: AreaContext): ReactNode;
}

/** What an inbox line may name: people, shifts and days as the reader says them. */
export interface InboxWords {
  t: T;
  person(userId: string): string;
  shift(code: string): string;
  day(date: string): string;
}

/** A refused action of one method, as its owner reads it in the inbox: what it was, and where to put it right. */
export interface InboxLine<M extends MethodName> {
  what(w: InboxWords, args: MethodInput<M>): string;
  /** The area where the person can try again (open the request, pick other dates). */
  area: string;
}

/**
 * A domain's part of the desk, declared in its own folder (features/<domain>/ui.tsx) and listed once in
 * app/ui-domains.ts: its menu areas, its menu badges (how many things wait for this person), and how its
 * refused actions read in the inbox. The shell, the menu and the inbox are built from these declarations.
 */
/** One thing that waits for the signed-in person, as the notification centre lists it. */
export interface Notice {
  /** Stable while the same thing waits in the same state: a key not seen before is an arrival (a toast). */
  key: string;
  /** What waits, in the reader's language. */
  text: string;
  /** Where to act on it. */
  area: string;
  /** Also run when it is opened (e.g. open that report's detail). */
  open?(): void;
}

export interface UiDomain {
  areas?: readonly Area[];
  /** A hook: counts per area key of what waits for this person. Called on every render of the shell. */
  useBadges?(actor: Actor): Partial<Record<string, number>>;
  /**
   * A hook: what waits for this person, one notice each (a swap asked of them, leave to approve, a report
   * at their level). The notification centre lists every domain's, unread first; called on every render.
   */
  useNotifications?(actor: Actor): readonly Notice[];
  /** A hook for the domain's keys that work on every screen (raising a hand during a call), installed once by the shell. */
  useShortcuts?(actor: Actor, show: (area: string) => void): void;
  inbox?: { [M in MethodName]?: InboxLine<M> };
}

export const defineUi = (d: UiDomain): UiDomain => d;

/** Type helper for a domain's inbox lines, so each method's arguments are typed. */
export function inboxLines<L extends { [M in keyof Api]?: InboxLine<M> }>(lines: L): L {
  return lines;
}
