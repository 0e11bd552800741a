import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { POLICY_PARAMS, type PolicyGroup } from '../../../shared/policy/params';
import { statementOf } from '../../../shared/rules/describe';
import { RuleCitation } from '../rules/RuleCitation';
import type { PolicyKey, PolicyValues } from '../../../shared/policy/schema';
import { dateInZone } from '../../../shared/policy/zoned-date';
import { LoadError } from '../../client/LoadError';
import { useQuery } from '../../client/use-query';
import { DateField } from '../calendar/DateField';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { isMessageKey } from '../../i18n/catalogues';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { PolicyAudit } from './PolicyAudit';
import { PolicyValueInput } from './PolicyValueInput';

interface Row {
  key: PolicyKey;
  group: PolicyGroup;
}

/** Directors read the center's rule parameters and their history; the center director edits them. */
export function PolicyPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { message } = App.useApp();
  const canEdit = mayCall(api['policy.update'].access, actor);
  const currentQ = useQuery('policy.current', {}, { tables: ['policy_versions'] });
  const historyQ = useQuery('policy.history', {}, { tables: ['policy_versions'] });
  const current = currentQ.data;
  const versions = historyQ.data ?? [];
  // The edit in progress over the version in force; the effective date defaults to today on the center's clock.
  const [edited, setDraft] = useState<PolicyValues | null>(null);
  const [pickedFrom, setEffectiveFrom] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const rows = useMemo<Row[]>(() => (Object.keys(POLICY_PARAMS) as PolicyKey[]).map((key) => ({ key, group: POLICY_PARAMS[key].group })), []);
  const loadError = <LoadError error={currentQ.error ?? historyQ.error} onRetry={() => (currentQ.reload(), historyQ.reload())} />;
  if (!current) return currentQ.error ? loadError : <Card loading />;
  const draft = edited ?? current.values;
  const today = dateInZone(Date.now(), current.values.timezone);
  const effectiveFrom = pickedFrom ?? today;

  const save = async () => {
    try {
      const saved = await client.call('policy.update', { id: crypto.randomUUID(), effectiveFrom, values: draft, note });
      setErrors({});
      setNote('');
      void message.success(t('policy.saved', { from: saved.effectiveFrom }));
    } catch (err) {
      if (err instanceof CallError && err.wire.fields) setErrors(fieldMessages(t, err.wire.fields));
      void message.error(errorText(t, err));
    }
  };

  const unitText = (k: PolicyKey) => {
    const key = `policy.unit.${POLICY_PARAMS[k].unit}`;
    return isMessageKey(key) ? t(key) : '';
  };

  return (
    <Row gutter={[16, 16]}>
      {(currentQ.error ?? historyQ.error) && <Col span={24}>{loadError}</Col>}
      <Col xs={24} xxl={16}>
        <Card title={t('policy.title')} data-testid="policy-editor">
          <Typography.Paragraph type="secondary">
            {current.createdBy === 'system'
              ? t('policy.inForceBuiltIn')
              : t('policy.inForce', { from: current.effectiveFrom, who: current.createdByName, when: dateInZone(current.createdAt, current.values.timezone) })}
          </Typography.Paragraph>
          {!canEdit && <Alert type="info" showIcon title={t('policy.readOnly')} style={{ marginBottom: 12 }} />}
          <Table<Row>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('policy.param'), width: 200, render: (_, r) => <Space direction="vertical" size={0}><Tag>{t(`policy.group.${r.group}`)}</Tag>{t(`policy.param.${r.key}`)}</Space> },
              {
                title: t('policy.value'),
                width: 220,
                render: (_, r) => (
                  <Form.Item style={{ margin: 0 }} validateStatus={errors[`values.${r.key}`] ? 'error' : undefined} help={errors[`values.${r.key}`]}>
                    <Space>
                      <PolicyValueInput name={r.key} value={draft[r.key]} disabled={!canEdit} onChange={(v) => setDraft({ ...draft, [r.key]: v } as PolicyValues)} />
                      {unitText(r.key)}
                    </Space>
                  </Form.Item>
                ),
              },
              {
                title: t('policy.rule'),
                render: (_, r) =>
                  POLICY_PARAMS[r.key].ruleIds.map((id) => (
                    // The rule in words, its ID and source cited small beside it.
                    <div key={id} style={{ marginBottom: 4 }}>
                      {statementOf({ locale, policy: draft }, id)} <RuleCitation ruleId={id} />
                    </div>
                  )),
              },
            ]}
          />
          {canEdit && (
            <Form layout="inline" style={{ marginTop: 16 }} onFinish={() => void save()}>
              <Form.Item label={t('policy.effectiveFrom')} validateStatus={errors.effectiveFrom ? 'error' : undefined} help={errors.effectiveFrom}>
                <DateField value={effectiveFrom} min={today} onChange={(d) => setEffectiveFrom(d)} status={errors.effectiveFrom ? 'error' : undefined} data-testid="policy-effective-from" />
              </Form.Item>
              <Form.Item label={t('policy.note')}>
                <Input value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 260 }} maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" data-testid="policy-save">
                {t('policy.save')}
              </Button>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} xxl={8}>
        <Card title={t('policy.audit')}>
          <PolicyAudit versions={versions} />
        </Card>
      </Col>
    </Row>
  );
}
