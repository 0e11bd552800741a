import { App, Button, Card, Checkbox, Col, Form, Input, Row, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CALL_CATEGORIES, CallLogInputSchema } from '../../../shared/calls/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages, localIssues } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { START_CALL_KEY, useIntent } from '../../app/shortcuts';
import { isDraftEmpty, useCallDraft, type CallDraft } from './call-draft-store';
import { CallTimer } from './CallTimer';
import { askForCall } from './start-call';
import { useNav } from '../../app/nav-store';
import { CallerHint } from './CallerHint';
import { CategoryPicker } from './CategoryPicker';
import { formatDuration } from './format';

/** Alt+1…5 by the key's position, so it works whatever the keyboard layout puts on the digit keys. */
function categoryKey(e: KeyboardEvent): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const m = /^(?:Digit|Numpad)([1-5])$/.exec(e.code) ?? /^([1-5])$/.exec(e.key);
  return m ? Number(m[1]) : null;
}

/**
 * Log a call without the mouse (README, "Logging a call"): F2 (the shell) starts it with its timer, Tab
 * moves through phone, name, category, summary, outcome, follow-up; Alt+1…5 picks the category from any
 * field; Space ticks follow-up; Enter saves and stops the timer (Shift+Enter: a new line; Enter while an
 * IME composes is the IME's); Esc discards, asking first when something was typed.
 */
export function CallLogPanel() {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { message, modal } = App.useApp();
  const { draft: stored, update, clear } = useCallDraft();
  const draft = stored?.ownerId === actor.userId ? stored : null;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const phoneRef = useRef<InputRef>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirming = useRef(false);
  const intent = useIntent((s) => (s.pending === 'startCall' ? s.seq : 0));

  // F2, pressed on this screen or any other: the form is open (the shell started the draft); go to the phone.
  useEffect(() => {
    if (!intent || !draft) return;
    if (useIntent.getState().take('startCall')) phoneRef.current?.focus();
  }, [intent, draft]);

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
    // The phone system's end when it told us (telephony hook), else the moment Enter was pressed.
    const endedAt = d.endedAt ?? new Date().toISOString();
    const input = { ...d, category: d.category ?? undefined, endedAt };
    const parsed = CallLogInputSchema.safeParse(input);
    if (!parsed.success) {
      const msgs = fieldMessages(t, localIssues(parsed.error, input));
      if (msgs.category !== undefined && d.category === null) msgs.category = t('calls.log.pickCategory');
      setErrors(msgs);
      void message.warning(t('calls.log.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const saved = await client.call('calls.log', parsed.data);
      void message.success(t('calls.log.saved', { phone: saved.customerPhone, duration: formatDuration(saved.durationSec) }));
      finish();
    } catch (err) {
      if (err instanceof CallError && err.wire.fields?.length) setErrors(fieldMessages(t, err.wire.fields, err.wire.params));
      void message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  // The Discard button and Esc ask the same question; the dialog opens on "keep" and is all keyboard.
  const discard = (d: CallDraft) => {
    if (isDraftEmpty(d)) return finish();
    if (confirming.current) return;
    confirming.current = true;
    modal.confirm({
      title: t('calls.log.discardConfirm'),
      okText: t('calls.log.discardOk'),
      cancelText: t('calls.log.keep'),
      okButtonProps: { danger: true, 'data-testid': 'call-discard-ok' } as never,
      cancelButtonProps: { 'data-testid': 'call-discard-keep' } as never,
      autoFocusButton: 'cancel',
      onOk: () => {
        confirming.current = false;
        finish();
      },
      onCancel: () => {
        confirming.current = false;
      },
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Enter (or Esc) while an IME composes Chinese belongs to the IME.
    if (!draft || e.nativeEvent.isComposing || e.keyCode === 229) return;
    // While the discard question is open, keys are the question's, even if the focus slipped back to the form.
    if (confirming.current) {
      if (e.key === 'Enter' || e.key === 'Escape') e.preventDefault();
      return;
    }
    const target = e.target as HTMLElement;
    const n = categoryKey(e);
    if (n !== null) {
      e.preventDefault();
      set({ category: CALL_CATEGORIES[n - 1]! });
    } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // The form's own buttons do what they say; Enter anywhere else saves.
      if (target.tagName === 'BUTTON' && target.getAttribute('role') !== 'radio') return;
      e.preventDefault();
      if (!saving) void save(draft);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      // This Esc opens the question; it must not also reach the dialogs' window-wide Esc listener and close it.
      e.stopPropagation();
      const d = draft;
      window.setTimeout(() => discard(d), 0);
    }
  };

  const set = (patch: Partial<CallDraft>) => {
    update(patch);
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  if (!draft)
    return (
      <Card size="small">
        <Space wrap>
          <Button type="primary" ref={startRef} onClick={() => askForCall(actor.userId, useNav.getState().show)} data-testid="start-call">
            {t('calls.log.start')} ({START_CALL_KEY})
          </Button>
          <Typography.Text type="secondary">{t('calls.log.startHint', { key: START_CALL_KEY })}</Typography.Text>
        </Space>
      </Card>
    );

  const item = (field: string) => ({ validateStatus: errors[field] ? ('error' as const) : undefined, help: errors[field] });

  return (
    <Card size="small" title={t('calls.log.title')} extra={<CallTimer startedAt={draft.startedAt} endedAt={draft.endedAt} label={t('calls.log.running')} />}>
      <div onKeyDown={onKeyDown} data-testid="call-form">
        <Form layout="vertical" component="div">
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
          <CallerHint phone={draft.customerPhone} draftId={draft.id} />
          <Form.Item label={t('calls.log.category')} required {...item('category')}>
            <CategoryPicker value={draft.category} onChange={(category) => set({ category })} invalid={Boolean(errors.category)} />
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
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Text type="secondary">{t('calls.log.keysHint')}</Typography.Text>
            <Space>
              <Button onClick={() => discard(draft)} data-testid="call-discard">
                {t('calls.log.discard')}
              </Button>
              <Button type="primary" loading={saving} onClick={() => void save(draft)} data-testid="call-save">
                {t('calls.log.save')}
              </Button>
            </Space>
          </div>
        </Form>
      </div>
    </Card>
  );
}
