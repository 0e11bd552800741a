import { App, Button, Card, Empty, Modal, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { errorText } from '../../client/error-text';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { dayLabel } from '../roster/day-label';
import { icsToDays, type IcsDay } from './ics-days';

/** The year's public holidays and make-up working days (built-in plus the center's own), and ICS import. */
export function CalendarPage() {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { message } = App.useApp();
  const canImport = mayCall(api['calendar.import'].access, actor);
  const { today } = useCenterToday();
  const [picked, setYear] = useState<number | null>(null);
  const year = picked ?? Number(today.slice(0, 4));
  const q = useQuery('calendar.days', { from: `${year}-01-01`, to: `${year}-12-31` }, { tables: ['calendar_overrides'] });
  const days = q.data?.filter((d) => d.kind === 'holiday' || d.kind === 'makeUpWorkday');
  const [preview, setPreview] = useState<IcsDay[] | null>(null);

  const onFile = async (f: File) => {
    try {
      setPreview(icsToDays(await f.text()));
    } catch {
      void message.error(t('calendar.importFailed'));
    }
  };
  const confirm = async () => {
    try {
      const r = await client.call('calendar.import', { days: preview! });
      void message.success(t('calendar.imported', { count: r.saved }));
      setPreview(null);
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };

  return (
    <Card
      title={t('calendar.title', { year })}
      extra={
        <Space>
          {canImport && (
            // antd's Upload: our button, our words; the file never leaves the desk (read here, then sent as days).
            <Upload
              accept=".ics,text/calendar"
              showUploadList={false}
              maxCount={1}
              beforeUpload={(f) => {
                void onFile(f);
                return false;
              }}
              data-testid="ics-file"
            >
              <Button>{t('calendar.import')}</Button>
            </Upload>
          )}
          <Button onClick={() => setYear(year - 1)}>{t('calendar.prevYear')}</Button>
          <Button onClick={() => setYear(year + 1)}>{t('calendar.nextYear')}</Button>
        </Space>
      }
    >
      <LoadError error={q.error} onRetry={q.reload} />
      <Table
        size="small"
        rowKey="date"
        loading={days === undefined && q.error === null}
        dataSource={days ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('calendar.none')} /> }}
        data-testid="calendar-days"
        columns={[
          { title: t('calendar.date'), dataIndex: 'date', width: 140 },
          { title: t('calendar.kind'), width: 160, render: (_, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'gold'}>{t(`day.${d.kind}`)}</Tag> },
          { title: t('calendar.name'), render: (_, d) => dayLabel(t, d) },
        ]}
      />
      <Modal open={preview !== null} title={t('calendar.importTitle', { count: preview?.length ?? 0 })} onCancel={() => setPreview(null)} onOk={() => void confirm()} okText={t('calendar.importConfirm')}>
        <Table
          size="small"
          rowKey="date"
          dataSource={preview ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('calendar.date'), dataIndex: 'date' },
            { title: t('calendar.kind'), render: (_, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'gold'}>{t(d.kind === 'holiday' ? 'day.holiday' : 'day.makeUpWorkday')}</Tag> },
            { title: t('calendar.name'), dataIndex: 'name' },
          ]}
        />
      </Modal>
    </Card>
  );
}
