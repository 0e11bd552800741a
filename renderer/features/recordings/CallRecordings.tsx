import { Alert, Button, Collapse, Divider, Progress, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { Actor } from '../../../shared/auth/roles';
import type { CallRecord } from '../../../shared/calls/schemas';
import type { RecordingRecord } from '../../../shared/recordings/schemas';
import { mayCall } from '../../../shared/api/method';
import { api } from '../../../shared/api/table';
import { mayAttach, megabytes } from '../../../shared/recordings/rules';
import { errorText } from '../../client/error-text';
import { useQuery } from '../../client/use-query';
import { useI18n, useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { formatDateTime } from '../calls/history-range';
import { RecordingPlayer } from './RecordingPlayer';

/** What the file picker offers; the desk checks the content itself (recording.audio-only). */
const ACCEPT = '.wav,.mp3,.ogg,.opus,.oga,.m4a,.aac,audio/*';

function RecordingMeta({ r, zone }: { r: RecordingRecord; zone: string }) {
  const t = useT();
  const locale = useI18n((s) => s.locale);
  return (
    <div className="rec-meta">
      <Tag color={r.state === 'stored' ? 'green' : 'orange'} data-testid="recording-state" data-state={r.state}>
        {t(`rec.state.${r.state}`)}
      </Tag>
      {r.fileName && <span>{r.fileName} · </span>}
      {t('rec.meta', { name: r.uploaderName, time: formatDateTime(r.uploadedAt, locale, zone), size: megabytes(r.sizeBytes) })}
    </div>
  );
}

/** The file drop and picker, with the share handed over so far; `replaces` names the recording a new one replaces. */
function AttachRecording({ call, replaces, onDone }: { call: CallRecord; replaces?: string; onDone(): void }) {
  const t = useT();
  const client = useClient();
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (file: File) => {
    setError(null);
    setSent(0);
    try {
      await client.attachRecording({ callId: call.id, fileName: file.name, replaces, file }, (p) => setSent(p));
      onDone();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setSent(null);
    }
  };
  return (
    <div className="rec-drop" data-testid="recording-drop">
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={sent !== null}
        beforeUpload={(f) => {
          void send(f);
          return false; // the desk takes the file through its own door, not antd's request
        }}
      >
        <p>{replaces ? t('rec.replaceDrop') : t('rec.drop')}</p>
        <p className="rec-meta">{t('rec.dropHint')}</p>
      </Upload.Dragger>
      {sent !== null && <Progress percent={Math.round(sent * 100)} size="small" data-testid="recording-progress" format={(p) => t('rec.uploading', { percent: p ?? 0 })} />}
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={error} data-testid="recording-refused" />}
    </div>
  );
}

/** A call's recording in its detail: attach (drop or pick), state, the player, and the recordings it replaced. */
export function CallRecordings({ call, zone, actor }: { call: CallRecord; zone: string; actor: Actor }) {
  const t = useT();
  const list = useQuery('recordings.list', { callId: call.id }, { tables: ['recordings'] });
  const [replacing, setReplacing] = useState(false);
  const all = list.data ?? [];
  const current = all.find((r) => r.replacedBy === null);
  const older = all.filter((r) => r.replacedBy !== null);
  const canAttach = mayCall(api['recordings.attach'].access, actor) && mayAttach(actor, call);
  return (
    <section data-testid="call-recordings">
      <Divider titlePlacement="start">{t('rec.title')}</Divider>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      {list.data && !current && !canAttach && <p className="rec-meta">{t('rec.none')}</p>}
      {current && (
        <>
          <RecordingMeta r={current} zone={zone} />
          {current.state === 'pending' && <p className="rec-meta">{t('rec.pendingHint')}</p>}
          <RecordingPlayer key={current.id} recordingId={current.id} />
          {canAttach && !replacing && (
            <Button size="small" style={{ marginTop: 8 }} onClick={() => setReplacing(true)} data-testid="recording-replace">
              {t('rec.replace')}
            </Button>
          )}
        </>
      )}
      {list.data && canAttach && (!current || replacing) && (
        <>
          <AttachRecording call={call} replaces={current?.id} onDone={() => setReplacing(false)} />
          {replacing && (
            <Button size="small" type="link" onClick={() => setReplacing(false)}>
              {t('rec.cancel')}
            </Button>
          )}
        </>
      )}
      {older.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          destroyOnHidden
          items={[
            {
              key: 'history',
              label: `${t('rec.history')} (${older.length})`,
              children: older.map((r) => (
                <div key={r.id} style={{ marginBottom: 8 }}>
                  <RecordingMeta r={r} zone={zone} />
                  <RecordingPlayer recordingId={r.id} />
                </div>
              )),
            },
          ]}
        />
      )}
    </section>
  );
}
