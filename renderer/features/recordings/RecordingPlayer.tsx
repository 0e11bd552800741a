import { Alert, Button, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { CallError } from '../../client/desk-client';
import { errorText } from '../../client/error-text';
import { useT } from '../../i18n/i18n-store';
import { useClient } from '../../stores/session-store';
import { clock, peaksOf } from './peaks';
import './recordings.css';

/** A point on the recording's timeline, e.g. a QA comment pinned to the moment it is about. */
export interface RecordingMarker {
  /** Seconds from the start. */
  atSec: number;
  /** Shown on hover (the marker's title) and read by screen readers. */
  label: string;
}

/**
 * Props of the recording player (reused by the QA evaluation form):
 * - `recordingId`: the recording to play; the player fetches its bytes through the desk (this desk's spool copy
 *   or the server's), decodes them for the waveform and plays them.
 * - `markers`: points drawn on the waveform; clicking one seeks there.
 * - `onTime(sec)`: the current position, while playing (a few times a second) and after every seek — what a form
 *   pins a comment to.
 * - `seekTo`: set it (a new number) to move the playhead there, e.g. when a comment is clicked.
 * Keyboard, while the player has focus: Space plays/pauses, Left/Right move 5 s back/forward.
 */
export interface RecordingPlayerProps {
  recordingId: string;
  markers?: readonly RecordingMarker[];
  onTime?(sec: number): void;
  seekTo?: number;
}

const BARS = 160;

/** Drawn here: the desk uses no icon package. */
function PlayPauseIcon({ playing }: { playing: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
      <circle cx="12" cy="12" r="11" fill="#4f46e5" />
      {playing ? (
        <>
          <rect x="8" y="7" width="3" height="10" fill="#fff" />
          <rect x="13" y="7" width="3" height="10" fill="#fff" />
        </>
      ) : (
        <path d="M9.5 7 L17 12 L9.5 17 Z" fill="#fff" />
      )}
    </svg>
  );
}
const STEP_SEC = 5;

type Loaded = { url: string; peaks: number[] | null; duration: number };

export function RecordingPlayer({ recordingId, markers = [], onTime, seekTo }: RecordingPlayerProps) {
  const t = useT();
  const client = useClient();
  const audio = useRef<HTMLAudioElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ text: string; needsServer: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [now, setNow] = useState(0);
  const onTimeRef = useRef(onTime);
  onTimeRef.current = onTime;

  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    setLoaded(null);
    setError(null);
    setNow(0);
    setPlaying(false);
    void (async () => {
      try {
        const { mime, bytes } = await client.readRecording(recordingId);
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([bytes], { type: mime }));
        let peaks: number[] | null = null;
        let duration = 0;
        try {
          // Decoded once for the waveform; playback itself is the audio element's (it can seek a blob).
          const decoded = await new OfflineAudioContext(1, 1, 8000).decodeAudioData(bytes.slice(0));
          peaks = peaksOf(decoded.getChannelData(0), BARS);
          duration = decoded.duration;
        } catch {
          peaks = null; // Not decodable here: still playable if the element can, just without a waveform.
        }
        if (!cancelled) setLoaded({ url, peaks, duration });
      } catch (err) {
        if (cancelled) return;
        const needsServer = err instanceof CallError && err.wire.fields?.[0]?.code === 'err.recordingNeedsServer';
        setError({ text: needsServer ? t('rec.needsServer') : errorText(t, err), needsServer });
      }
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
    // t is left out on purpose: a language switch must not reload the audio.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, recordingId, attempt]);

  const duration = loaded?.duration || audio.current?.duration || 0;
  const seek = useCallback(
    (sec: number) => {
      const a = audio.current;
      if (!a) return;
      const d = Number.isFinite(a.duration) && a.duration > 0 ? a.duration : duration;
      a.currentTime = Math.max(0, Math.min(d || 0, sec));
      setNow(a.currentTime);
      onTimeRef.current?.(a.currentTime);
    },
    [duration],
  );

  useEffect(() => {
    if (seekTo !== undefined && loaded) seek(seekTo);
  }, [seekTo, loaded, seek]);

  const toggle = () => {
    const a = audio.current;
    if (!a) return;
    if (a.paused) void a.play().catch(() => setPlaying(false));
    else a.pause();
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === ' ' || e.code === 'Space') {
      e.preventDefault();
      toggle();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      seek((audio.current?.currentTime ?? 0) + (e.key === 'ArrowLeft' ? -STEP_SEC : STEP_SEC));
    }
  };

  const onWave = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width > 0 && duration > 0) seek(((e.clientX - box.left) / box.width) * duration);
  };

  if (error)
    return (
      <Alert
        type={error.needsServer ? 'info' : 'warning'}
        showIcon
        title={error.text}
        data-testid="recording-error"
        action={
          <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
            {t('rec.retry')}
          </Button>
        }
      />
    );
  if (!loaded)
    return (
      <div className="rec-player rec-player-loading">
        <Spin size="small" /> {t('rec.loading')}
      </div>
    );

  const at = duration > 0 ? Math.min(1, now / duration) : 0;
  return (
    <div className="rec-player" tabIndex={0} role="group" aria-label={t('rec.player')} title={t('rec.player')} onKeyDown={onKey} data-testid="recording-player">
      <audio
        ref={audio}
        src={loaded.url}
        preload="auto"
        data-testid="recording-audio"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onTimeUpdate={(e) => {
          setNow(e.currentTarget.currentTime);
          onTimeRef.current?.(e.currentTarget.currentTime);
        }}
      />
      <Button
        type="text"
        shape="circle"
        size="large"
        className="rec-play"
        aria-label={playing ? t('rec.pause') : t('rec.play')}
        icon={<PlayPauseIcon playing={playing} />}
        onClick={toggle}
        data-testid="recording-toggle"
      />
      <svg className="rec-wave" viewBox={`0 0 ${BARS} 40`} preserveAspectRatio="none" role="slider" aria-label={t('rec.waveform')} aria-valuemin={0} aria-valuemax={Math.round(duration)} aria-valuenow={Math.round(now)} onClick={onWave} data-testid="recording-waveform">
        {(loaded.peaks ?? Array.from({ length: BARS }, () => 0.08)).map((p, i) => {
          const h = Math.max(1, p * 36);
          return <rect key={i} x={i + 0.15} y={20 - h / 2} width={0.7} height={h} className={i / BARS < at ? 'rec-bar rec-bar-played' : 'rec-bar'} />;
        })}
        <line x1={at * BARS} x2={at * BARS} y1={0} y2={40} className="rec-head" />
        {duration > 0 &&
          markers.map((m, i) => (
            <g
              key={`${m.atSec}-${i}`}
              className="rec-marker"
              data-testid="recording-marker"
              onClick={(e) => {
                e.stopPropagation();
                seek(m.atSec);
              }}
            >
              <title>{`${clock(m.atSec)} ${m.label}`}</title>
              <line x1={(m.atSec / duration) * BARS} x2={(m.atSec / duration) * BARS} y1={0} y2={40} />
              <circle cx={(m.atSec / duration) * BARS} cy={3} r={2.2} />
            </g>
          ))}
      </svg>
      <span className="rec-clock" data-testid="recording-clock">
        {clock(now)} / {clock(duration)}
      </span>
      {!loaded.peaks && <span className="rec-note">{t('rec.decodeFailed')}</span>}
    </div>
  );
}
