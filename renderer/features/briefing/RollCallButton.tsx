import { Button } from 'antd';
import { useT } from '../../i18n/i18n-store';
import { openRollCall, type ShiftPick } from './pick';

/** On the live floor, one per team and shift: opens that shift's roll call with the floor's facts. */
export function RollCallButton({ pick }: { pick: ShiftPick }) {
  const t = useT();
  return (
    <Button size="small" onClick={() => openRollCall(pick)} data-testid="open-rollcall">
      {t('nav.rollcall')}
    </Button>
  );
}
