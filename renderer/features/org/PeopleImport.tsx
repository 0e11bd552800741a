import { Form, Input } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { planPeopleImport, type PeopleImportIssue } from '../../../shared/org/people-import';
import { passwordProblems, type NewPerson, type Person } from '../../../shared/org/schemas';
import { useSubmit } from '../../client/use-submit';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import type { TableFormat } from '../spreadsheet/read-table-file';
import { SheetImportModal } from '../spreadsheet/SheetImportModal';
import { useSheetFile } from '../spreadsheet/use-sheet-file';
import { peopleVocabulary } from './people-vocabulary';

interface Props {
  teams: MethodOutput<'org.teams'>;
  onImported(): void;
}

/** People in and out as CSV or Excel: same columns both ways, all or nothing, new people get one initial password. */
export function PeopleImportExport({ teams, onImported }: Props) {
  const t = useT();
  const client = useClient();
  // The file holds everyone, whatever page the list shows: the whole directory (every desk holds it).
  const people: readonly Person[] = useQuery('org.directory', {}, { tables: ['users'] }).data ?? [];
  const [preview, setPreview] = useState<{ people: NewPerson[]; issues: PeopleImportIssue[]; format: TableFormat } | null>(null);
  const [password, setPassword] = useState('');
  // The server's own password rules, so the import is never offered with a password it would refuse.
  const problems = passwordProblems(password);
  const { busy, submit } = useSubmit();

  const { controls } = useSheetFile({
    testId: 'people-file',
    exportName: t('people.fileName'),
    async onRows({ rows, format }) {
      setPreview({ ...planPeopleImport(rows, { teams, words: peopleVocabulary() }), format });
      setPassword('');
    },
    exportRows: () => [
      [t('people.username'), t('people.name'), t('people.role'), t('people.team'), t('people.jobType'), t('people.skill'), t('people.seat'), t('people.active')],
      ...people.map((p) => [p.username, p.displayName, t(`role.${p.role}`), teams.find((tm) => tm.id === p.teamId)?.name ?? '', t(`jobType.${p.jobType}`), String(p.skillLevel), p.seat, p.active ? t('people.yes') : t('people.no')]),
    ],
  });

  const known = new Set(people.map((p) => p.username));
  const created = preview?.people.filter((p) => !known.has(p.username)).length ?? 0;
  const confirm = async () => {
    if (!preview) return;
    await submit(async () => {
      const r = await client.call('org.importPeople', { people: preview.people, initialPassword: created > 0 ? password : null });
      setPreview(null);
      onImported();
      return t('people.importDone', r);
    });
  };

  return (
    <>
      {controls}
      <SheetImportModal
        open={preview !== null}
        title={t('people.importTitle')}
        format={preview?.format ?? null}
        issues={preview?.issues ?? []}
        readyText={t('people.importReady', { created, updated: (preview?.people.length ?? 0) - created })}
        busy={busy}
        confirmDisabled={created > 0 && problems.length > 0}
        onConfirm={() => void confirm()}
        onCancel={() => setPreview(null)}
      >
        {created > 0 && preview?.issues.length === 0 && (
          <Form layout="vertical" style={{ marginTop: 12 }}>
            <Form.Item label={t('people.initialPassword')} help={password && problems.length ? problems.map((p) => <div key={p}>{t(p)}</div>) : undefined} validateStatus={password && problems.length ? 'error' : undefined}>
              <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" data-testid="people-initial-password" />
            </Form.Item>
          </Form>
        )}
      </SheetImportModal>
    </>
  );
}
