import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/i18n-store';
import type { TableFormat } from './read-table-file';
import { columnName } from './xlsx-write';

export interface SheetIssue {
  row: number;
  column: number;
  value: string;
  code: MessageKey;
}

interface Props {
  open: boolean;
  title: string;
  format: TableFormat | null;
  issues: readonly SheetIssue[];
  /** What will happen when the file is clean, e.g. "310 cells ready". */
  readyText: string;
  busy: boolean;
  confirmDisabled?: boolean;
  children?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

/** The preview every import shares: the file's format, then either "ready" or every bad cell by row and column. */
export function SheetImportModal(p: Props) {
  const t = useT();
  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onCancel}
      width={720}
      footer={
        <Space>
          <Button onClick={p.onCancel}>{t('sheet.cancel')}</Button>
          <Button type="primary" disabled={p.issues.length > 0 || p.confirmDisabled} loading={p.busy} onClick={p.onConfirm} data-testid="sheet-import-confirm">
            {t('sheet.confirm')}
          </Button>
        </Space>
      }
    >
      {p.format && <Typography.Paragraph type="secondary">{t('sheet.format', { format: t(`sheet.format.${p.format}`) })}</Typography.Paragraph>}
      {p.issues.length === 0 ? (
        <Alert type="success" showIcon message={p.readyText} />
      ) : (
        <>
          <Alert type="error" showIcon message={t('sheet.issues', { count: p.issues.length })} style={{ marginBottom: 12 }} />
          <Table
            size="small"
            rowKey={(i) => `${i.row}:${i.column}:${i.code}`}
            dataSource={[...p.issues]}
            pagination={{ pageSize: 8 }}
            data-testid="sheet-import-issues"
            columns={[
              { title: t('sheet.row'), dataIndex: 'row', width: 60 },
              { title: t('sheet.column'), dataIndex: 'column', width: 70, render: (c: number) => `${c} (${columnName(c - 1)})` },
              { title: t('sheet.cell'), dataIndex: 'value', width: 140 },
              { title: t('sheet.problem'), dataIndex: 'code', render: (c: MessageKey) => t(c) },
            ]}
          />
        </>
      )}
      {p.children}
    </Modal>
  );
}
