import { CallLabel } from './RecentCallPicker';
import { Button, Checkbox, Descriptions, Drawer, Input, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import type { EscalationView } from '../../../shared/escalation/schemas';
import { chainAbove, disagreed } from '../../../shared/escalation/rules';
import type { Role } from '../../../shared/auth/roles';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { RuleBasis, RuleCitation } from '../rules/RuleCitation';
import { useCenterToday } from '../../client/use-policy';
import { useI18n } from '../../i18n/i18n-store';
import { dateFormat } from '../../i18n/date-format';
import { categoryText, eventText, levelName, timeLeftText } from './escalation-text';

interface Props {
  report: EscalationView | null;
  directory: MethodOutput<'org.directory'>;
  now: number;
  onClose(): void;
  onChanged(): void;
}

/** One report: what and why, the timeline in full, follow-ups, and what the reader may do now. */
export function EscalationDetail({ report: e, directory, now, onClose, onChanged }: Props) {
  const t = useT();
  const person = (id: string) => directory.find((p) => p.userId === id)?.displayName ?? id;
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  // On the center's clock and in the reader's language, whatever zone the browser is in.
  const when = (iso: string) => dateFormat(locale, { timeZone: zone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return (
    <Drawer open={e !== null} onClose={onClose} width={560} title={e ? t('escalation.detail', { category: categoryText(t, e.category) }) : ''} data-testid="escalation-detail" destroyOnHidden>
      {e && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('escalation.col.reporter')}>{e.reporterName}</Descriptions.Item>
            <Descriptions.Item label={t('escalation.summary')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.summary}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('escalation.proposal')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.proposal}</Typography.Paragraph>
            </Descriptions.Item>
            {e.callId && (
              <Descriptions.Item label={t('escalation.callId')}>
                <CallLabel id={e.callId} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('escalation.col.holder')}>
              {e.holderId ? t('escalation.holder', { level: levelName(t, e.holderLevel), name: person(e.holderId) }) : t('escalation.holderAnyone', { level: levelName(t, e.holderLevel) })}{' '}
              <Tag>{t(`escalation.status.${e.status}`)}</Tag>
              {e.emergency && <Tag color="red">{t('escalation.emergencyTag')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('escalation.col.timeLeft')}>{timeLeftText(t, e, now)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('escalation.timeline')}</Typography.Title>
          <Timeline
            data-testid="escalation-timeline"
            items={e.timeline.map((ev, i) => ({
              key: i,
              color: ev.kind === 'auto-forwarded' ? 'red' : ev.kind === 'instructed' ? 'blue' : 'gray',
              children: (
                <div data-kind={ev.kind}>
                  <Typography.Text strong>{eventText(t, ev, person)}</Typography.Text>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {when(ev.at)}
                  </Typography.Text>{' '}
                  <RuleBasis ruleIds={ev.ruleIds} />
                  {ev.text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{ev.text}</Typography.Paragraph>}
                </div>
              ),
            }))}
          />
          {e.followUps.length > 0 && (
            <div data-testid="escalation-followups" style={{ marginBottom: 16 }}>
              <Typography.Title level={5}>
                {t('escalation.followUps')} <RuleCitation ruleId="escalate.emergency-skip" />
              </Typography.Title>
              {e.followUps.map((f) => (
                <div key={f.level}>
                  {f.done ? t('escalation.followUp.done', { level: levelName(t, f.level), who: person(f.done.by), at: when(f.done.at) }) : t('escalation.followUp.open', { level: levelName(t, f.level) })}
                </div>
              ))}
            </div>
          )}
          <Actions e={e} directory={directory} onChanged={onChanged} />
        </>
      )}
    </Drawer>
  );
}

function Actions({ e, directory, onChanged }: { e: EscalationView; directory: MethodOutput<'org.directory'>; onChanged(): void }) {
  const t = useT();
  const client = useClient();
  const { busy, submit } = useSubmit();
  const [text, setText] = useState('');
  const [toId, setToId] = useState<string>();
  const [emergency, setEmergency] = useState(false);
  const run = (action: () => Promise<unknown>, done?: string) =>
    submit(async () => {
      await action();
      setText('');
      onChanged();
      return done;
    });
  const chain = chainAbove(e.reporterRole as Role);
  const above = chain.slice(chain.indexOf(e.holderLevel) + 1);
  const upward = directory.filter((p) => p.active && above.some((l) => p.role === l));
  const forwardBox = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Select showSearch optionFilterProp="label" style={{ flex: 1 }} value={toId} onChange={setToId} placeholder={t('escalation.forwardTo')} data-testid="escalation-forward-to" options={upward.map((p) => ({ value: p.userId, label: `${p.displayName} · ${levelName(t, p.role)}` }))} />
        <Button disabled={!toId || busy} data-testid="escalation-forward" onClick={() => void run(() => client.call('escalation.forward', { id: e.id, toId: toId!, emergency, note: text }))}>
          {e.mine.asHolder ? t('escalation.forward') : t('escalation.raise')}
        </Button>
      </Space.Compact>
      {/* escalate.emergency-skip applies to a forward too: past the next level only with the flag, followed up. */}
      <Checkbox checked={emergency} onChange={(x) => setEmergency(x.target.checked)} data-testid="escalation-forward-emergency">
        {t('escalation.emergency')}
      </Checkbox>
    </Space>
  );
  const waitsForAck = e.turn === 'reporter';
  // escalate.instructions: executed first, then raised — the same test the handler applies.
  const mayRaise = e.mine.asReporter && e.status === 'open' && disagreed(e.timeline);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="escalation-actions">
      {e.mine.followUps.map((level) => (
        <Button key={level} data-testid={`escalation-informed-${level}`} onClick={() => void run(() => client.call('escalation.informed', { id: e.id, level }))}>
          {t('escalation.markInformed', { level: levelName(t, level) })}
        </Button>
      ))}
      {e.mine.asHolder && (
        <>
          <Input.TextArea rows={3} value={text} onChange={(x) => setText(x.target.value)} placeholder={t('escalation.instruction')} data-testid="escalation-instruction" />
          <Space wrap>
            <Button type="primary" loading={busy} disabled={!text.trim()} data-testid="escalation-instruct" onClick={() => void run(() => client.call('escalation.instruct', { id: e.id, text }), t('escalation.instructed'))}>
              {t('escalation.instruct')}
            </Button>
            <Button data-testid="escalation-resolve" onClick={() => void run(() => client.call('escalation.resolve', { id: e.id, note: text }))}>
              {t('escalation.resolve')}
            </Button>
          </Space>
          {above.length > 0 && forwardBox}
        </>
      )}
      {e.mine.asReporter && e.status === 'open' && waitsForAck && (
        <>
          <Input.TextArea rows={2} value={text} onChange={(x) => setText(x.target.value)} placeholder={t('escalation.disagreement')} data-testid="escalation-disagreement" />
          <Button type="primary" loading={busy} data-testid="escalation-acknowledge" onClick={() => void run(() => client.call('escalation.acknowledge', { id: e.id, disagreement: text }), t('escalation.acknowledged'))}>
            {t('escalation.acknowledge')}
          </Button>
        </>
      )}
      {mayRaise && above.length > 0 && forwardBox}
      {e.mine.asReporter && e.status !== 'closed' && (
        <Button danger data-testid="escalation-close" onClick={() => void run(() => client.call('escalation.close', { id: e.id, note: '' }))}>
          {t('escalation.close')}
        </Button>
      )}
    </Space>
  );
}
