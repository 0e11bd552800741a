import { App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { ROLES } from '../../../shared/auth/roles';
import { JOB_TYPES, type NewPerson } from '../../../shared/org/schemas';
import { CallError } from '../../client/desk-client';
import { errorText, fieldMessages } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { useNames } from '../../client/names';

const EMPTY: NewPerson = { username: '', displayName: '', role: 'agent', teamId: null, jobType: 'voice', skillLevel: 1, seat: '', active: true };

/** A new account with its first password; sent to the central server, never queued on the desk. */
export function AddPersonButton({ teams, onAdded }: { teams: MethodOutput<'org.teams'>; onAdded(): void }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const names = useNames();
  const [person, setPerson] = useState<NewPerson>(EMPTY);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<NewPerson>) => setPerson((p) => ({ ...p, ...patch }));
  const item = (field: string) => ({ validateStatus: errors[field] ? ('error' as const) : undefined, help: errors[field] });

  const submit = async () => {
    setBusy(true);
    try {
      const p = await client.call('org.createPerson', { person, password });
      void message.success(t('people.created', { name: p.displayName }));
      setOpen(false);
      setPerson(EMPTY);
      setPassword('');
      setErrors({});
      onAdded();
    } catch (err) {
      if (err instanceof CallError && err.wire.fields) setErrors(Object.fromEntries(Object.entries(fieldMessages(t, err.wire.fields)).map(([k, v]) => [k.replace(/^(person|people\.0)\./, ''), v])));
      void message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="people-add">
        {t('people.add')}
      </Button>
      <Modal open={open} title={t('people.addTitle')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={busy} okButtonProps={{ id: 'people-add-save' }}>
        <Form layout="vertical">
          <Form.Item label={t('people.username')} {...item('username')}>
            <Input value={person.username} onChange={(e) => set({ username: e.target.value })} data-testid="people-add-username" />
          </Form.Item>
          <Form.Item label={t('people.name')} {...item('displayName')}>
            <Input value={person.displayName} onChange={(e) => set({ displayName: e.target.value })} data-testid="people-add-name" />
          </Form.Item>
          <Form.Item label={t('people.role')}>
            <Select value={person.role} onChange={(role) => set({ role })} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item label={t('people.team')} {...item('teamId')}>
            <Select value={person.teamId ?? ''} onChange={(v) => set({ teamId: v || null })} options={[{ value: '', label: t('people.noTeam') }, ...teams.map((tm) => ({ value: tm.id, label: names.team(tm.id) || tm.name }))]} data-testid="people-add-team" />
          </Form.Item>
          <Form.Item label={t('people.jobType')}>
            <Select value={person.jobType} onChange={(jobType) => set({ jobType })} options={JOB_TYPES.map((j) => ({ value: j, label: t(`jobType.${j}`) }))} />
          </Form.Item>
          <Form.Item label={t('people.skill')}>
            <InputNumber min={1} max={10} value={person.skillLevel} onChange={(v) => set({ skillLevel: Number(v ?? 1) })} />
          </Form.Item>
          <Form.Item label={t('people.seat')}>
            <Input value={person.seat} onChange={(e) => set({ seat: e.target.value })} />
          </Form.Item>
          <Form.Item label={t('people.password')} {...item('password')}>
            <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" data-testid="people-add-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
