import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { POLICY_PARAMS, type PolicyGroup } from '../../../shared/policy/params';
import { ruleCitation, ruleStatement } from '../../../shared/policy/rule-texts';
import type { PolicyKey, PolicyValues, PolicyVersion } from '../../../shared/policy/schema';
import { dateInZone } from '../../../shared/policy/zoned-date';
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
  const [current, setCurrent] = useState<PolicyVersion | null>(null);
  const [versions, setVersions] = useState<PolicyVersion[]>([]);
  const [draft, setDraft] = useState<PolicyValues | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    let alive = true;
    const load = async () => {
      const [c, h] = await Promise.all([client.call('policy.current', {}), client.call('policy.history', {})]);
      if (!alive) return;
      setCurrent(c);
      setVersions(h);
      setDraft((d) => d ?? c.values);
      setEffectiveFrom((f) => f || dateInZone(Date.now(), c.values.timezone));
    };
    void load().catch(() => undefined);
    const off = client.onEvent((e) => e.type === 'changed' && e.tables.includes('policy_versions') && void load().catch(() => undefined));
    return () => {
      alive = false;
      off();
    };
  }, [client]);

  const rows = useMemo<Row[]>(() => (Object.keys(POLICY_PARAMS) as PolicyKey[]).map((key) => ({ key, group: POLICY_PARAMS[key].group })), []);
  if (!current || !draft) return <Card loading />;

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
    <Row gutter={16}>
      <Col span={16}>
        <Card title={t('policy.title')} data-testid="policy-editor">
          <Typography.Paragraph type="secondary">
            {t('policy.inForce', { from: current.effectiveFrom, who: current.createdByName || t('policy.builtIn'), when: current.createdAt.slice(0, 10) })}
          </Typography.Paragraph>
          {!canEdit && <Alert type="info" showIcon message={t('policy.readOnly')} style={{ marginBottom: 12 }} />}
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
                    <div key={id}>
                      <Typography.Text type="secondary">{ruleCitation(locale, id)}</Typography.Text>
                      <div>{ruleStatement(locale, id, draft)}</div>
                    </div>
                  )),
              },
            ]}
          />
          {canEdit && (
            <Form layout="inline" style={{ marginTop: 16 }} onFinish={() => void save()}>
              <Form.Item label={t('policy.effectiveFrom')} validateStatus={errors.effectiveFrom ? 'error' : undefined} help={errors.effectiveFrom}>
                <Input type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} data-testid="policy-effective-from" />
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
      <Col span={8}>
        <Card title={t('policy.audit')}>
          <PolicyAudit versions={versions} />
        </Card>
      </Col>
    </Row>
  );
}
