import { useEffect } from 'react';
import { create } from 'zustand';
import type { ShiftType } from '../../shared/roster/schemas';
import { localName, type LocalNames } from '../../shared/i18n/local-names';
import type { DeskClient } from './desk-client';
import { useI18n } from '../i18n/i18n-store';
import { useClient } from '../stores/session-store';

interface NamesState {
  shiftTypes: readonly ShiftType[];
  teams: readonly { id: string; name: string; names: LocalNames }[];
  set(patch: Partial<Pick<NamesState, 'shiftTypes' | 'teams'>>): void;
}

/**
 * Shift types and teams as people call them in the UI language (the day shift and team 1 in each language): data every
 * screen and every rule line names. One store, so an error toast (outside React) names them too.
 */
export const useNamesStore = create<NamesState>((set) => ({ shiftTypes: [], teams: [], set: (patch) => set(patch) }));

let feeding: { client: DeskClient; users: number; off(): void } | null = null;

function feed(client: DeskClient): () => void {
  if (feeding?.client !== client) {
    feeding?.off();
    // A failed load leaves the codes showing (the day shift falls back to its code D): the screen's own query, from the
    // same desk, reports the failure; a second error here would say the same thing twice.
    const load = () => {
      void client.call('roster.shiftTypes', {}).then((shiftTypes) => useNamesStore.getState().set({ shiftTypes }), () => undefined);
      void client.call('org.teams', {}).then((teams) => useNamesStore.getState().set({ teams }), () => undefined);
    };
    load();
    const off = client.onEvent((e) => e.type === 'changed' && e.tables.some((t) => t === 'shift_types' || t === 'teams') && load());
    feeding = { client, users: 0, off };
  }
  const f = feeding;
  f.users++;
  return () => {
    if (--f.users === 0 && feeding === f) {
      f.off();
      feeding = null;
    }
  };
}

export function shiftName(code: string, short = false): string {
  const t = useNamesStore.getState().shiftTypes.find((s) => s.code === code);
  if (!t) return code;
  const locale = useI18n.getState().locale;
  return short ? localName(t.shortNames, locale, localName(t.names, locale, t.name)) : localName(t.names, locale, t.name);
}

export function teamName(id: string | null | undefined): string {
  if (!id) return '';
  const t = useNamesStore.getState().teams.find((x) => x.id === id);
  return t ? localName(t.names, useI18n.getState().locale, t.name) : id;
}

/** Names in the current language, re-rendering when they load or the language changes. */
export function useNames(): { shift(code: string, short?: boolean): string; team(id: string | null | undefined): string } {
  const client = useClient();
  useEffect(() => feed(client), [client]);
  useNamesStore((s) => s.shiftTypes);
  useNamesStore((s) => s.teams);
  useI18n((s) => s.locale);
  return { shift: shiftName, team: teamName };
}
