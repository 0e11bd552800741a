import { Alert, App, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { ROLES } from '../../../shared/auth/roles';
import { ACTIVE_FILTERS, JOB_TYPES, PEOPLE_PAGE, peopleCursorOf, type Person, type PeopleQuery } from '../../../shared/org/schemas';
import type { Role } from '../../../shared/auth/roles';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient, useSession } from '../../stores/session-store';
import { useQuery } from '../../client/use-query';
import { useMorePages } from '../../client/use-more-pages';
import { LoadError } from '../../client/LoadError';
import { useNames } from '../../client/names';
import { AddPersonButton } from './AddPersonButton';
import { PeopleImportExport } from './PeopleImport';
import { ResetPasswordButton } from './ResetPasswordButton';

const ACTIVE_WORDS = { any: 'people.activeAny', yes: 'people.activeYes', no: 'people.activeNo' } as const;

/** The administrator keeps people's role, team, job type, skill and seat; directors read them. */
export function PeoplePage() {
  const t = useT();
  const client = useClient();
  const actor = useSession((s) => s.actor)!;
  const { message } = App.useApp();
  const canEdit = mayCall(api['org.updatePerson'].access, actor);
  // Filtered where the rows are and a page at a time: a center has thousands of people.
  const [filter, setFilter] = useState<{ q: string; teamId?: string; role?: Role; active: (typeof ACTIVE_FILTERS)[number] }>({ q: '', active: 'any' });
  const query: Partial<PeopleQuery> = { ...filter, limit: PEOPLE_PAGE };
  const peopleQ = useQuery('org.people', query, { tables: ['users', 'teams'], debounceMs: filter.q ? 250 : 0 });
  const pages = useMorePages(peopleQ.data, { pageSize: PEOPLE_PAGE, next: (last) => client.call('org.people', { ...query, after: peopleCursorOf(last) }), onError: (err) => void message.error(errorText(t, err)) });
  const teamsQ = useQuery('org.teams', {}, { tables: ['teams'] });
  const teams = teamsQ.data ?? [];
  const names = useNames();
  // Unsaved edits per person, over what the desk holds.
  const [edits, setEdits] = useState<Record<string, Partial<Person>>>({});
  const people = peopleQ.data ? pages.items.map((p) => ({ ...p, ...edits[p.userId] })) : null;
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const reload = () => (peopleQ.reload(), teamsQ.reload());

  const edit = (id: string, patch: Partial<Person>) => setEdits((e) => ({ ...e, [id]: { ...e[id], ...patch } }));
  const save = async (p: Person) => {
    const { username: _u, ...input } = p;
    try {
      await client.call('org.updatePerson', input);
      setEdits(({ [p.userId]: _done, ...rest }) => rest);
      setErrors((e) => ({ ...e, [p.userId]: {} }));
      void message.success(t('people.saved', { name: p.displayName }));
    } catch (err) {
      if (err instanceof CallError && err.wire.fields) setErrors((e) => ({ ...e, [p.userId]: fieldMessages(t, err.wire.fields!) }));
      void message.error(errorText(t, err));
    }
  };
  const teamOptions = [{ value: '', label: t('people.noTeam') }, ...teams.map((tm) => ({ value: tm.id, label: names.team(tm.id) || tm.name }))];

  return (
    <Card
      title={t('people.title')}
      extra={
        canEdit && (
          <Space wrap>
            <AddPersonButton teams={teams} onAdded={reload} />
            <PeopleImportExport teams={teams} onImported={reload} />
          </Space>
        )
      }
    >
      <LoadError error={peopleQ.error ?? teamsQ.error} onRetry={reload} />
      {!canEdit && <Alert type="info" showIcon title={t('people.readOnly')} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }} data-testid="people-filters">
        <Input.Search allowClear placeholder={t('people.search')} style={{ width: 220 }} value={filter.q} onChange={(e) => setFilter((f) => ({ ...f, q: e.target.value }))} data-testid="people-search" />
        <Select style={{ width: 150 }} value={filter.teamId ?? '*'} onChange={(v) => setFilter((f) => ({ ...f, teamId: v === '*' ? undefined : v }))} options={[{ value: '*', label: t('people.anyTeam') }, ...teamOptions]} data-testid="people-team-filter" />
        <Select style={{ width: 170 }} popupMatchSelectWidth={false} value={filter.role ?? '*'} onChange={(v) => setFilter((f) => ({ ...f, role: v === '*' ? undefined : (v as Role) }))} options={[{ value: '*', label: t('people.anyRole') }, ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]} />
        <Select style={{ width: 150 }} value={filter.active} onChange={(active) => setFilter((f) => ({ ...f, active }))} options={ACTIVE_FILTERS.map((a) => ({ value: a, label: t(ACTIVE_WORDS[a]) }))} />
      </Space>
      <Table<Person>
        size="small"
        rowKey="userId"
        loading={people === null && peopleQ.error === null}
        dataSource={people ?? []}
        pagination={false}
        data-testid="people"
        // Every column at its width; on a narrow window the table scrolls inside the card rather than spill out.
        tableLayout="fixed"
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('people.username'), dataIndex: 'username', width: 110 },
          { title: t('people.name'), width: 130, render: (_, p) => <Input value={p.displayName} style={{ width: 110 }} disabled={!canEdit} status={errors[p.userId]?.displayName ? 'error' : undefined} onChange={(e) => edit(p.userId, { displayName: e.target.value })} /> },
          {
            title: t('people.role'),
            width: 200,
            render: (_, p) => <Select value={p.role} disabled={!canEdit} style={{ width: 190 }} popupMatchSelectWidth={false} onChange={(role) => edit(p.userId, { role })} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />,
          },
          {
            title: t('people.team'),
            width: 150,
            render: (_, p) => (
              <Select value={p.teamId ?? ''} disabled={!canEdit} style={{ width: 140 }} status={errors[p.userId]?.teamId ? 'error' : undefined} onChange={(v) => edit(p.userId, { teamId: v || null })} options={teamOptions} />
            ),
          },
          {
            title: t('people.jobType'),
            width: 130,
            render: (_, p) => <Select value={p.jobType} disabled={!canEdit} style={{ width: 120 }} onChange={(jobType) => edit(p.userId, { jobType })} options={JOB_TYPES.map((j) => ({ value: j, label: t(`jobType.${j}`) }))} />,
          },
          { title: t('people.skill'), width: 100, render: (_, p) => <InputNumber min={1} max={10} style={{ width: 80 }} value={p.skillLevel} disabled={!canEdit} onChange={(v) => edit(p.userId, { skillLevel: Number(v ?? 1) })} /> },
          { title: t('people.seat'), width: 90, render: (_, p) => <Input value={p.seat} style={{ width: 76 }} disabled={!canEdit} onChange={(e) => edit(p.userId, { seat: e.target.value })} data-testid="people-seat" /> },
          { title: t('people.active'), width: 60, render: (_, p) => <Checkbox checked={p.active} disabled={!canEdit} onChange={(e) => edit(p.userId, { active: e.target.checked })} /> },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 220,
                  render: (_: unknown, p: Person) => (
                    <Space size={0}>
                      <Button onClick={() => void save(p)}>{t('people.save')}</Button>
                      <ResetPasswordButton person={p} />
                    </Space>
                  ),
                },
              ] : []),
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        {people && <span data-testid="people-shown">{t('people.shown', { count: people.length })}</span>}
        {pages.hasMore && (
          <Button loading={pages.loading} onClick={() => void pages.loadMore()} data-testid="people-more">
            {t('people.more')}
          </Button>
        )}
      </Space>
      {Object.entries(errors).flatMap(([id, f]) => Object.values(f).map((m) => <Alert key={`${id}${m}`} type="error" title={`${people?.find((p) => p.userId === id)?.username}: ${m}`} style={{ marginTop: 8 }} />))}
    </Card>
  );
}
