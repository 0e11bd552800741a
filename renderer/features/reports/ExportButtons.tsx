import { Button, Space } from 'antd';
import { useT } from '../../i18n/i18n-store';
import { saveTable } from '../spreadsheet/save-file';
import type { XlsxCell } from '../spreadsheet/xlsx-write';

/** "Export XLSX" and "Export CSV" for what the screen shows: the same rows, numbers as numbers and days as dates. */
export function ExportButtons({ name, rows, testId }: { name: string; rows: () => XlsxCell[][]; testId: string }) {
  const t = useT();
  return (
    <Space size={4}>
      <Button size="small" onClick={() => saveTable(name, rows(), 'xlsx')} data-testid={`${testId}-xlsx`}>
        {t('rep.exportXlsx')}
      </Button>
      <Button size="small" onClick={() => saveTable(name, rows(), 'csv')} data-testid={`${testId}-csv`}>
        {t('rep.exportCsv')}
      </Button>
    </Space>
  );
}
