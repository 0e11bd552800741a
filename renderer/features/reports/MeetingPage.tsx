import { Alert, App, Button, Card, Col, Empty, Form, Input, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Meeting } from '../../../shared/reports/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { LoadError } from '../../client/LoadError';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { useDayText } from '../../i18n/use-day-text';
import { useClient, useSession } from '../../stores/session-store';
import { DateField } from '../calendar/DateField';
import { RuleCitation } from '../rules/RuleCitation';
import { ExportButtons } from './ExportButtons';
import { meetingRows } from './export-report';
import { FIGURE_LINES } from './figure-lines';
import { FiguresTable } from './FiguresTable';
import { useExportWords } from './use-export-words';

type Award = { personId: string; kind: 'reward' | 'penalty'; reason: string };

/**
 * meeting.monthly: everyone sees when the all-agent meeting is; the department director records it — the
 * month's results (counted), notes, rewards and penalties. QA results have a place here, empty until QA
 * scorecards exist.
 */
export function MeetingPage() {
  const t = useT();
  const day = useDayText();
  const actor = useSession((s) => s.actor)!;
  const { today } = useCenterToday();
  const words = useExportWords();
  const month = today.slice(0, 7);
  const q = useQuery('meetings.get', { month }, { tables: ['meetings'] });
  const v = q.data;
  const days = v ? Math.round((Date.parse(`${v.date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) : 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <LoadError error={q.error} onRetry={q.reload} />
      {v && (
        <Alert
          type={days >= 0 && days <= 7 && !v.record ? 'warning' : 'info'}
          showIcon
          data-testid="meet-date"
          message={
            <Space wrap>
              {days > 0 ? t('meet.dateIn', { date: day(v.date), days }) : days === 0 ? t('meet.dateToday', { date: day(v.date) }) : t('meet.datePast', { date: day(v.date) })}
              <RuleCitation ruleId="meeting.monthly" />
            </Space>
          }
        />
      )}
      {v && (
        <Row gutter={16}>
          <Col span={9}>
            <Card size="small" title={t(v.record ? 'meet.results' : 'meet.resultsSoFar')} extra={v.record && <ExportButtons name={`${t('meet.title')}-${month}`} rows={() => meetingRows(v.record!, words)} testId="meet-export" />}>
              <FiguresTable figures={v.figures} lines={FIGURE_LINES.meeting} testId="meet-figures" />
            </Card>
          </Col>
          <Col span={15}>{actor.role === 'department_director' ? <RecordForm key={v.record?.updatedAt ?? 'new'} month={month} date={v.date} record={v.record} /> : <RecordView record={v.record} />}</Col>
        </Row>
      )}
    </Space>
  );
}

function QaPlace() {
  const t = useT();
  return (
    <Card size="small" type="inner" title={t('meet.qa')} data-testid="meet-qa">
      <Typography.Text type="secondary">{t('meet.qaPending')}</Typography.Text>
    </Card>
  );
}

function AwardsTable({ awards }: { awards: readonly { personName: string; kind: Award['kind']; reason: string }[] }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey={(_, i) => String(i)}
      pagination={false}
      dataSource={[...awards]}
      data-testid="meet-awards"
      locale={{ emptyText: <Empty description={t('meet.noAwards')} /> }}
      columns={[
        { title: t('meet.award.kind'), dataIndex: 'kind', render: (k: Award['kind']) => <Tag color={k === 'reward' ? 'green' : 'red'}>{t(`meet.award.${k}`)}</Tag> },
        { title: t('meet.award.person'), dataIndex: 'personName' },
        { title: t('meet.award.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

function RecordView({ record }: { record: Meeting | null }) {
  const t = useT();
  const day = useDayText();
  if (!record) return <Empty description={t('meet.notRecorded')} />;
  return (
    <Card size="small" title={t('meet.heldOnDate', { date: day(record.heldOn) })}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.notes}</Typography.Paragraph>
        <AwardsTable awards={record.awards} />
        <QaPlace />
      </Space>
    </Card>
  );
}

/** The director's record of the meeting: when, notes, and each reward or penalty with its person and reason. */
function RecordForm({ month, date, record }: { month: string; date: string; record: Meeting | null }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const people = (useQuery('org.directory', {}, { tables: ['users'] }).data ?? []).filter((p) => p.active && (p.role === 'agent' || p.role === 'team_lead'));
  const [heldOn, setHeldOn] = useState(record?.heldOn ?? date);
  const [notes, setNotes] = useState(record?.notes ?? '');
  const [awards, setAwards] = useState<Award[]>(record?.awards.map(({ personId, kind, reason }) => ({ personId, kind, reason })) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (i: number, patch: Partial<Award>) => setAwards(awards.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const save = async () => {
    setBusy(true);
    try {
      await client.call('meetings.record', { month, heldOn, notes, awards });
      setErrors({});
      void message.success(t('meet.saved'));
    } catch (err) {
      if (err instanceof CallError && err.wire.fields?.length) setErrors(fieldMessages(t, err.wire.fields, err.wire.params));
      void message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const err = (k: string) => ({ validateStatus: errors[k] ? ('error' as const) : undefined, help: errors[k] });
  return (
    <Card size="small" title={t(record ? 'meet.recorded' : 'meet.record')}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('meet.heldOn')} {...err('heldOn')}>
          <DateField value={heldOn} onChange={(d) => d && setHeldOn(d)} data-testid="meet-held-on" />
        </Form.Item>
        <Form.Item label={t('meet.notes')} {...err('notes')}>
          <Input.TextArea value={notes} onChange={(e) => setNotes(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="meet-notes" />
        </Form.Item>
        <Form.Item label={t('meet.awards')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {awards.map((a, i) => (
              <Space key={i} align="start" wrap data-testid="meet-award">
                <Segmented value={a.kind} onChange={(k) => set(i, { kind: k as Award['kind'] })} options={(['reward', 'penalty'] as const).map((k) => ({ value: k, label: t(`meet.award.${k}`) }))} />
                <Form.Item noStyle {...err(`awards.${i}.personId`)}>
                  <Select showSearch optionFilterProp="label" value={a.personId || undefined} placeholder={t('meet.award.person')} onChange={(p) => set(i, { personId: p })} options={people.map((p) => ({ value: p.userId, label: p.displayName }))} style={{ width: 140 }} status={errors[`awards.${i}.personId`] ? 'error' : undefined} />
                </Form.Item>
                <Input value={a.reason} placeholder={t('meet.award.reason')} onChange={(e) => set(i, { reason: e.target.value })} style={{ width: 260 }} status={errors[`awards.${i}.reason`] ? 'error' : undefined} />
                <Button onClick={() => setAwards(awards.filter((_, j) => j !== i))}>{t('meet.award.remove')}</Button>
              </Space>
            ))}
            <Button onClick={() => setAwards([...awards, { personId: '', kind: 'reward', reason: '' }])} data-testid="meet-add-award">
              {t('meet.award.add')}
            </Button>
          </Space>
        </Form.Item>
        <QaPlace />
        <Button type="primary" loading={busy} onClick={() => void save()} style={{ marginTop: 12 }} data-testid="meet-save">
          {t('meet.save')}
        </Button>
      </Form>
    </Card>
  );
}
