import { Alert, Button, Card, Col, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FloorState } from '../../../shared/handover/schemas';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useSubmit } from '../../client/use-submit';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { RuleBasis } from '../rules/RuleCitation';
import { dayText } from '../swap/swap-text';
import { RollCallButton } from '../briefing/RollCallButton';
import { NoticesPanel } from './NoticesPanel';
import { hhmm } from './time-text';
import { duration } from '../../../shared/rules/units';

const STATE_COLOR: Record<FloorState, string> = { due: 'default', checkedIn: 'green', late: 'orange', away: 'purple', onLeave: 'blue', missing: 'red', checkedOut: 'default' };

/**
 * The live floor for duty leads and directors: each team's shifts of today, who is where, against the
 * shift's minimum coverage. Reloads whenever a check-in, release, leave or roster change reaches this desk
 * (its own or synced), and once a minute, because "due" turns into "missing" by the clock alone.
 */
export function FloorPage() {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const { today, zone } = useCenterToday();
  const names = useNames();
  const actor = useSession((s) => s.actor)!;
  const client = useClient();
  const { submit } = useSubmit();
  const floor = useQuery('duty.floor', { date: today }, { tables: ['attendance', 'duty_releases', 'roster', 'leave_requests', 'swaps', 'shift_types'] });
  const { reload } = floor;
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const [releasing, setReleasing] = useState<{ userId: string; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const mayRelease = actor.role === 'team_lead' || actor.role === 'department_director' || actor.role === 'center_director';

  const allowAway = (id: string, minutes?: number) =>
    submit(async () => {
      await client.call('duty.awayApprove', minutes ? { id, minutes } : { id });
      reload();
      return t('away.approved');
    });

  const release = async () => {
    if (!releasing) return;
    const ok = await submit(async () => {
      await client.call('duty.release', { id: crypto.randomUUID(), userId: releasing.userId, date: today, reason });
      return t('floor.releaseSaved', { name: releasing.name });
    });
    if (ok) {
      setReleasing(null);
      setReason('');
      reload();
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
    <Card title={t('floor.title', { date: dayText(locale, today) })} extra={<RuleBasis ruleIds={['handover.early-arrival', 'handover.outgoing-waits', 'leave.discipline']} />} data-testid="floor">
      <Typography.Paragraph type="secondary">{t('floor.live')}</Typography.Paragraph>
      <LoadError error={floor.error} onRetry={reload} />
      {(floor.data?.teams ?? []).map((team) => (
        <div key={team.teamId} style={{ marginBottom: 16 }} data-team={team.teamId}>
          <Typography.Title level={5}>{names.team(team.teamId)}</Typography.Title>
          <Row gutter={[12, 12]}>
            {team.shifts.map((s) => {
              // Short of the minimum matters while the shift runs; before it people are due, after it the floor is history.
              const running = Date.now() >= Date.parse(s.start) && Date.now() < Date.parse(s.end);
              const short = running && s.present < s.minCoverage;
              const count = (st: FloorState) => s.people.filter((p) => p.state === st).length;
              return (
                <Col key={s.code} xs={24} md={8}>
                  <Card
                    size="small"
                    data-shift={`${team.teamId}-${s.code}`}
                    title={`${names.shift(s.code)} ${hhmm(s.start, zone)}–${hhmm(s.end, zone)}`}
                    extra={mayRelease && s.people.length > 0 ? <RollCallButton pick={{ date: today, teamId: team.teamId, shiftCode: s.code }} /> : undefined}
                  >
                    {/* Coverage under the title, not beside it: a card a third wide keeps the shift's name and hours whole in every language. */}
                    <div style={{ marginBottom: 8 }}>
                      <Tag color={short ? 'red' : running ? 'green' : 'default'} data-testid="coverage">
                        {t('floor.coverage', { present: s.present, min: s.minCoverage })}
                      </Tag>
                    </div>
                    {short && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('floor.short')} />}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('floor.counts', { in: count('checkedIn'), late: count('late'), leave: count('onLeave'), missing: count('missing'), due: count('due'), out: count('checkedOut') })}
                    </Typography.Text>
                    {s.people.length === 0 && <div>{t('floor.empty')}</div>}
                    {s.people.map((p) => (
                      <div key={p.userId} data-person={p.name} data-state={p.state} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '4px 0' }}>
                        <Space size={4} wrap>
                          <span>{p.name}</span>
                          {/* Late reads as one tag with how late ("late 2 hours 30 minutes"), not the word "late" twice. */}
                          <Tag color={STATE_COLOR[p.state]}>{p.state === 'late' ? t('floor.lateBy', { late: duration(locale, p.lateMinutes) }) : t(`floor.state.${p.state}`)}</Tag>
                          {p.checkedInAt && (
                            <Typography.Text type="secondary" data-testid="floor-times">
                              {p.checkedOutAt ? `${hhmm(p.checkedInAt, zone)}–${hhmm(p.checkedOutAt, zone)}` : hhmm(p.checkedInAt, zone)}
                            </Typography.Text>
                          )}
                          {p.lateMinutes > 0 && p.state !== 'late' && <Tag color="orange">{t('floor.lateBy', { late: duration(locale, p.lateMinutes) })}</Tag>}
                          {p.swappedIn && <Tag color="purple">{t('floor.swappedIn')}</Tag>}
                          {p.released && <Tag color="blue">{t('floor.released')}</Tag>}
                          {p.away && !p.away.approvedAt && <Tag color="orange">{t('away.asked', { reason: p.away.reason })}</Tag>}
                          {p.away?.approvedAt && <Tag color="purple">{t('away.until', { time: hhmm(new Date(Date.parse(p.away.approvedAt) + p.away.limitMinutes * 60_000).toISOString(), zone) })}</Tag>}
                          {p.away && mayRelease && (
                            <Button size="small" onClick={() => void allowAway(p.away!.id, p.away!.approvedAt ? 10 : undefined)}>
                              {t(p.away.approvedAt ? 'away.extend' : 'away.approve')}
                            </Button>
                          )}
                        </Space>
                        {mayRelease && (p.state === 'checkedIn' || p.state === 'late') && !p.released && (
                          <Button size="small" onClick={() => setReleasing({ userId: p.userId, name: p.name })}>
                            {t('floor.release')}
                          </Button>
                        )}
                      </div>
                    ))}
                  </Card>
                </Col>
              );
            })}
          </Row>
        </div>
      ))}
      <Modal open={releasing !== null} title={releasing ? `${t('floor.release')} · ${releasing.name}` : ''} onCancel={() => setReleasing(null)} onOk={() => void release()} okButtonProps={{ disabled: !reason.trim() }}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('floor.releaseReason')} />
        <div style={{ marginTop: 8 }}>
          <RuleBasis ruleIds={['handover.outgoing-waits']} />
        </div>
      </Modal>
    </Card>
    <NoticesPanel publisher />
    </Space>
  );
}
