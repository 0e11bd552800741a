import { create } from 'zustand';
import { useNav } from '../../app/nav-store';

/** A team's shift on a day: what roll call, the handover meeting and the duty log are about. */
export interface ShiftPick {
  date: string;
  teamId: string;
  shiftCode: string;
}

/** The shift the floor view asked to open (its roll call button), taken over by the roll call screen once. */
export const useShiftPick = create<{ pick: ShiftPick | null; set(pick: ShiftPick | null): void }>((set) => ({ pick: null, set: (pick) => set({ pick }) }));

/** Opens the roll call of a team's shift from anywhere (the live floor). */
export function openRollCall(pick: ShiftPick): void {
  useShiftPick.getState().set(pick);
  useNav.getState().show('rollcall');
}
