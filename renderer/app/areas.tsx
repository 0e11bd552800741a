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

export interface Area {
  key: string;
  label: MessageKey;
  /** Visible when the role may call the method the area is built on: the API table decides, not a second list. */
  method: keyof typeof api;
  render(): ReactNode;
}

/** In home-screen priority: a role's home is the first area it may use. */
export const AREAS: readonly Area[] = [
  { key: 'calls', label: 'nav.calls', method: 'calls.list', render: () => <CallsPage /> },
  { key: 'myShifts', label: 'nav.myShifts', method: 'roster.mine', render: () => <MyShiftsPage /> },
  { key: 'leave', label: 'nav.leave', method: 'leave.list', render: () => <LeavePage /> },
  { key: 'swaps', label: 'nav.swaps', method: 'swap.list', render: () => <SwapsPage /> },
  { key: 'roster', label: 'nav.roster', method: 'roster.month', render: () => <RosterGrid /> },
  { key: 'shiftTypes', label: 'nav.shiftTypes', method: 'roster.saveShiftType', render: () => <ShiftTypesPage /> },
  { key: 'desk', label: 'nav.desk', method: 'desk.info', render: () => <DeskInfoPage /> },
  { key: 'people', label: 'nav.people', method: 'org.people', render: () => <PeoplePage /> },
  { key: 'calendar', label: 'nav.calendar', method: 'calendar.import', render: () => <CalendarPage /> },
  { key: 'policy', label: 'nav.policy', method: 'policy.history', render: () => <PolicyPage /> },
  { key: 'inbox', label: 'nav.inbox', method: 'sync.inbox', render: () => <InboxPage /> },
];

export function areasFor(actor: Actor): Area[] {
  return AREAS.filter((a) => mayCall(api[a.method].access, actor));
}
