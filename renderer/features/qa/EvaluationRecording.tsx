import { Button, Tag, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import type { Comment } from '../../../shared/qa/schemas';
import { useQuery } from '../../client/use-query';
import { useT } from '../../i18n/i18n-store';
import { RecordingPlayer } from '../recordings/RecordingPlayer';
import { clockText } from './qa-text';

/**
 * Where a click on a comment sends the playhead. The player seeks when `seekTo` changes, so clicking the same
 * comment twice must still produce a new number: every second click lands a millisecond earlier (inaudible).
 */
export function useSeek(): [number | undefined, (sec: number) => void] {
  const [seek, setSeek] = useState<{ sec: number; n: number }>();
  return [seek === undefined ? undefined : Math.max(0, seek.sec - ((seek.n + 1) % 2) * 0.001), (sec) => setSeek((s) => ({ sec, n: (s?.n ?? 0) + 1 }))];
}

interface Props {
  callId: string;
  comments: readonly Comment[];
  seekTo?: number;
  /** The form's pin: called with the whole second the playhead is on (button, or the C key on the player). */
  onPin?(sec: number): void;
}

/**
 * qa.form: the call's current recording above the scorecard, the evaluation's timed comments drawn on its
 * waveform. Nothing is shown when the call has no recording (a form without audio still works as before).
 */
export function EvaluationRecording({ callId, comments, seekTo, onPin }: Props) {
  const t = useT();
  const list = useQuery('recordings.list', { callId }, { tables: ['recordings'] });
  const current = list.data?.find((r) => r.replacedBy === null);
  const [now, setNow] = useState(0);
  if (!current) return null;
  const at = Math.floor(now);
  const markers = comments.filter((c) => c.atSec !== null).map((c) => ({ atSec: c.atSec!, label: c.text }));
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (onPin && (e.key === 'c' || e.key === 'C') && !e.ctrlKey && !e.metaKey && !e.altKey && (e.target as HTMLElement).closest('[data-testid="recording-player"]')) {
      e.preventDefault();
      onPin(at);
    }
  };
  return (
    <div style={{ marginBottom: 12 }} onKeyDown={onKey} data-testid="qa-recording">
      <RecordingPlayer key={current.id} recordingId={current.id} markers={markers} seekTo={seekTo} onTime={setNow} />
      {onPin && (
        <div style={{ marginTop: 4 }}>
          <Button size="small" onClick={() => onPin(at)} data-testid="qa-comment-pin" data-at={at}>
            {t('qa.rec.pinAt', { at: clockText(at) })}
          </Button>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('qa.rec.pinHint')}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** A comment line; its time, when it has one, moves the playhead there. */
export function CommentLine({ c, onSeek, testId }: { c: Comment; onSeek(sec: number): void; testId: string }) {
  const t = useT();
  return (
    <div data-testid={testId} style={{ marginBottom: 4 }}>
      {c.atSec !== null && (
        <Tag data-at={c.atSec} style={{ cursor: 'pointer' }} role="button" tabIndex={0} title={t('qa.rec.seek')} onClick={() => onSeek(c.atSec!)} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSeek(c.atSec!)}>
          {clockText(c.atSec)}
        </Tag>
      )}
      {c.text}
    </div>
  );
}
