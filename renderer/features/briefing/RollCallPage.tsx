import { Alert, Button, Card, Checkbox, Empty, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import { MARKS, type Mark } from '../../../shared/briefing/schemas';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { hhmm } from '../handover/time-text';
import { RuleBasis } from '../rules/RuleCitation';
import { dayText } from '../swap/swap-text';
import { IssueText } from './IssueText';
import { useShiftPick, type ShiftPick } from './pick';
import { ShiftPicker, useDefaultPick } from './ShiftPicker';

const MARK_COLOR: Record<Mark, string> = { present: 'green', late: 'orange', absent: 'red', leave: 'blue' };
type Line = { mark: Mark; remark: string };

/**
 * Roll call (with remarks per person) of a team's shift: who is due comes from the live floor (checked in, late, on leave, not
 * in), each with the mark it suggests; the lead corrects marks, writes a remark per person and general ones,
 * and ticks which of QA's common issues were briefed (qa.rollcall). Saving again makes a new revision.
 */
export function RollCallPage({ actor }: { actor: Actor }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const client = useClient();
  const { today, zone } = useCenterToday();
  const { submit, busy } = useSubmit();
  const fromFloor = useShiftPick((s) => s.pick);
  const [chosen, setChosen] = useState<ShiftPick | null>(null);
  // The floor's button wins once: it is what the lead clicked to get here.
  useEffect(() => {
    if (fromFloor) {
      setChosen(fromFloor);
      useShiftPick.getState().set(null);
    }
  }, [fromFloor]);
  const fallback = useDefaultPick(actor, today);
  const pick = chosen ?? fallback;
  const ready = pick.teamId !== '' && pick.shiftCode !== '';
  const sheet = useQuery('briefing.rollCallSheet', ready ? pick : null, { tables: ['attendance', 'roster', 'leave_requests', 'roll_calls', 'roll_call_entries', 'qa_issues', 'away_periods'] });
  const s = sheet.data;
  const [lines, setLines] = useState<Record<string, Line>>({});
  const [remarks, setRemarks] = useState('');
  const [briefed, setBriefed] = useState<string[]>([]);
  const loadedKey = s ? `${s.teamId}|${s.date}|${s.shiftCode}|${s.saved?.revision ?? 0}` : '';
  // A new shift or a newly saved revision replaces what is on screen; typing in between does not reload it.
  useEffect(() => {
    if (!s) return;
    const saved = new Map(s.entries.map((e) => [e.userId, e]));
    setLines(Object.fromEntries(s.due.map((p) => [p.userId, { mark: saved.get(p.userId)?.mark ?? p.suggested, remark: saved.get(p.userId)?.remark ?? '' }])));
    setRemarks(s.saved?.remarks ?? '');
    setBriefed(s.saved?.briefed ?? []);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what identifies the record
  }, [loadedKey]);

  const save = () =>
    submit(async () => {
      await client.call('briefing.saveRollCall', { ...pick, people: Object.entries(lines).map(([userId, l]) => ({ userId, ...l })), remarks, briefed });
      sheet.reload();
      return t('rollcall.saved');
    });
  const set = (userId: string, patch: Partial<Line>) => setLines((x) => ({ ...x, [userId]: { ...x[userId]!, ...patch } }));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={t('rollcall.title')}
        extra={<RuleBasis ruleIds={['handover.early-arrival', 'qa.rollcall']} />}
        data-testid="rollcall"
      >
        <ShiftPicker actor={actor} value={pick} onChange={setChosen} />
        <LoadError error={sheet.error} onRetry={sheet.reload} />
        {s && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }} size={12}>
            <Typography.Text type="secondary">
              {t('rollcall.shiftLine', { team: names.team(s.teamId), shift: names.shift(s.shiftCode), date: dayText(locale, s.date), start: hhmm(s.start, zone) })}
            </Typography.Text>
            {s.saved ? (
              <Alert type="success" showIcon data-testid="rollcall-saved" title={t('rollcall.savedLine', { revision: s.saved.revision, name: s.saved.revisedByName, time: hhmm(s.saved.revisedAt, zone) })} />
            ) : (
              <Alert type="info" showIcon title={t('rollcall.prefilled')} />
            )}
            <Table
              size="small"
              rowKey="userId"
              pagination={false}
              dataSource={s.due}
              locale={{ emptyText: <Empty description={t('rollcall.nobody')} /> }}
              columns={[
                {
                  title: t('rollcall.person'),
                  key: 'name',
                  width: 220,
                  render: (_, p) => (
                    <Space size={4} wrap>
                      <span>{p.name}</span>
                      {p.checkedInAt ? <Typography.Text type="secondary">{t('rollcall.inAt', { time: hhmm(p.checkedInAt, zone) })}</Typography.Text> : <Typography.Text type="secondary">{t('rollcall.notIn')}</Typography.Text>}
                      {p.early === false && <Tag color="orange">{t('rollcall.missedRollCall')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('rollcall.mark'),
                  key: 'mark',
                  width: 300,
                  render: (_, p) => (
                    <Radio.Group size="small" optionType="button" buttonStyle="solid" value={lines[p.userId]?.mark} onChange={(e) => set(p.userId, { mark: e.target.value as Mark })} data-person={p.name} data-testid="rollcall-mark">
                      {MARKS.map((m) => (
                        <Radio.Button key={m} value={m}>
                          {t(`rollcall.mark.${m}`)}
                        </Radio.Button>
                      ))}
                    </Radio.Group>
                  ),
                },
                {
                  title: t('rollcall.remark'),
                  key: 'remark',
                  render: (_, p) => <Input value={lines[p.userId]?.remark ?? ''} onChange={(e) => set(p.userId, { remark: e.target.value })} placeholder={t('rollcall.remarkHint')} data-testid="rollcall-remark" data-person={p.name} maxLength={500} />,
                },
              ]}
            />
            <div>
              <Typography.Text strong>{t('rollcall.general')}</Typography.Text>
              <Input.TextArea rows={2} value={remarks} onChange={(e) => setRemarks(e.target.value)} placeholder={t('rollcall.generalHint')} data-testid="rollcall-general" maxLength={2000} />
            </div>
            <div data-testid="rollcall-issues">
              <Space>
                <Typography.Text strong>{t('rollcall.issues')}</Typography.Text>
                <Typography.Text type="secondary">{t('rollcall.issuesHint')}</Typography.Text>
              </Space>
              {s.issues.length === 0 && <div>{t('issues.noneActive')}</div>}
              {s.issues.map((i) => (
                <div key={i.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Checkbox checked={briefed.includes(i.id)} onChange={(e) => setBriefed((b) => (e.target.checked ? [...b, i.id] : b.filter((x) => x !== i.id)))} data-testid="rollcall-issue" data-title={i.title}>
                    {t('rollcall.briefedThis')}
                  </Checkbox>
                  <IssueText issue={i} />
                </div>
              ))}
            </div>
            <Button type="primary" loading={busy} disabled={s.due.length === 0} onClick={() => void save()} data-testid="rollcall-save">
              {t('rollcall.save')}
            </Button>
          </Space>
        )}
      </Card>
      <RecentRollCalls />
    </Space>
  );
}

/** The last week's roll calls the reader holds: when, which shift, revision, issues briefed. */
function RecentRollCalls() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const names = useNames();
  const { today } = useCenterToday();
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  const q = useQuery('briefing.rollCalls', { from }, { tables: ['roll_calls', 'roll_call_entries'] });
  const entries = q.data?.entries ?? [];
  return (
    <Card size="small" title={t('rollcall.recent')}>
      <LoadError error={q.error} onRetry={q.reload} />
      {(q.data?.rollCalls ?? []).length === 0 && <Typography.Text type="secondary">{t('rollcall.noneYet')}</Typography.Text>}
      {(q.data?.rollCalls ?? []).map((c) => {
        const mine = entries.filter((e) => e.rollCallId === c.id);
        const count = (m: Mark) => mine.filter((e) => e.mark === m).length;
        return (
          <div key={c.id} style={{ padding: '4px 0' }} data-testid="rollcall-recent">
            <Space wrap size={6}>
              <span>{dayText(locale, c.date)}</span>
              <span>{names.team(c.teamId)}</span>
              <span>{names.shift(c.shiftCode)}</span>
              {MARKS.map((m) => count(m) > 0 && <Tag key={m} color={MARK_COLOR[m]}>{`${t(`rollcall.mark.${m}`)} ${count(m)}`}</Tag>)}
              <Typography.Text type="secondary">{t('rollcall.recentLine', { issues: c.briefed.length, revision: c.revision, name: c.revisedByName })}</Typography.Text>
            </Space>
          </div>
        );
      })}
    </Card>
  );
}
