import { DatePicker } from 'antd';
import { useT } from '../../i18n/i18n-store';
import { dateConfig, fromDay, toDay } from './date-config';

const Picker = DatePicker.generatePicker<Date>(dateConfig);

interface Props {
  /** `YYYY-MM-DD`, or empty. */
  value: string | null;
  onChange(day: string | null): void;
  /** Days before this one (`YYYY-MM-DD`) cannot be picked. */
  min?: string;
  disabled?: boolean;
  status?: 'error';
  allowClear?: boolean;
  'data-testid'?: string;
}

/**
 * A calendar day in the UI language (antd's picker under the ConfigProvider's locale), never the
 * browser's native date input, which speaks the operating system's language. Typing `YYYY-MM-DD` works.
 */
export function DateField({ value, onChange, min, disabled, status, allowClear = false, ...rest }: Props) {
  const t = useT();
  const minDate = fromDay(min);
  return (
    // Enter commits the typed date; it does not also submit the form around the picker.
    <span onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
      <Picker
      value={fromDay(value)}
      onChange={(d) => onChange(d ? toDay(d) : null)}
      format="YYYY-MM-DD"
      placeholder={t('date.placeholder')}
      disabledDate={minDate ? (d) => d.getTime() < minDate.getTime() : undefined}
      disabled={disabled}
      status={status}
      allowClear={allowClear}
      data-testid={rest['data-testid']}
      style={{ width: 160 }}
      />
    </span>
  );
}
