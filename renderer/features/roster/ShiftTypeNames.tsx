import { Input, Space, Typography } from 'antd';
import { UI_LOCALES } from '../../../shared/i18n/local-names';
import type { ShiftType } from '../../../shared/roster/schemas';
import { LANGUAGE_NAMES } from '../../i18n/catalogues';
import { useT } from '../../i18n/i18n-store';

interface Props {
  row: ShiftType;
  disabled: boolean;
  onChange(patch: Pick<ShiftType, 'names' | 'shortNames'>): void;
}

/**
 * A shift type's name and short name (the roster cell's one or two characters) in each UI language, so an English desk
 * never reads the Chinese name and a cell never overflows. Empty falls back to the zh-CN name, then the code.
 */
export function ShiftTypeNames({ row, disabled, onChange }: Props) {
  const t = useT();
  return (
    <Space direction="vertical" size={4} data-testid={`shift-names-${row.code}`}>
      <Typography.Text strong>{t('shiftTypes.names')}</Typography.Text>
      <Typography.Text type="secondary">{t('shiftTypes.namesHint')}</Typography.Text>
      {UI_LOCALES.map((l) => (
        <Space key={l}>
          <span style={{ display: 'inline-block', width: 80 }}>{LANGUAGE_NAMES[l]}</span>
          <Input
            style={{ width: 160 }}
            aria-label={`${t('shiftTypes.fullName')} (${LANGUAGE_NAMES[l]})`}
            placeholder={t('shiftTypes.fullName')}
            value={row.names?.[l] ?? ''}
            disabled={disabled}
            maxLength={32}
            onChange={(e) => onChange({ names: { ...row.names, [l]: e.target.value || undefined }, shortNames: row.shortNames })}
            data-testid={`shift-name-${row.code}-${l}`}
          />
          <Input
            style={{ width: 90 }}
            aria-label={`${t('shiftTypes.shortName')} (${LANGUAGE_NAMES[l]})`}
            placeholder={t('shiftTypes.shortName')}
            value={row.shortNames?.[l] ?? ''}
            disabled={disabled}
            maxLength={32}
            onChange={(e) => onChange({ names: row.names, shortNames: { ...row.shortNames, [l]: e.target.value || undefined } })}
            data-testid={`shift-short-${row.code}-${l}`}
          />
        </Space>
      ))}
    </Space>
  );
}
