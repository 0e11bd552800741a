import { Input, Select, Space } from 'antd';
import type { Actor } from '../../../shared/auth/roles';
import { addDays } from '../../../shared/calendar/day-kind';
import { shiftInterval } from '../../../shared/roster/shift-time';
import { useNames, useNamesStore } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useT } from '../../i18n/i18n-store';
import type { ShiftPick } from './pick';

/** Day, team (a lead: their own) and shift: the one choice every briefing screen starts from. */
export function ShiftPicker({ actor, value, onChange, shiftLabel }: { actor: Actor; value: ShiftPick; onChange(v: ShiftPick): void; shiftLabel?: string }) {
  const t = useT();
  const names = useNames();
  const teams = useNamesStore((s) => s.teams).filter((x) => actor.role !== 'team_lead' || x.id === actor.teamId);
  const shifts = useNamesStore((s) => s.shiftTypes);
  return (
    <Space wrap data-testid="shift-picker">
      <Input type="date" aria-label={t('briefing.pick.date')} style={{ width: 160 }} value={value.date} onChange={(e) => e.target.value && onChange({ ...value, date: e.target.value })} />
      <Select aria-label={t('briefing.pick.team')} style={{ width: 140 }} value={value.teamId || undefined} placeholder={t('briefing.pick.team')} onChange={(teamId: string) => onChange({ ...value, teamId })} options={teams.map((x) => ({ value: x.id, label: names.team(x.id) }))} />
      <Select aria-label={shiftLabel ?? t('briefing.pick.shift')} style={{ width: 140 }} value={value.shiftCode || undefined} placeholder={shiftLabel ?? t('briefing.pick.shift')} onChange={(shiftCode: string) => onChange({ ...value, shiftCode })} options={shifts.map((s) => ({ value: s.code, label: names.shift(s.code) }))} />
    </Space>
  );
}

/** Where a screen starts: the lead's own team, today, and the shift running now (else the first one). */
export function useDefaultPick(actor: Actor, today: string): ShiftPick {
  const { zone } = useCenterToday();
  const teams = useNamesStore((s) => s.teams);
  const shifts = useNamesStore((s) => s.shiftTypes);
  const now = Date.now();
  const running = shifts.find((s) => [addDays(today, -1), today].some((d) => {
    const i = shiftInterval(d, s, zone);
    return i.start <= now && now < i.end;
  }));
  return { date: today, teamId: actor.teamId ?? teams[0]?.id ?? '', shiftCode: (running ?? shifts[0])?.code ?? '' };
}
