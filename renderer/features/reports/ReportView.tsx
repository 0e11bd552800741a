import { Alert, App, Button, Card, Col, Empty, Form, Input, List, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { qualityReportDue, REPORT_REMINDER_DAYS } from '../../../shared/reports/deadlines';
import { KIND_RULE } from '../../../shared/reports/rules';
import { REPORT_SECTIONS, type Report, type ReportKind, type SectionKey } from '../../../shared/reports/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { LoadError } from '../../client/LoadError';
import { useCenterToday, usePolicy } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { calendarDay } from '../../../shared/rules/units';
import { useClient } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';
import { ExportButtons } from './ExportButtons';
import { reportRows } from './export-report';
import { FIGURE_LINES } from './figure-lines';
import { FiguresTable } from './FiguresTable';
import { useExportWords } from './use-export-words';

const STATUS_COLOR = { new: 'default', draft: 'gold', submitted: 'green' } as const;

/**
 * One team's daily or monthly report: the figures counted from the period's work (live while a draft,
 * frozen once submitted), the text sections the lead writes, then submit; afterwards only corrections.
 */
export function ReportView({ kind, period, teamId, canWrite }: { kind: ReportKind; period: string; teamId: string | undefined; canWrite: boolean }) {
  const t = useT();
  const words = useExportWords();
  const q = useQuery('reports.get', { kind, period, ...(teamId ? { teamId } : {}) }, { tables: ['reports', 'calls', 'work_orders', 'escalations'] });
  const r = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <LoadError error={q.error} onRetry={q.reload} />
      {kind === 'monthly' && r && r.status !== 'submitted' && <DueAlert month={period} />}
      {r ? (
        <Row gutter={16}>
          <Col span={9}>
            <Card
              size="small"
              title={
                <Space wrap>
                  {t('rep.figures')}
                  <Tag color={STATUS_COLOR[r.saved ? r.status : 'new']} data-testid="rep-status">
                    {t(r.saved ? `rep.status.${r.status}` : 'rep.status.new')}
                  </Tag>
                </Space>
              }
              extra={<ExportButtons name={`${t(`rep.kind.${kind}`)}-${words.team(r.teamId)}-${period}`} rows={() => reportRows(r, words)} testId="rep-export" />}
            >
              <FiguresTable figures={r.figures} lines={FIGURE_LINES[kind]} testId="rep-figures" />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                {t(r.status === 'submitted' ? 'rep.frozen' : 'rep.live')}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col span={15}>
            {/* A new report (another day or team), or the same one saved elsewhere: the form starts again from what it holds. */}
            <Sections key={`${r.id}:${r.saved ? r.updatedAt : 'new'}`} report={r} canWrite={canWrite} />
          </Col>
        </Row>
      ) : (
        !q.error && <Empty description={t('rep.loading')} />
      )}
    </Space>
  );
}

function DueAlert({ month }: { month: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { today } = useCenterToday();
  const { values } = usePolicy();
  if (today.slice(0, 7) !== month) return null;
  const due = qualityReportDue(today, values.monthlyQualityReportDueDay);
  const soon = due.daysLeft >= 0 && due.daysLeft <= REPORT_REMINDER_DAYS;
  return (
    <Alert
      type={due.daysLeft < 0 ? 'error' : soon ? 'warning' : 'info'}
      showIcon
      data-testid="rep-due"
      message={
        <Space wrap>
          {due.daysLeft >= 0 ? t('rep.dueIn', { date: calendarDay(locale, due.due), days: due.daysLeft }) : t('rep.duePast', { date: calendarDay(locale, due.due) })}
          <RuleCitation ruleId="report.monthly-quality" />
        </Space>
      }
    />
  );
}

/** The text sections: editable while a draft (for the team's lead), read-only afterwards, with corrections below. */
function Sections({ report, canWrite }: { report: Report; canWrite: boolean }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const keys = REPORT_SECTIONS[report.kind] as readonly SectionKey[];
  const [texts, setTexts] = useState<Partial<Record<SectionKey, string>>>(report.sections);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [correction, setCorrection] = useState('');
  const editable = canWrite && report.status !== 'submitted';
  const run = async (f: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await f();
      setErrors({});
      void message.success(done);
    } catch (err) {
      if (err instanceof CallError && err.wire.fields?.length) setErrors(fieldMessages(t, err.wire.fields, err.wire.params));
      void message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const save = (submit: boolean) => run(() => client.call('reports.save', { kind: report.kind, period: report.period, sections: texts, submit }), t(submit ? 'rep.submitted' : 'rep.saved'));
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {t(`rep.kind.${report.kind}`)}
          <RuleCitation ruleId={KIND_RULE[report.kind]} />
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        {keys.map((k) => (
          <Form.Item key={k} label={t(`rep.section.${k}`)} validateStatus={errors[`sections.${k}`] ? 'error' : undefined} help={errors[`sections.${k}`]}>
            {editable ? (
              <Input.TextArea value={texts[k] ?? ''} onChange={(e) => setTexts({ ...texts, [k]: e.target.value })} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid={`rep-section-${k}`} />
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={`rep-section-${k}`}>
                {report.sections[k] || <Typography.Text type="secondary">{t('rep.sectionEmpty')}</Typography.Text>}
              </Typography.Paragraph>
            )}
          </Form.Item>
        ))}
        {errors.period && <Alert type="error" showIcon message={errors.period} style={{ marginBottom: 12 }} />}
        {editable && (
          <Space>
            <Button loading={busy} onClick={() => void save(false)} data-testid="rep-save">
              {t('rep.save')}
            </Button>
            <Popconfirm title={t('rep.submitConfirm')} onConfirm={() => void save(true)} okButtonProps={{ 'data-testid': 'rep-submit-ok' } as never}>
              <Button type="primary" loading={busy} data-testid="rep-submit">
                {t('rep.submit')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Form>
      {report.status === 'submitted' && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text type="secondary">{t('rep.submittedBy', { who: report.authorName })}</Typography.Text>
          {report.corrections.length > 0 && (
            <List
              size="small"
              header={t('rep.corrections')}
              dataSource={report.corrections}
              data-testid="rep-corrections"
              renderItem={(c) => (
                <List.Item>
                  <Typography.Text>{c.text}</Typography.Text>
                  <Typography.Text type="secondary">{c.byName}</Typography.Text>
                </List.Item>
              )}
            />
          )}
          {canWrite && (
            <Space.Compact style={{ width: '100%' }}>
              <Input value={correction} onChange={(e) => setCorrection(e.target.value)} placeholder={t('rep.correctionPlaceholder')} status={errors.text ? 'error' : undefined} data-testid="rep-correction" />
              <Button onClick={() => void run(() => client.call('reports.correct', { id: report.id, text: correction }).then(() => setCorrection('')), t('rep.corrected'))} loading={busy} data-testid="rep-correct">
                {t('rep.correct')}
              </Button>
            </Space.Compact>
          )}
        </Space>
      )}
    </Card>
  );
}
