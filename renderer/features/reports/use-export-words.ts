import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useI18n, useT } from '../../i18n/i18n-store';
import { formatDateTime } from '../calls/history-range';
import type { ExportWords } from './export-report';

/** Teams and times as this reader says them, for a screen and its export alike. */
export function useExportWords(): ExportWords {
  const t = useT();
  const names = useNames();
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  return { t, team: (id) => (id ? names.team(id) : t('rep.noTeam')), dateTime: (iso) => formatDateTime(iso, locale, zone) };
}
