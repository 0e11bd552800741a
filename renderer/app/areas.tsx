import type { ReactNode } from 'react';
import { mayCall } from '../../shared/api/method';
import { api } from '../../shared/api/table';
import type { Actor } from '../../shared/auth/roles';
import type { MessageKey } from '../i18n/catalogues';
import { CallsPage } from '../features/calls/CallsPage';
import { DeskInfoPage } from '../features/desk/DeskInfoPage';
import { InboxPage } from '../features/sync/InboxPage';
import { PolicyPage } from '../features/policy/PolicyPage';
import { MyShiftsPage } from '../features/roster/MyShiftsPage';
import { RosterGrid } from '../features/roster/RosterGrid';
import { ShiftTypesPage } from '../features/roster/ShiftTypesPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { PeoplePage } from '../features/org/PeoplePage';
import { SwapsPage } from '../features/swap/SwapsPage';
import { LeavePage } from '../features/leave/LeavePage';

/** Menu groups: one's own work, the roster and its calendar, and running the center. */
export const AREA_GROUPS = ['mine', 'roster', 'manage'] as const;
export type AreaGroup = (typeof AREA_GROUPS)[number];

export interface Area {
  key: string;
  label: MessageKey;
  group: AreaGroup;
  /** Visible when the role may call the method the area is built on: the API table decides, not a second list. */
  method: keyof typeof api;
  render(): ReactNode;
}

/** In menu order, group by group. */
export const AREAS: readonly Area[] = [
  { key: 'calls', group: 'mine', label: 'nav.calls', method: 'calls.list', render: () => <CallsPage /> },
  { key: 'inbox', group: 'mine', label: 'nav.inbox', method: 'sync.inbox', render: () => <InboxPage /> },
  { key: 'myShifts', group: 'mine', label: 'nav.myShifts', method: 'roster.mine', render: () => <MyShiftsPage /> },
  { key: 'leave', group: 'mine', label: 'nav.leave', method: 'leave.list', render: () => <LeavePage /> },
  { key: 'swaps', group: 'mine', label: 'nav.swaps', method: 'swap.list', render: () => <SwapsPage /> },
  { key: 'roster', group: 'roster', label: 'nav.roster', method: 'roster.month', render: () => <RosterGrid /> },
  { key: 'shiftTypes', group: 'roster', label: 'nav.shiftTypes', method: 'roster.saveShiftType', render: () => <ShiftTypesPage /> },
  { key: 'calendar', group: 'roster', label: 'nav.calendar', method: 'calendar.import', render: () => <CalendarPage /> },
  { key: 'people', group: 'manage', label: 'nav.people', method: 'org.people', render: () => <PeoplePage /> },
  { key: 'policy', group: 'manage', label: 'nav.policy', method: 'policy.history', render: () => <PolicyPage /> },
  { key: 'desk', group: 'manage', label: 'nav.desk', method: 'desk.info', render: () => <DeskInfoPage /> },
];

export function areasFor(actor: Actor): Area[] {
  return AREAS.filter((a) => mayCall(api[a.method].access, actor));
}

/** Where a role lands after signing in: its daily work first, never the inbox or the desk's own page. */
const HOME_PRIORITY = ['calls', 'myShifts', 'people', 'roster', 'policy'];

export function homeArea(areas: readonly Area[]): string {
  return HOME_PRIORITY.find((k) => areas.some((a) => a.key === k)) ?? areas[0]?.key ?? '';
}
