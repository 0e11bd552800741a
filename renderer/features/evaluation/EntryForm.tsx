import { Alert, App, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api, type MethodInput } from '../../../shared/api/table';
import { evaluate, monthBounds, weightsValid } from '../../../shared/evaluation/rules';
import { INCIDENT_KINDS, SURVEY_SCALES, type Evaluation, type Incident, type SurveyScale } from '../../../shared/evaluation/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { usePolicy } from '../../client/use-policy';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';
import { readTableFile } from '../spreadsheet/read-table-file';
import { readWithProgress } from '../spreadsheet/read-with-progress';
import { rateCell } from './export-rows';
import { surveyCountsFromRows } from './survey-import';

type Input = MethodInput<'evaluation.save'>;
const COUNT_FIELDS = ['complaints', 'complaintsResolved', 'suggestions', 'suggestionsResolved', 'plansRated', 'plansSatisfied'] as const;

/** The inputs as the form starts: the month's saved record, or empty on the policy's default scale. */
function initial(teamId: string, month: string, scale: number, saved: Evaluation | undefined): Input {
  if (saved)
    return {
      teamId,
      month,
      surveyScale: saved.surveyScale as SurveyScale,
      surveyCounts: saved.surveyCounts.map((count, i) => ({ point: i + 1, count })),
      complaintSource: saved.complaintSource,
      complaints: saved.complaints,
      complaintsResolved: saved.complaintsResolved,
      suggestions: saved.suggestions,
      suggestionsResolved: saved.suggestionsResolved,
      plansRated: saved.plansRated,
      plansSatisfied: saved.plansSatisfied,
      incidents: saved.incidents,
    };
  return {
    teamId,
    month,
    surveyScale: scale as SurveyScale,
    surveyCounts: Array.from({ length: scale }, (_, i) => ({ point: i + 1, count: 0 })),
    complaintSource: 'manual',
    complaints: 0,
    complaintsResolved: 0,
    suggestions: 0,
    suggestionsResolved: 0,
    plansRated: 0,
    plansSatisfied: 0,
    incidents: [],
  };
}

/**
 * One unit's month: survey answers per Likert point (typed or imported), complaints and suggestions (typed,
 * or counted from the month's work orders where the desk has them), service plans, major incidents. The
 * indicators are previewed under the rules in force; the server decides again on save.
 */
