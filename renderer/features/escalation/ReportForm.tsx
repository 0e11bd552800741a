import { RecentCallPicker } from './RecentCallPicker';
import { Alert, Button, Card, Checkbox, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { checkCategoryRoute, checkProposal, checkRoute } from '../../../shared/escalation/rules';
import { ESCALATION_CATEGORIES, type EscalationCategory } from '../../../shared/escalation/schemas';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleChecklist } from '../rules/RuleChecklist';
import { categoryText, levelName } from './escalation-text';
import { useReportSeed } from './open-report';

/**
 * The report up the chain: category, what happened, the proposed handling (escalate.proposal), optionally a
 * call, and whom it goes to — the chain is offered nearest level first; a higher level only with the
 * emergency box ticked, and the form says which levels will be informed afterwards. The desk checks the
 * same rules as the handler before sending; the server checks them again.
 */
export function ReportForm({ chain, onSent }: { chain: MethodOutput<'escalation.chain'>; onSent(): void }) {
  const t = useT();
  const client = useClient();
  const { busy, submit } = useSubmit();
  const [category, setCategory] = useState<EscalationCategory>();
  const [summary, setSummary] = useState('');
  const [proposal, setProposal] = useState('');
  const [callId, setCallId] = useState('');
  const [toId, setToId] = useState<string>();
  const [emergency, setEmergency] = useState(false);
  const [helpId, setHelpId] = useState<string | null>(null);
  const seed = useReportSeed((s) => s.seed);
  // A raised hand written up: its call and note start the form, and the report will close and link it.
  useEffect(() => {
    if (!seed) return;
    setHelpId(seed.helpId);
    setCallId(seed.callId ?? '');
    setSummary(seed.summary);
    setCategory('customer-trouble');
    useReportSeed.getState().set(null);
  }, [seed]);
  const to = chain.findIndex((s) => s.people.some((p) => p.userId === toId));
  const route = toId ? checkRoute({ chain: chain.map((s) => s.level), from: -1, to, emergency }) : null;
  const byCategory = category && toId ? checkCategoryRoute(category, chain.map((s) => s.level), to) : null;
  const checks = [...(route?.checks ?? []), ...(byCategory ? [byCategory] : []), ...(proposal ? [checkProposal(proposal)] : [])];
  const ready = category && summary.trim() && proposal.trim() && route && !checks.some((c) => c.status === 'fail');

  const send = () =>
    submit(async () => {
      if (!ready || !toId) return;
      await client.call('escalation.report', { id: crypto.randomUUID(), category, summary, proposal, callId: callId.trim() || null, toId, emergency, helpId });
      const name = chain.flatMap((s) => s.people).find((p) => p.userId === toId)?.displayName ?? '';
      setSummary('');
      setProposal('');
      setCallId('');
      setEmergency(false);
      setToId(undefined);
      setHelpId(null);
      onSent();
      return t('escalation.sent', { name });
    });

  return (
    <Card size="small" title={t('escalation.new')} style={{ marginBottom: 16 }} data-testid="escalation-form">
      <Form layout="vertical" style={{ maxWidth: 640 }} onFinish={() => void send()}>
        <Form.Item label={t('escalation.category')} required>
          <Select showSearch optionFilterProp="label" value={category} onChange={setCategory} data-testid="escalation-category" options={ESCALATION_CATEGORIES.map((c) => ({ value: c, label: categoryText(t, c) }))} />
        </Form.Item>
        <Form.Item label={t('escalation.summary')} required>
          <Input.TextArea rows={3} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} data-testid="escalation-summary" />
        </Form.Item>
        <Form.Item label={t('escalation.proposal')} required extra={t('escalation.proposalHelp')}>
          <Input.TextArea rows={2} maxLength={2000} value={proposal} onChange={(e) => setProposal(e.target.value)} data-testid="escalation-proposal" />
        </Form.Item>
        <Form.Item label={t('escalation.callId')}>
          <RecentCallPicker value={callId} onChange={setCallId} />
        </Form.Item>
        <Form.Item label={t('escalation.to')} required extra={t('escalation.toHelp')}>
          <Select
            showSearch
            optionFilterProp="label"
            value={toId}
            onChange={setToId}
            data-testid="escalation-to"
            options={chain.map((s) => ({ label: levelName(t, s.level), options: s.people.map((p) => ({ value: p.userId, label: `${p.displayName} · ${levelName(t, s.level)}` })) }))}
          />
        </Form.Item>
        <Form.Item extra={t('escalation.emergencyHelp')}>
          <Checkbox checked={emergency} onChange={(e) => setEmergency(e.target.checked)} data-testid="escalation-emergency">
            {t('escalation.emergency')}
          </Checkbox>
        </Form.Item>
        {route && route.skipped.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('escalation.skips', { levels: route.skipped.map((l) => levelName(t, l)).join('、') })} />}
        {checks.length > 0 && <RuleChecklist checks={checks} compact={false} />}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!ready} data-testid="escalation-send">
          {t('escalation.send')}
        </Button>
      </Form>
    </Card>
  );
}
