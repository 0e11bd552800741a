import { Button, Card, Checkbox, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import { MEETING_ITEMS, type MeetingItem, type MeetingItems } from '../../../shared/briefing/schemas';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { hhmm } from '../handover/time-text';
import { RuleCitation } from '../rules/RuleCitation';
import { dayText } from '../swap/swap-text';
import type { ShiftPick } from './pick';
import { ShiftPicker, useDefaultPick } from './ShiftPicker';

const EMPTY: MeetingItems = Object.fromEntries(MEETING_ITEMS.map((k) => [k, { nothing: false, text: '' }])) as MeetingItems;

/**
 * The handover meeting (handover.meeting): who of the outgoing and incoming shift attended (prefilled from
 * check-ins), and the four things handed over, each said or marked "nothing" on purpose. Final once saved;
 * corrections are appended below it.
 */
export function MeetingPage({ actor }: { actor: Actor }) {
  const t = useT();
  const names = useNames();
  const client = useClient();
  const { today } = useCenterToday();
  const { submit, busy } = useSubmit();
  const [chosen, setChosen] = useState<ShiftPick | null>(null);
  const fallback = useDefaultPick(actor, today);
  const pick = chosen ?? fallback;
  const ready = pick.teamId !== '' && pick.shiftCode !== '';
  const sheet = useQuery('briefing.meetingSheet', ready ? { date: pick.date, teamId: pick.teamId, fromShift: pick.shiftCode } : null, { tables: ['attendance', 'roster'] });
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [items, setItems] = useState<MeetingItems>(EMPTY);
  const key = JSON.stringify(sheet.data?.attendees.map((a) => [a.userId, a.present]) ?? []);
  useEffect(() => setPresent(Object.fromEntries((sheet.data?.attendees ?? []).map((a) => [a.userId, a.present]))), [key, sheet.data?.attendees]);
  const setItem = (k: MeetingItem, patch: Partial<MeetingItems[MeetingItem]>) => setItems((x) => ({ ...x, [k]: { ...x[k], ...patch } }));
  const list = useQuery('briefing.meetings', { from: new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10) }, { tables: ['handover_meetings'] });

  const save = () =>
    submit(async () => {
      await client.call('briefing.holdMeeting', { id: crypto.randomUUID(), date: pick.date, teamId: pick.teamId, fromShift: pick.shiftCode, attendees: Object.entries(present).map(([userId, p]) => ({ userId, present: p })), items });
      setItems(EMPTY);
      list.reload();
      return t('meeting.saved');
    });

  const s = sheet.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('meeting.title')} extra={<RuleCitation ruleId="handover.meeting" />} data-testid="meeting">
        <ShiftPicker actor={actor} value={pick} onChange={setChosen} shiftLabel={t('meeting.fromShift')} />
        <LoadError error={sheet.error} onRetry={sheet.reload} />
        {s && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} size={12}>
            <Typography.Text type="secondary">{s.toShift ? t('meeting.between', { from: names.shift(pick.shiftCode), to: names.shift(s.toShift) }) : t('meeting.noNext')}</Typography.Text>
            {(['outgoing', 'incoming'] as const).map((side) => (
              <div key={side}>
                <Typography.Text strong>{t(`meeting.side.${side}`)}</Typography.Text>
                <div>
                  {s.attendees.filter((a) => a.side === side).length === 0 && <Typography.Text type="secondary">{t('meeting.nobody')}</Typography.Text>}
                  {s.attendees
                    .filter((a) => a.side === side)
                    .map((a) => (
                      <Checkbox key={a.userId} checked={present[a.userId] ?? false} onChange={(e) => setPresent((x) => ({ ...x, [a.userId]: e.target.checked }))}>
                        {a.name}
                      </Checkbox>
                    ))}
                </div>
              </div>
            ))}
            {MEETING_ITEMS.map((k) => (
              <div key={k} data-item={k}>
                <Space>
                  <Typography.Text strong>{t(`meeting.item.${k}`)}</Typography.Text>
                  <Checkbox checked={items[k].nothing} onChange={(e) => setItem(k, { nothing: e.target.checked })}>
                    {t('meeting.nothing')}
                  </Checkbox>
                </Space>
                {!items[k].nothing && <Input.TextArea rows={2} value={items[k].text} onChange={(e) => setItem(k, { text: e.target.value })} maxLength={2000} />}
              </div>
            ))}
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="meeting-save">
              {t('meeting.save')}
            </Button>
          </Space>
        )}
      </Card>
      <MeetingList meetings={list.data ?? []} error={list.error} reload={list.reload} mayCorrect />
    </Space>
  );
}

type MeetingView = NonNullable<ReturnType<typeof useQuery<'briefing.meetings'>>['data']>[number];

/** Saved meetings, newest first, each with its corrections; a lead appends one. */
export function MeetingList({ meetings, error, reload, mayCorrect }: { meetings: readonly MeetingView[]; error: string | null; reload(): void; mayCorrect: boolean }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const client = useClient();
  const { zone } = useCenterToday();
  const { submit } = useSubmit();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const correct = (id: string) => submit(async () => (await client.call('briefing.correctMeeting', { id, text: draft[id] ?? '' }), setDraft((d) => ({ ...d, [id]: '' })), reload(), t('meeting.corrected')));
  return (
    <Card size="small" title={t('meeting.recent')}>
      <LoadError error={error} onRetry={reload} />
      {meetings.length === 0 && <Typography.Text type="secondary">{t('meeting.noneYet')}</Typography.Text>}
      {meetings.map((m) => (
        <div key={m.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="meeting-record">
          <Space wrap size={6}>
            <Typography.Text strong>{`${dayText(locale, m.date)} ${names.team(m.teamId)} ${t('meeting.between', { from: names.shift(m.fromShift), to: m.toShift ? names.shift(m.toShift) : '—' })}`}</Typography.Text>
            <Typography.Text type="secondary">{t('meeting.heldBy', { name: m.heldByName, time: hhmm(m.heldAt, zone) })}</Typography.Text>
            <Tag>{t('meeting.attended', { present: m.attendees.filter((a) => a.present).length, all: m.attendees.length })}</Tag>
          </Space>
          {MEETING_ITEMS.map((k) => (
            <div key={k}>
              <Typography.Text type="secondary">{t(`meeting.item.${k}`)}</Typography.Text>{' '}
              <span style={{ whiteSpace: 'pre-wrap' }}>{m.items[k].nothing ? t('meeting.nothing') : m.items[k].text}</span>
            </div>
          ))}
          {m.corrections.map((c, i) => (
            <div key={i}>
              <Tag color="orange">{t('meeting.correction')}</Tag>
              {c.text} <Typography.Text type="secondary">{`${c.byName} ${hhmm(c.at, zone)}`}</Typography.Text>
            </div>
          ))}
          {mayCorrect && (
            <Space.Compact style={{ marginTop: 4, width: '100%', maxWidth: 520 }}>
              <Input value={draft[m.id] ?? ''} onChange={(e) => setDraft((d) => ({ ...d, [m.id]: e.target.value }))} placeholder={t('meeting.correctionHint')} maxLength={1000} />
              <Button disabled={!(draft[m.id] ?? '').trim()} onClick={() => void correct(m.id)}>
                {t('meeting.addCorrection')}
              </Button>
            </Space.Compact>
          )}
        </div>
      ))}
    </Card>
  );
}
