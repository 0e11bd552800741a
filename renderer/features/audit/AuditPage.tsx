import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { AuditEntry, AuditFilter } from '../../../shared/audit/schemas';
import { useActionWords } from '../../app/action-words';
import type { AreaContext } from '../../app/ui-domain';
import { errorText } from '../../client/error-text';
import { isMessageKey } from '../../i18n/catalogues';
import { useCenterToday } from '../../client/use-policy';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { DateField } from '../calendar/DateField';
import { AUDITED_ACTIONS } from './audit-actions';

const PAGE = 100;
const OUTCOME_COLOR = { applied: 'blue', success: 'green', failure: 'red' } as const;

/**
 * The audit log for directors and the administrator: who did what, when, filtered by person, action and days
 * on the center's calendar; older entries page in; the chain can be checked here.
 */
export function AuditPage({ ctx }: { ctx: AreaContext }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  const client = useClient();
  const words = useActionWords();
  const { zone } = useCenterToday();
  const [filter, setFilter] = useState<Omit<AuditFilter, 'limit' | 'beforeSeq'>>({});
  const first = useQuery('audit.list', { ...filter, limit: PAGE }, { tables: ['audit_log'] });
  const people = useQuery('org.directory', {}, { tables: ['users'] });
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [olderDone, setOlderDone] = useState(false);
  const [verdict, setVerdict] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  // A new filter starts from the newest entries again.
  const key = JSON.stringify(filter);
  useEffect(() => {
    setOlder([]);
    setOlderDone(false);
  }, [key]);

  const rows = [...(first.data ?? []), ...older];
  const loadOlder = async () => {
    const last = rows[rows.length - 1];
    if (!last) return;
    const page = await client.call('audit.list', { ...filter, limit: PAGE, beforeSeq: last.seq });
    setOlder((o) => [...o, ...page]);
    if (page.length < PAGE) setOlderDone(true);
  };
  const verify = async () => {
    try {
      const v = await client.call('audit.verify', {});
      setVerdict(v.ok || !v.broken ? { type: 'success', text: t('audit.verified', { count: v.checked }) } : { type: 'error', text: t(`audit.broken.${v.broken.reason}`, { seq: v.broken.seq }) });
    } catch (err) {
      setVerdict({ type: 'error', text: errorText(t, err) });
    }
  };
  const when = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone: zone }), [locale, zone]);
  const title = (action: string) => {
    const k = `method.${action}`;
    return isMessageKey(k) ? t(k) : t('method.unknown', { name: action });
  };
  const detail = (e: AuditEntry): string => {
    const s = (e.subject ?? {}) as Record<string, unknown>;
    if (e.action === 'session.login') {
      const p = { username: String(s.username ?? ''), address: String(s.address ?? '—') };
      return typeof s.deskId === 'string' ? t('audit.loginAtDesk', { ...p, desk: s.deskId.slice(0, 8) }) : t('audit.login', p);
    }
    // The same line the inbox would show for this action (names, days), after its title.
    const line = ctx.actionLine(e.action, e.subject, words);
    return line ? line.what.replace(`${title(e.action)} · `, '') : '';
  };

  return (
    <Card title={t('audit.title')} data-testid="audit-page">
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 180 }}
          placeholder={t('audit.anyPerson')}
          aria-label={t('audit.person')}
          value={filter.actorId}
          onChange={(actorId?: string) => setFilter((f) => ({ ...f, actorId }))}
          options={(people.data ?? []).map((p) => ({ value: p.userId, label: p.displayName }))}
          data-testid="audit-person"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('audit.anyAction')}
          aria-label={t('audit.action')}
          value={filter.action}
          onChange={(action?: string) => setFilter((f) => ({ ...f, action }))}
          options={AUDITED_ACTIONS.map((a) => ({ value: a, label: title(a) }))}
          data-testid="audit-action"
        />
        <span>{t('audit.from')}</span>
        <DateField allowClear value={filter.from ?? null} onChange={(from) => setFilter((f) => ({ ...f, from: from ?? undefined }))} data-testid="audit-from" />
        <span>{t('audit.to')}</span>
        <DateField allowClear value={filter.to ?? null} onChange={(to) => setFilter((f) => ({ ...f, to: to ?? undefined }))} data-testid="audit-to" />
        <Button onClick={() => void verify()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </Space>
      {verdict && <Alert style={{ marginBottom: 12 }} type={verdict.type} showIcon title={verdict.text} data-testid="audit-verdict" />}
      {first.error && <Alert type="error" showIcon title={first.error} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={first.loading && !first.data}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        columns={[
          { title: t('audit.when'), key: 'at', width: 170, render: (_, e) => when.format(new Date(e.at)) },
          { title: t('audit.who'), key: 'who', width: 120, render: (_, e) => e.actorName || t('audit.unknownPerson') },
          { title: t('audit.action'), key: 'action', width: 130, render: (_, e) => title(e.action) },
          { title: t('audit.what'), key: 'what', render: (_, e) => detail(e) },
          { title: t('audit.outcome'), key: 'outcome', width: 90, render: (_, e) => <Tag color={OUTCOME_COLOR[e.outcome]}>{t(`audit.outcome.${e.outcome}`)}</Tag> },
        ]}
        data-testid="audit-table"
      />
      {rows.length >= PAGE && !olderDone && (
        <Button style={{ marginTop: 12 }} onClick={() => void loadOlder()} data-testid="audit-older">
          {t('audit.older')}
        </Button>
      )}
    </Card>
  );
}
