import { Table } from 'antd';
import type { Figures } from '../../../shared/reports/schemas';
import { useT } from '../../i18n/i18n-store';
import { figureValue, shareText, type FigureLine } from './figure-lines';

/** A report's figures, one line each: the words the export uses, the value as people read it. */
export function FiguresTable({ figures, lines, testId }: { figures: Figures; lines: readonly FigureLine[]; testId: string }) {
  const t = useT();
  const rows = lines.map((line) => {
    const v = figureValue(figures, line);
    return { line, label: t(`rep.fig.${line}`), value: line === 'resolutionRate' ? shareText(v) : String(v ?? 0) };
  });
  return (
    <Table
      size="small"
      rowKey="line"
      pagination={false}
      showHeader={false}
      dataSource={rows}
      data-testid={testId}
      onRow={(r) => ({ 'data-line': r.line }) as never}
      columns={[
        { dataIndex: 'label', key: 'label' },
        { dataIndex: 'value', key: 'value', align: 'right', width: 96, onCell: () => ({ 'data-testid': 'fig-value' }) as never },
      ]}
    />
  );
}
