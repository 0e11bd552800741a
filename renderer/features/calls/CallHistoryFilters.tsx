import { Input, Select, Space } from 'antd';
import { CALL_CATEGORIES } from '../../../shared/calls/schemas';
import { FOLLOW_UP_FILTERS } from '../../../shared/calls/history-schemas';
import type { Actor } from '../../../shared/auth/roles';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { DateField } from '../calendar/DateField';
import { useNames } from '../../client/names';

export interface HistoryFilter {
  fromDay: string;
  toDay: string;
  agentId?: string;
  teamId?: string;
  category?: (typeof CALL_CATEGORIES)[number];
  outcome: string;
  followUp: (typeof FOLLOW_UP_FILTERS)[number];
  q: string;
}

/**
 * The history's filter bar. Pickers offer only what the reader's scope can hold: an agent sees only their
 * own calls (no agent or team picker), a lead their team's agents, directors and QA everyone.
 */
export function CallHistoryFilters({ actor, value, onChange }: { actor: Actor; value: HistoryFilter; onChange(patch: Partial<HistoryFilter>): void }) {
  const t = useT();
  const names = useNames();
  const wide = actor.role !== 'agent' && actor.role !== 'team_lead';
  const people = useQuery('org.directory', actor.role === 'agent' ? null : {});
  const teams = useQuery('org.teams', wide ? {} : null);
  const agents = (people.data ?? []).filter((p) => (p.role === 'agent' || p.role === 'team_lead') && (wide || p.teamId === actor.teamId));
  return (
    <Space wrap data-testid="history-filters">
      <Space size={4}>
        <DateField value={value.fromDay} onChange={(d) => d && onChange({ fromDay: d })} data-testid="history-from" />
        –
        <DateField value={value.toDay} min={value.fromDay} onChange={(d) => d && onChange({ toDay: d })} data-testid="history-to" />
      </Space>
      {actor.role !== 'agent' && (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('calls.history.agent')}
          style={{ width: 140 }}
          value={value.agentId}
          onChange={(agentId?: string) => onChange({ agentId })}
          options={agents.map((p) => ({ value: p.userId, label: p.displayName }))}
          data-testid="history-agent"
        />
      )}
      {wide && (
        <Select
          allowClear
          placeholder={t('calls.history.team')}
          style={{ width: 120 }}
          value={value.teamId}
          onChange={(teamId?: string) => onChange({ teamId })}
          options={(teams.data ?? []).map((x) => ({ value: x.id, label: names.team(x.id) }))}
          data-testid="history-team"
        />
      )}
      <Select
        allowClear
        placeholder={t('calls.log.category')}
        style={{ width: 150 }}
        value={value.category}
        onChange={(category?: HistoryFilter['category']) => onChange({ category })}
        options={CALL_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        data-testid="history-category"
      />
      <Select
        style={{ width: 130 }}
        value={value.followUp}
        onChange={(followUp: HistoryFilter['followUp']) => onChange({ followUp })}
        options={FOLLOW_UP_FILTERS.map((f) => ({ value: f, label: t(`calls.history.followUp.${f}`) }))}
        data-testid="history-follow-up"
      />
      <Input allowClear placeholder={t('calls.history.outcome')} style={{ width: 160 }} value={value.outcome} onChange={(e) => onChange({ outcome: e.target.value })} maxLength={64} data-testid="history-outcome" />
      <Input.Search allowClear placeholder={t('calls.history.search')} style={{ width: 240 }} value={value.q} onChange={(e) => onChange({ q: e.target.value })} maxLength={64} data-testid="history-search" />
    </Space>
  );
}
