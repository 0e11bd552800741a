import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { gateCall } from '../../../shared/handover/notice-gate';
import type { Notice } from '../../../shared/handover/notices';
import { useCenterToday } from '../../client/use-policy';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleCitation } from '../rules/RuleCitation';
import { useNoticeGate } from './notice-gate-store';
import { hhmm } from './time-text';

const KIND_COLOR = { business: 'blue', offer: 'green', urgent: 'red' } as const;

/**
 * In front of the call log (handover.read-notices). When the agent asked for a call with notices unread, the
 * oldest one stands in the log's place: Enter (or the button) records it read, with the same receipt the
 * publisher sees, then the next one or the call log. Otherwise (a ringing call popped the log) the notice is
 * shown above the log without holding it, to read when the call allows.
 * `onDone`: every notice read while the log was held: open it.
 */
export function NoticeGate({ onDone }: { onDone(): void }) {
  const t = useT();
  const client = useClient();
  const { zone } = useCenterToday();
  const { submit, busy } = useSubmit();
  const toRead = useNoticeGate((s) => s.toRead);
  const holding = useNoticeGate((s) => s.holding);
  const gate = gateCall(holding ? 'key' : 'ring', toRead);
  const button = useRef<HTMLButtonElement>(null);
  const reading = useRef(false);

  // Read on another screen or desk meanwhile: nothing left to hold the call for.
  useEffect(() => {
    if (holding && toRead.length === 0) {
      useNoticeGate.getState().release();
      onDone();
    }
  }, [holding, toRead.length, onDone]);

  const read = async (n: Notice) => {
    if (reading.current) return;
    reading.current = true;
    try {
      const ok = await submit(async () => {
        await client.call('notice.read', { id: n.id });
      });
      if (!ok) return;
      // The feed reloads on the receipt's change event; until then this one is already off the list.
      const s = useNoticeGate.getState();
      s.setToRead(s.toRead.filter((x) => x.id !== n.id));
    } finally {
      reading.current = false;
    }
  };

  useEffect(() => {
    if (!gate.blocks) return;
    button.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      if (gate.show) void read(gate.show);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // Re-armed per notice shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gate.blocks, gate.show?.id]);

  const n = gate.show;
  if (!n) return null;
  const body = (
    <>
      <Space wrap>
        <Tag color={KIND_COLOR[n.kind]}>{t(`notice.kind.${n.kind}`)}</Tag>
        <Typography.Text strong>{n.title}</Typography.Text>
        <Typography.Text type="secondary">{t('notice.by', { name: n.publishedByName, time: hhmm(n.publishedAt, zone) })}</Typography.Text>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }} data-testid="notice-gate-body">
        {n.body}
      </div>
    </>
  );

  if (!gate.blocks)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="notice-gate"
        data-blocking="no"
        data-notice={n.id}
        title={t('notice.gate.ringing')}
        description={body}
        action={
          <Button size="small" loading={busy} onClick={() => void read(n)} data-testid="notice-gate-read">
            {t('notice.gate.readNow')}
          </Button>
        }
      />
    );

  return (
    <Card
      title={t('notice.gate.title')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('notice.gate.left', { count: gate.left })}</Typography.Text>
          <RuleCitation ruleId="handover.read-notices" />
        </Space>
      }
      data-testid="notice-gate"
      data-blocking="yes"
      data-notice={n.id}
      style={{ borderColor: '#faad14' }}
    >
      {body}
      <Button type="primary" ref={button} loading={busy} onClick={() => void read(n)} data-testid="notice-gate-read">
        {t(gate.left > 1 ? 'notice.gate.readNext' : 'notice.gate.readStart')}
      </Button>
    </Card>
  );
}
