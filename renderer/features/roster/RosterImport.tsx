import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { planRosterImportSteps, type ImportPlan } from '../../../shared/roster/import';
import { useSubmit } from '../../client/use-submit';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { runInSlices } from '../spreadsheet/read-with-progress';
import type { TableFormat } from '../spreadsheet/read-table-file';
import { SheetImportModal } from '../spreadsheet/SheetImportModal';
import { useSheetFile } from '../spreadsheet/use-sheet-file';

interface Props {
  month: string;
  data: MethodOutput<'roster.month'>;
  types: MethodOutput<'roster.shiftTypes'>;
  teamId: string | null;
  timeZone: string;
}

/** CSV or Excel in (preview with every bad cell, all or nothing) and out (the grid as a spreadsheet). */
export function RosterImportExport({ month, data, types, teamId, timeZone }: Props) {
  const t = useT();
  const client = useClient();
  const [preview, setPreview] = useState<{ rows: string[][]; plan: ImportPlan; format: TableFormat } | null>(null);
  const { busy, submit } = useSubmit();

  const { controls } = useSheetFile({
    testId: 'roster-file',
    exportName: `roster-${month}`,
    async onRows({ rows, format }, progress) {
      const plan = await runInSlices(planRosterImportSteps({ month, rows }, { people: data.people, shiftTypes: types, teamId, timeZone }), progress);
      setPreview({ rows, plan, format });
    },
    exportRows() {
      return [[t('roster.csvHeader'), ...data.days.map((d) => String(Number(d.date.slice(8))))], ...data.people.map((p) => [p.username, ...p.shifts])];
    },
  });

  const confirm = async () => {
    if (!preview) return;
    await submit(async () => {
      const r = await client.call('roster.import', { month, rows: preview.rows });
      setPreview(null);
      return t('roster.importDone', r);
    });
  };

  return (
    <>
      {controls}
      <SheetImportModal
        open={preview !== null}
        title={t('roster.importTitle', { month })}
        format={preview?.format ?? null}
        issues={preview?.plan.issues ?? []}
        readyText={t('roster.importReady', { count: preview?.plan.entries.length ?? 0 })}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setPreview(null)}
      />
    </>
  );
}
