import { Select } from 'antd';
import { useMemo } from 'react';
import type { CallRecord } from '../../../shared/calls/schemas';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';

const WEEK_MS = 7 * 24 * 3600_000;

/** "Mar 17, 10:12 · 139 8888 0000 · card enquiry" — a call as the reporter remembers it, never its id. */
export function useCallLabel(): (c: Pick<CallRecord, 'startedAt' | 'customerPhone' | 'summary'>) => string {
  const locale = useI18n((s) => s.locale);
  const { zone } = useCenterToday();
  const fmt = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }), [locale, zone]);
  return (c) => `${fmt.format(new Date(c.startedAt))} · ${c.customerPhone} · ${c.summary.slice(0, 24)}`;
}

/** The reporter's calls of the last week in their scope, newest first, to link a report to one (or none). */
export function RecentCallPicker({ value, onChange }: { value: string; onChange(id: string): void }) {
  const t = useT();
  const label = useCallLabel();
  // A week back from when the form opened; the list refreshes as calls are logged.
  const range = useMemo(() => {
    const now = Date.now();
    return { from: new Date(now - WEEK_MS).toISOString(), to: new Date(now + 60_000).toISOString(), limit: 50 };
  }, []);
  const calls = useQuery('calls.history', range, { tables: ['calls'] });
  const options = (calls.data?.items ?? []).map((c) => ({ value: c.id, label: label(c) }));
  // A call handed over from a raised hand may be older than a week: keep it selectable by what we know.
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: t('escalation.linkedCall') });
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('escalation.pickCall')}
      value={value || undefined}
      onChange={(id?: string) => onChange(id ?? '')}
      options={options}
      loading={calls.loading}
      notFoundContent={t('escalation.noRecentCalls')}
      data-testid="escalation-call"
    />
  );
}

/** A linked call as people recognise it (time, number, summary); while it loads, or outside the reader's scope, a plain "a call". */
export function CallLabel({ id }: { id: string }) {
  const t = useT();
  const label = useCallLabel();
  const call = useQuery('calls.get', { id }, { tables: ['calls'] });
  return <>{call.data ? label(call.data) : t('escalation.someCall')}</>;
}
