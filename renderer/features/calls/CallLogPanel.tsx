import { App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { zodIssues } from '../../../shared/api/zod-issues';
import { CALL_CATEGORIES, CallLogInputSchema } from '../../../shared/calls/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { isDraftEmpty, useCallDraft, type CallDraft } from './call-draft-store';
import { CallTimer } from './CallTimer';
import { formatDuration } from './format';

export const START_KEY = 'F2';

/** Log a call without the mouse: F2 starts (timer runs), Tab moves, Enter saves and stops the timer. */
export function CallLogPanel() {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { message, modal } = App.useApp();
  const { draft: stored, start, update, clear } = useCallDraft();
  const draft = stored?.ownerId === actor.userId ? stored : null;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const phoneRef = useRef<InputRef>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== START_KEY) return;
      e.preventDefault();
      if (!useCallDraft.getState().draft) start(actor.userId);
      phoneRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actor.userId, start]);

  useEffect(() => {
    if (draft) phoneRef.current?.focus();
    // Focus only when a new draft appears, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft?.id]);

  const finish = () => {
    clear();
    setErrors({});
    window.setTimeout(() => startRef.current?.focus(), 0);
  };

  const save = async (d: CallDraft) => {
    const endedAt = new Date().toISOString();
    const input = { ...d, category: d.category ?? undefined, endedAt };
    const parsed = CallLogInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldMessages(t, zodIssues(parsed.error)));
      void message.warning(t('calls.log.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const saved = await client.call('calls.log', parsed.data);
      void message.success(t('calls.log.saved', { phone: saved.customerPhone, duration: formatDuration(saved.durationSec) }));
      finish();
    } catch (err) {
      if (err instanceof CallError && err.wire.fields?.length) setErrors(fieldMessages(t, err.wire.fields));
      void message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  const discard = (d: CallDraft) => {
    if (isDraftEmpty(d)) return finish();
    modal.confirm({
      title: t('calls.log.discardConfirm'),
      okText: t('calls.log.discardOk'),
      cancelText: t('calls.log.keep'),
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      onOk: finish,
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!draft || e.nativeEvent.isComposing) return; // Enter while an IME composes Chinese belongs to the IME.
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      if (!saving) void save(draft);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      discard(draft);
    } else if (e.altKey && /^[1-5]$/.test(e.key)) {
      e.preventDefault();
      update({ category: CALL_CATEGORIES[Number(e.key) - 1]! });
    }
  };

  if (!draft)
    return (
      <Card size="small">
        <Space>
          <Button type="primary" ref={startRef} onClick={() => start(actor.userId)} data-testid="start-call">
            {t('calls.log.start')} ({START_KEY})
          </Button>
          <Typography.Text type="secondary">{t('calls.log.startHint', { key: START_KEY })}</Typography.Text>
        </Space>
      </Card>
    );

  const item = (field: string) => ({ validateStatus: errors[field] ? ('error' as const) : undefined, help: errors[field] });
  const set = (patch: Partial<CallDraft>) => {
    update(patch);
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  return (
    <Card size="small" title={t('calls.log.title')} extra={<CallTimer startedAt={draft.startedAt} label={t('calls.log.running')} />}>
      <Form layout="vertical" onKeyDown={onKeyDown} data-testid="call-form" component="div">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('calls.log.phone')} required {...item('customerPhone')}>
              <Input ref={phoneRef} value={draft.customerPhone} onChange={(e) => set({ customerPhone: e.target.value })} inputMode="tel" data-testid="call-phone" maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('calls.log.name')} {...item('customerName')}>
              <Input value={draft.customerName} onChange={(e) => set({ customerName: e.target.value })} data-testid="call-name" maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('calls.log.category')} required {...item('category')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={draft.category}
            onChange={(e) => set({ category: e.target.value })}
            data-testid="call-category"
            options={CALL_CATEGORIES.map((c, i) => ({ value: c, label: `${i + 1} ${t(`category.${c}`)}` }))}
          />
        </Form.Item>
        <Form.Item label={t('calls.log.summary')} required {...item('summary')}>
          <Input.TextArea value={draft.summary} onChange={(e) => set({ summary: e.target.value })} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="call-summary" maxLength={2000} />
        </Form.Item>
        <Row gutter={16} align="bottom">
          <Col span={18}>
            <Form.Item label={t('calls.log.outcome')} required {...item('outcome')}>
              <Input value={draft.outcome} onChange={(e) => set({ outcome: e.target.value })} data-testid="call-outcome" maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item>
              <Checkbox checked={draft.followUp} onChange={(e) => set({ followUp: e.target.checked })} data-testid="call-follow-up">
                {t('calls.log.followUp')}
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {errors.endedAt && <Typography.Text type="danger">{errors.endedAt}</Typography.Text>}
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{t('calls.log.keysHint')}</Typography.Text>
          <Space>
            <Button onClick={() => discard(draft)}>{t('calls.log.discard')}</Button>
            <Button type="primary" loading={saving} onClick={() => void save(draft)} data-testid="call-save">
              {t('calls.log.save')}
            </Button>
          </Space>
        </Space>
      </Form>
    </Card>
  );
}
