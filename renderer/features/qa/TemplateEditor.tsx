import { Alert, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CRITICAL, SCALES, type Criterion, type TemplateBody } from '../../../shared/qa/schemas';
import { latestVersions, templateProblems, type TemplateProblem } from '../../../shared/qa/template';
import { LoadError } from '../../client/LoadError';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT, type T } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';
import { nameIn } from './qa-text';

/** What is wrong with a draft, in words (the same checks the handler refuses with). */
function problemText(t: T, p: TemplateProblem): string {
  if (p.kind === 'sectionWeights' || p.kind === 'criterionWeights') return t(`qa.tpl.problem.${p.kind}`, { sum: p.sum, total: p.total });
  return t(`qa.tpl.problem.${p.kind}`);
}

/**
 * A scorecard's next version: weights, scales, critical items and N/A per criterion, criteria added or
 * removed. Evaluations already made keep the version they were scored with; publishing is refused when the
 * weights do not sum as the scorecard says, or another edit was published first.
 */
export function TemplateEditor() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const { busy, submit } = useSubmit();
  const all = useQuery('qa.templates', {}, { tables: ['qa_templates'] });
  const latest = useMemo(() => latestVersions(all.data ?? []), [all.data]);
  const [templateId, setTemplateId] = useState<string>();
  const base = latest.find((x) => x.templateId === templateId) ?? latest.find((x) => x.builtin) ?? latest[0];
  const [draft, setDraft] = useState<{ from: string; body: TemplateBody } | null>(null);
  const [newName, setNewName] = useState<Record<string, string>>({});
  if (!base) return <LoadError error={all.error} onRetry={all.reload} />;
  const body: TemplateBody = draft && draft.from === base.id ? draft.body : { names: base.names, weightTotal: base.weightTotal, sections: base.sections };
  const edit = (next: TemplateBody) => setDraft({ from: base.id, body: next });
  const setCriterion = (si: number, ci: number, change: Partial<Criterion>) =>
    edit({ ...body, sections: body.sections.map((s, i) => (i !== si ? s : { ...s, criteria: s.criteria.map((c, j) => (j !== ci ? c : { ...c, ...change })) })) });
  const problems = templateProblems(body);
  const changed = draft !== null && draft.from === base.id;

  const publish = () =>
    submit(async () => {
      const v = await client.call('qa.publishTemplate', { id: crypto.randomUUID(), templateId: base.templateId, basedOn: base.version, ...body });
      setDraft(null);
      return t('qa.tpl.published', { version: v.version });
    });

  return (
    <Card
      data-testid="qa-templates"
      title={
        <Space>
          {t('qa.tpl.title')}
          <RuleCitation ruleId="qa.criteria" />
        </Space>
      }
      extra={
        latest.length > 1 && <Select style={{ width: 240 }} value={base.templateId} onChange={(v) => (setTemplateId(v), setDraft(null))} options={latest.map((x) => ({ value: x.templateId, label: nameIn(x.names, locale) }))} />
      }
    >
      <Typography.Paragraph>
        {nameIn(base.names, locale)} · {t('qa.form.version', { version: base.version })} · {t('qa.tpl.total', { total: body.weightTotal })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('qa.tpl.hint')}</Typography.Paragraph>
      {body.sections.map((s, si) => (
        <Card
          key={s.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space>
              {nameIn(s.names, locale)}
              <span>{t('qa.tpl.weight')}</span>
              <InputNumber size="small" min={0} max={1000} value={s.weight} onChange={(v) => edit({ ...body, sections: body.sections.map((x, i) => (i === si ? { ...x, weight: Number(v ?? 0) } : x)) })} />
            </Space>
          }
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={s.criteria}
            columns={[
              { title: t('qa.detail.criterion'), key: 'n', render: (_, c) => nameIn(c.names, locale) },
              { title: t('qa.tpl.weight'), key: 'w', width: 100, render: (_, c, ci) => (
                  <span data-testid={`qa-tpl-weight-${c.id}`}>
                    <InputNumber size="small" min={0} max={1000} value={c.weight} onChange={(v) => setCriterion(si, ci, { weight: Number(v ?? 0) })} />
                  </span>
                ) },
              { title: t('qa.tpl.scale'), key: 's', width: 130, render: (_, c, ci) => <Select size="small" style={{ width: 120 }} value={c.scale} onChange={(v) => setCriterion(si, ci, { scale: v })} options={SCALES.map((x) => ({ value: x, label: t(`qa.tpl.scale.${x}`) }))} /> },
              { title: t('qa.tpl.critical'), key: 'c', width: 170, render: (_, c, ci) => <Select size="small" style={{ width: 160 }} value={c.critical} onChange={(v) => setCriterion(si, ci, { critical: v })} options={CRITICAL.map((x) => ({ value: x, label: t(`qa.tpl.critical.${x}`) }))} /> },
              { title: t('qa.form.na'), key: 'na', width: 80, render: (_, c, ci) => <Checkbox checked={c.allowNa} onChange={(e) => setCriterion(si, ci, { allowNa: e.target.checked })} /> },
              {
                key: 'x',
                width: 70,
                render: (_, _c, ci) => (
                  <Button size="small" type="link" onClick={() => edit({ ...body, sections: body.sections.map((x, i) => (i === si ? { ...x, criteria: x.criteria.filter((_y, j) => j !== ci) } : x)) })}>
                    {t('qa.tpl.remove')}
                  </Button>
                ),
              },
            ]}
          />
          <Space.Compact style={{ marginTop: 8, maxWidth: 420 }}>
            <Input placeholder={t('qa.tpl.newCriterion')} value={newName[s.id] ?? ''} maxLength={80} onChange={(e) => setNewName({ ...newName, [s.id]: e.target.value })} />
            <Button
              disabled={!(newName[s.id] ?? '').trim()}
              onClick={() => {
                const name = newName[s.id]!.trim();
                const c: Criterion = { id: `c-${crypto.randomUUID().slice(0, 8)}`, names: { 'zh-CN': name, 'zh-TW': '', en: '' }, weight: 0, scale: 'likert5', critical: 'none', allowNa: false };
                edit({ ...body, sections: body.sections.map((x, i) => (i === si ? { ...x, criteria: [...x.criteria, c] } : x)) });
                setNewName({ ...newName, [s.id]: '' });
              }}
            >
              {t('qa.tpl.add')}
            </Button>
          </Space.Compact>
        </Card>
      ))}
      {problems.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={problems.map((p) => problemText(t, p)).join(' · ')} data-testid="qa-tpl-problems" />}
      <Space>
        <Button type="primary" loading={busy} disabled={!changed || problems.length > 0} onClick={() => void publish()} data-testid="qa-tpl-publish">
          {t('qa.tpl.publish', { version: base.version + 1 })}
        </Button>
        <Button disabled={!changed} onClick={() => setDraft(null)}>
          {t('qa.form.cancel')}
        </Button>
      </Space>
    </Card>
  );
}
