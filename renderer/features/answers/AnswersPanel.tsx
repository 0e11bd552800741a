import { Button, Card, Empty, Input, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchAnswers } from '../../../shared/answers/search';
import { useT } from '../../i18n/i18n-store';
import { useSession } from '../../stores/session-store';
import { useCallDraft } from '../calls/call-draft-store';
import { AckControl, AnswerBody } from './AnswerBody';
import { ANSWERS_KEY, useAnswersPanel } from './panel-store';
import { useAnswers } from './use-answers';

/** Where Esc puts the cursor back: the field of the call form it came from, else the form's first field, else "start a call". */
function backToCall(from: HTMLElement | null): void {
  const form = document.querySelector<HTMLElement>('[data-testid="call-form"]');
  const target = from && form?.contains(from) && from.isConnected ? from : (form?.querySelector<HTMLElement>('input, textarea') ?? document.querySelector<HTMLElement>('[data-testid="start-call"]'));
  target?.focus();
}

/**
 * Unified answers beside the call being logged (meeting.weekly): F4 opens it with the cursor in the search
 * box; each keystroke searches the desk's own copy (it holds every answer, also offline), answers tagged
 * with the call's category first. ↑↓ pick, Enter opens the picked answer, Esc goes back to the call form
 * where it was (the draft is the call's own store, untouched here).
 */
export function AnswersPanel() {
  const t = useT();
  const actor = useSession((s) => s.actor)!;
  const { open, seq, show, close } = useAnswersPanel();
  const category = useCallDraft((s) => (s.draft?.ownerId === actor.userId ? s.draft.category : null));
  const q = useAnswers(actor);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [expanded, setExpanded] = useState<string | null>(null);
  const inputRef = useRef<InputRef>(null);
  const cameFrom = useRef<HTMLElement | null>(null);

  const found = useMemo(() => searchAnswers((q.data?.answers ?? []).filter((a) => a.status === 'published'), query, category), [q.data, query, category]);

  useEffect(() => {
    if (!seq || !open) return;
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && !focused.closest('[data-testid="answers-panel"]')) cameFrom.current = focused;
    // The panel may mount with this very key press (F4 on another screen): focus once it is drawn.
    const id = window.setTimeout(() => inputRef.current?.focus({ cursor: 'all' }), 0);
    return () => window.clearTimeout(id);
  }, [seq, open]);

  useEffect(() => setActive(0), [query, category]);

  if (!open)
    return (
      <Button onClick={show} data-testid="answers-open" style={{ alignSelf: 'flex-start' }}>
        {t('answers.panel.open', { key: ANSWERS_KEY })}
      </Button>
    );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = found.length;
      if (n) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const a = found[active];
      if (a) setExpanded((x) => (x === a.id ? null : a.id));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      backToCall(cameFrom.current);
    }
  };

  return (
    <Card
      size="small"
      title={t('answers.panel.title')}
      extra={
        <Button size="small" type="text" onClick={close} data-testid="answers-close">
          {t('answers.panel.close')}
        </Button>
      }
      style={{ flex: '1 1 320px', maxWidth: 460, minWidth: 280 }}
      data-testid="answers-panel"
    >
      {/* No clear button: F4 selects what was typed, so typing replaces it, and Tab goes straight to the opened answer. */}
      <Input
        ref={inputRef}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('answers.search')}
        role="combobox"
        aria-expanded
        aria-controls="answers-results"
        aria-activedescendant={found[active] ? `answer-opt-${found[active].id}` : undefined}
        data-testid="answers-search"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '4px 0 8px' }}>
        {t('answers.panel.keys')} · {t('answers.panel.count', { count: found.length })}
      </Typography.Text>
      {found.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(q.data?.answers.length ? 'answers.noMatch' : 'answers.none')} />
      ) : (
        <div id="answers-results" role="listbox" style={{ maxHeight: 520, overflowY: 'auto' }}>
          {found.map((a, i) => (
            <div
              key={a.id}
              id={`answer-opt-${a.id}`}
              role="option"
              aria-selected={i === active}
              aria-expanded={expanded === a.id}
              data-testid="answers-result"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(i);
                setExpanded((x) => (x === a.id ? null : a.id));
                inputRef.current?.focus();
              }}
              style={{ padding: '6px 8px', borderRadius: 6, cursor: 'pointer', background: i === active ? 'rgba(22,119,255,0.10)' : undefined, borderBottom: '1px solid rgba(5,5,5,0.06)' }}
            >
              <div style={{ display: 'flex', gap: 6, alignItems: 'baseline', flexWrap: 'wrap' }}>
                <Typography.Text strong={a.ackedAt === null && actor.role === 'agent'}>{a.title}</Typography.Text>
                {category !== null && a.categories.includes(category) && <Tag color="blue">{t('answers.panel.fits')}</Tag>}
                {a.ackedAt === null && actor.role === 'agent' && <Tag color="warning">{t('answers.filter.toAck')}</Tag>}
              </div>
              {expanded === a.id ? (
                <div style={{ marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
                  <AnswerBody a={a} />
                  <div style={{ marginTop: 6 }}>
                    <AckControl a={a} onDone={q.reload} />
                  </div>
                </div>
              ) : (
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {a.answer}
                </Typography.Text>
              )}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
