import { Button } from 'antd';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { CALL_CATEGORIES, type CallCategory } from '../../../shared/calls/schemas';
import { useT } from '../../i18n/i18n-store';

/**
 * The call's category as ONE stop in the Tab order: a radio group with a roving tabindex. Tab enters on
 * the chosen category (the first when none is) and leaves the group; arrow keys move the choice; Space
 * picks the focused one; Alt+1…5 (handled by the form) picks from anywhere.
 */
export function CategoryPicker({ value, onChange, invalid }: { value: CallCategory | null; onChange(c: CallCategory): void; invalid: boolean }) {
  const t = useT();
  const group = useRef<HTMLDivElement>(null);
  const stop = value ?? CALL_CATEGORIES[0];

  // Picked while the focus is inside the group (arrows, Alt+n): the focus follows the choice.
  useEffect(() => {
    const el = group.current;
    if (!el || !value || !el.contains(document.activeElement)) return;
    el.querySelector<HTMLElement>(`[data-category="${value}"]`)?.focus();
  }, [value]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const n = CALL_CATEGORIES.length;
    const at = CALL_CATEGORIES.indexOf(stop);
    let next: number | null = step !== undefined ? (at + step + n) % n : null;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = n - 1;
    if (next === null || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    onChange(CALL_CATEGORIES[next]!);
  };

  return (
    <div ref={group} role="radiogroup" aria-label={t('calls.log.category')} aria-invalid={invalid || undefined} data-testid="call-category" onKeyDown={onKeyDown} style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
      {CALL_CATEGORIES.map((c, i) => (
        <Button
          key={c}
          role="radio"
          aria-checked={value === c}
          tabIndex={c === stop ? 0 : -1}
          type={value === c ? 'primary' : 'default'}
          danger={invalid && value === null}
          data-category={c}
          onClick={() => onChange(c)}
        >
          {`${i + 1} ${t(`category.${c}`)}`}
        </Button>
      ))}
    </div>
  );
}