export function EntryForm({ teamId, month, saved, onSaved }: { teamId: string; month: string; saved: Evaluation | undefined; onSaved(e: Evaluation): void }) {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor);
  const { message } = App.useApp();
  const policy = usePolicy().values;
  const [v, setV] = useState<Input>(() => initial(teamId, month, policy.surveyScalePoints, saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // A change takes the field errors of the last save away: they spoke of what was there then.
  const set = (patch: Partial<Input>) => (setV((old) => ({ ...old, ...patch })), setErrors({}));
  const err = (path: string) => (errors[path] ? { validateStatus: 'error' as const, help: errors[path] } : {});

  const preview = useMemo(() => {
    if (!weightsValid(policy)) return null;
    const counts = Array.from({ length: v.surveyScale }, (_, i) => Math.max(0, v.surveyCounts.find((c) => c.point === i + 1)?.count ?? 0));
    return evaluate({ ...v, surveyCounts: counts }, policy);
  }, [v, policy]);

  const setScale = (scale: SurveyScale) => set({ surveyScale: scale, surveyCounts: Array.from({ length: scale }, (_, i) => ({ point: i + 1, count: v.surveyCounts.find((c) => c.point === i + 1)?.count ?? 0 })) });
  const setCount = (point: number, count: number | null) => set({ surveyCounts: v.surveyCounts.map((c) => (c.point === point ? { point, count: count ?? 0 } : c)) });
  const setIncident = (i: number, patch: Partial<Incident>) => set({ incidents: v.incidents.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  const importSurvey = async (file: File) => {
    try {
      const { rows } = readTableFile(await readWithProgress(file, () => undefined));
      const r = surveyCountsFromRows(rows, v.surveyScale);
      if (r.problems.length) return void message.error(t('ev.form.importProblems', { first: t('ev.form.importProblem', { row: r.problems[0]!.row, problem: t(r.problems[0]!.code) }), count: r.problems.length }));
      if (r.found === 0) return void message.error(t('ev.form.importNoRows'));
      set({ surveyCounts: r.counts.map((count, i) => ({ point: i + 1, count })) });
      void message.success(t('ev.form.imported', { count: r.counts.reduce((s, c) => s + c, 0) }));
    } catch {
      void message.error(t('sheet.unreadable'));
    }
  };

  const fromWorkOrders = async () => {
    try {
      const stats = await client.call('workorders.stats', monthBounds(month, policy.timezone));
      const mine = stats.find((s) => s.teamId === teamId);
      const complaints = mine?.complaints ?? 0;
      const resolved = mine?.resolved ?? 0;
      set({ complaintSource: 'workorders', complaints, complaintsResolved: resolved });
      void message.info(t('ev.form.fromWorkOrdersDone', { complaints, resolved }));
    } catch (e) {
      void message.error(errorText(t, e));
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const e = await client.call('evaluation.save', v);
      setErrors({});
      void message.success(t('ev.form.saved', { score: rateCell(e.result.composite) }));
      onSaved(e);
    } catch (e) {
      if (e instanceof CallError && e.wire.fields?.length) setErrors(fieldMessages(t, e.wire.fields, e.wire.params));
      void message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const canCountWorkOrders = actor !== null && mayCall(api['workorders.stats'].access, actor);
  return (
    <Form layout="vertical" component="div" data-testid="ev-form">
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 6px' }}>
        {t('ev.form.survey')}
      </Typography.Text>
      <Space wrap align="end">
        <Form.Item label={t('ev.form.scale')} {...err('surveyScale')}>
          <Radio.Group value={v.surveyScale} onChange={(e) => setScale(e.target.value as SurveyScale)} optionType="button" options={SURVEY_SCALES.map((s) => ({ value: s, label: t('ev.form.scalePoints', { points: s }) }))} data-testid="ev-scale" />
        </Form.Item>
        <Form.Item>
          <Upload accept=".csv,.xlsx" showUploadList={false} maxCount={1} beforeUpload={(f) => (void importSurvey(f), false)} data-testid="ev-import">
            <Button>{t('ev.form.importSurvey')}</Button>
          </Upload>
        </Form.Item>
      </Space>
      <Space wrap size={[8, 0]}>
        {v.surveyCounts.map((c, i) => (
          <Form.Item key={c.point} label={t('ev.form.point', { point: c.point })} {...err(`surveyCounts.${i}.count`)} {...err(`surveyCounts.${i}.point`)} style={{ width: 92 }}>
            <InputNumber min={0} precision={0} value={c.count} onChange={(n) => setCount(c.point, n)} style={{ width: '100%' }} data-testid={`ev-count-${c.point}`} />
          </Form.Item>
        ))}
      </Space>
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 6px' }}>
        {t('ev.form.complaintsBlock')}
      </Typography.Text>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t(`ev.form.source.${v.complaintSource}`)}</Typography.Text>
        {canCountWorkOrders && (
          <Button size="small" onClick={() => void fromWorkOrders()} data-testid="ev-from-workorders">
            {t('ev.form.fromWorkOrders')}
          </Button>
        )}
      </Space>
      <Row gutter={12}>
        {COUNT_FIELDS.map((f) => (
          <Col span={12} key={f}>
            <Form.Item label={t(`ev.form.${f}`)} {...err(f)}>
              <InputNumber
                min={0}
                precision={0}
                value={v[f]}
                onChange={(n) => set({ [f]: n ?? 0, ...(f === 'complaints' || f === 'complaintsResolved' ? { complaintSource: 'manual' as const } : {}) })}
                style={{ width: '100%' }}
                data-testid={`ev-${f}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 6px' }}>
        {t('ev.form.incidents')}
      </Typography.Text>
      {v.incidents.map((inc, i) => (
        <Row gutter={8} key={i} data-testid={`ev-incident-${i}`}>
          <Col span={7}>
            <Form.Item {...err(`incidents.${i}.kind`)}>
              <Select value={inc.kind} onChange={(kind) => setIncident(i, { kind })} options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`ev.incident.${k}`) }))} data-testid={`ev-incident-kind-${i}`} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item {...err(`incidents.${i}.date`)}>
              <Input value={inc.date} placeholder={t('ev.form.incidentDate')} onChange={(e) => setIncident(i, { date: e.target.value })} data-testid={`ev-incident-date-${i}`} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item {...err(`incidents.${i}.description`)}>
              <Input value={inc.description} placeholder={t('ev.form.incidentDescription')} maxLength={500} onChange={(e) => setIncident(i, { description: e.target.value })} data-testid={`ev-incident-description-${i}`} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Button danger type="link" onClick={() => set({ incidents: v.incidents.filter((_, j) => j !== i) })}>
              {t('ev.form.removeIncident')}
            </Button>
          </Col>
        </Row>
      ))}
      <Button onClick={() => set({ incidents: [...v.incidents, { kind: 'customerReport', date: `${month}-01`, description: '' }] })} data-testid="ev-add-incident">
        {t('ev.form.addIncident')}
      </Button>
      {preview && (
        <Alert
          style={{ marginTop: 12 }}
          type={preview.checks.some((c) => c.status === 'fail') ? 'warning' : 'info'}
          message={`${t('ev.form.preview')} · ${t('ev.composite')} ${rateCell(preview.composite)}`}
          description={preview.checks.some((c) => c.status !== 'pass') ? <RuleChecklist checks={preview.checks} compact /> : undefined}
          data-testid="ev-preview"
        />
      )}
      <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={() => void save()} data-testid="ev-save">
        {t('ev.form.save')}
      </Button>
    </Form>
  );
}
