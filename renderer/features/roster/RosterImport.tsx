import { Alert, App, Button, Modal, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { parseCsv, toCsv } from '../../../shared/roster/csv';
import { planRosterImport, type ImportPlan } from '../../../shared/roster/import';
import { errorText } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { decodeSpreadsheetText } from './decode-csv';

interface Props {
  month: string;
  data: MethodOutput<'roster.month'>;
  types: MethodOutput<'roster.shiftTypes'>;
  teamId: string | null;
  timeZone: string;
}

/** CSV in (preview with every bad cell, all or nothing) and out (the grid as a spreadsheet). */
export function RosterImportExport({ month, data, types, teamId, timeZone }: Props) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<{ rows: string[][]; plan: ImportPlan; encoding: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File) => {
    setBusy(true);
    const { text, encoding } = decodeSpreadsheetText(await file.arrayBuffer());
    const rows = parseCsv(text);
    const plan = planRosterImport({ month, rows }, { people: data.people, shiftTypes: types, teamId, timeZone });
    setPreview({ rows, plan, encoding: encoding === 'utf-8' ? 'UTF-8' : 'GBK / GB18030' });
    setBusy(false);
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await client.call('roster.import', { month, rows: preview.rows });
      void message.success(t('roster.importDone', r));
      setPreview(null);
    } catch (err) {
      void message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = () => {
    const byCell = new Map(data.entries.map((e) => [`${e.userId}|${e.date}`, e.shiftCode]));
    const rows = [[t('roster.csvHeader'), ...data.days.map((d) => String(Number(d.date.slice(8))))], ...data.people.map((p) => [p.username, ...data.days.map((d) => byCell.get(`${p.userId}|${d.date}`) ?? '')])];
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `roster-${month}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const issues = preview?.plan.issues ?? [];
  return (
    <>
      <input ref={input} type="file" accept=".csv,text/csv" hidden data-testid="roster-file" onChange={(e) => e.target.files?.[0] && void onFile(e.target.files[0]).finally(() => (e.target.value = ''))} />
      <Button onClick={() => input.current?.click()} loading={busy && !preview}>
        {t('roster.import')}
      </Button>
      <Button onClick={exportCsv}>{t('roster.export')}</Button>
      <Modal
        open={preview !== null}
        title={t('roster.importTitle', { month })}
        onCancel={() => setPreview(null)}
        width={720}
        footer={
          <Space>
            <Button onClick={() => setPreview(null)}>{t('roster.importCancel')}</Button>
            <Button type="primary" disabled={issues.length > 0} loading={busy} onClick={() => void confirm()} data-testid="roster-import-confirm">
              {t('roster.importConfirm')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('roster.importEncoding', { encoding: preview?.encoding ?? '' })}</Typography.Paragraph>
        {issues.length === 0 ? (
          <Alert type="success" showIcon message={t('roster.importReady', { count: preview?.plan.entries.length ?? 0 })} />
        ) : (
          <>
            <Alert type="error" showIcon message={t('roster.importIssues', { count: issues.length })} style={{ marginBottom: 12 }} />
            <Table
              size="small"
              rowKey={(i) => `${i.row}:${i.column}`}
              dataSource={issues}
              pagination={{ pageSize: 8 }}
              data-testid="roster-import-issues"
              columns={[
                { title: t('roster.row'), dataIndex: 'row', width: 60 },
                { title: t('roster.column'), dataIndex: 'column', width: 60 },
                { title: t('roster.cell'), dataIndex: 'value', width: 140 },
                { title: t('roster.problem'), dataIndex: 'code', render: (c: ImportPlan['issues'][number]['code']) => t(c) },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
