import { Dropdown } from 'antd';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { DAY_COLORS } from './day-label';

type Month = MethodOutput<'roster.month'>;
type Person = Month['people'][number];
type Day = Month['days'][number];

/** Keep in step with roster-grid.css: a 31-day month fits beside the side menu from 1280 px up. */
export const ROW_H = 30;
const NAME_W = 100;
const DAY_W = 28;
/** Rows drawn above and below the visible window, so a fast wheel never shows blank space. */
const OVERSCAN = 8;
const KNOWN_SHIFTS = new Set(['D', 'E', 'N']);
/** How long typed letters build one shift code ("N", then "N2"). */
const TYPE_AHEAD_MS = 700;

interface Props {
  days: readonly Day[];
  people: readonly Person[];
  /** Header cells and one row per shift type with its coverage; they stay in view while scrolling. */
  header: (day: Day) => ReactNode;
  coverage: { label: string; cells: (day: Day) => ReactNode }[];
  personLabel: string;
  /** The grid's accessible name, e.g. "Roster 2026-03". */
  label: string;
  canEdit: boolean;
  /** Fade cells only this desk has; off on a standalone desk, where nothing waits for a server. */
  showPending: boolean;
  /** Shift codes a person may type into a cell. */
  codes: readonly string[];
  editMenu: { items: { key: string; label: string }[]; onPick(userId: string, date: string, code: string | null): void };
  /** How a cell reads in the UI language: the short local name (day / night), the full one as its title, the leave mark. */
  look: CellLook;
  /** Ctrl+Z: undo the last change made on this screen. */
  onUndo(): void;
  /** The most the grid may take; it also never runs below the window's bottom edge. */
  height: number;
}

export interface CellLook {
  text(code: string): string;
  title(code: string): string;
  /** The mark on a day of approved leave, and its title. */
  leaveMark: string;
  leaveTitle: string;
}

interface Cell {
  userId: string;
  day: number;
}

/**
 * The month grid as plain positioned elements: only the rows in view (plus a few) exist, each row is
 * memoised, and one scroll listener moves the window. A generic virtual table measured and re-rendered
 * far more than this needs (docs/BENCHMARKS.md).
 *
 * Keyboard: the grid is one Tab stop holding an active cell. Arrows (Home/End, PageUp/PageDown) move it,
 * typing a shift code sets that shift, Delete or Backspace makes it a rest day, Ctrl+Z undoes.
 */
export function MonthGridView(p: Props) {
  const [first, setFirst] = useState(0);
  const [editing, setEditing] = useState<Cell | null>(null);
  const [active, setActive] = useState<Cell | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const typed = useRef<{ text: string; timer: number }>({ text: '', timer: 0 });
  const fit = useFitHeight(scroller, p.height);
  const headH = ROW_H * (1 + p.coverage.length) + 10;
  const visible = Math.ceil((fit - headH) / ROW_H);
  const from = Math.max(0, first - OVERSCAN);
  const to = Math.min(p.people.length, first + visible + OVERSCAN);
  const width = NAME_W + DAY_W * p.days.length;
  const activeRow = active ? p.people.findIndex((x) => x.userId === active.userId) : -1;

  useEffect(() => () => window.clearTimeout(typed.current.timer), []);

  const onScroll = useCallback(() => {
    const top = scroller.current?.scrollTop ?? 0;
    const next = Math.floor(Math.max(0, top) / ROW_H);
    // Re-render only when the window moves by a few rows, not on every pixel.
    setFirst((cur) => (Math.abs(next - cur) >= 3 || next === 0 ? next : cur));
  }, []);

  const pick = (cell: Cell, code: string | null) => {
    const person = p.people.find((x) => x.userId === cell.userId);
    const day = p.days[cell.day];
    setEditing(null);
    if (person && day) p.editMenu.onPick(person.userId, day.date, code);
  };

  /** The cell menu closes (picked, Esc, a click elsewhere): the keyboard goes on from the grid. */
  const closeMenu = () => {
    setEditing(null);
    scroller.current?.focus({ preventScroll: true });
  };

  const onPick = (code: string | null) => {
    if (!editing) return;
    pick(editing, code);
    closeMenu();
  };

  /** Moves the active cell and scrolls it into view (below the sticky head, right of the sticky names). */
  const moveTo = (row: number, day: number) => {
    const r = Math.max(0, Math.min(p.people.length - 1, row));
    const d = Math.max(0, Math.min(p.days.length - 1, day));
    const person = p.people[r];
    if (!person) return;
    setActive({ userId: person.userId, day: d });
    setEditing(null);
    const el = scroller.current;
    if (!el) return;
    const top = headH + r * ROW_H;
    if (top < el.scrollTop + headH) el.scrollTop = top - headH;
    else if (top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H - el.clientHeight;
    const left = NAME_W + d * DAY_W;
    if (left < el.scrollLeft + NAME_W) el.scrollLeft = left - NAME_W;
    else if (left + DAY_W > el.scrollLeft + el.clientWidth) el.scrollLeft = left + DAY_W - el.clientWidth;
    onScroll();
  };

  /** Letters typed into the active cell build a shift code; a code no longer one can extend is set at once. */
  const typeAhead = (cell: Cell, ch: string) => {
    const buf = typed.current;
    window.clearTimeout(buf.timer);
    let text = buf.text + ch;
    if (!p.codes.some((c) => c.startsWith(text))) text = ch;
    const longer = p.codes.filter((c) => c.startsWith(text) && c !== text);
    const exact = p.codes.includes(text) ? text : null;
    if (exact && longer.length === 0) {
      buf.text = '';
      pick(cell, exact);
      return;
    }
    buf.text = longer.length > 0 || exact ? text : '';
    if (exact) buf.timer = window.setTimeout(() => ((buf.text = ''), pick(cell, exact)), TYPE_AHEAD_MS);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (p.people.length === 0 || e.nativeEvent.isComposing) return;
    const cell = active && activeRow >= 0 ? active : null;
    const row = cell ? activeRow : 0;
    const day = cell?.day ?? 0;
    const page = Math.max(1, visible - 1);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, day],
      ArrowDown: [row + 1, day],
      ArrowLeft: [row, day - 1],
      ArrowRight: [row, day + 1],
      PageUp: [row - page, day],
      PageDown: [row + page, day],
      Home: e.ctrlKey ? [0, 0] : [row, 0],
      End: e.ctrlKey ? [p.people.length - 1, p.days.length - 1] : [row, p.days.length - 1],
    };
    const move = moves[e.key];
    if (move && !e.altKey) {
      e.preventDefault();
      // The first arrow shows where the cursor is before moving it.
      if (!cell) moveTo(0, 0);
      else moveTo(move[0], move[1]);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (p.canEdit) p.onUndo();
      return;
    }
    if (e.key === 'Escape' && editing) {
      e.preventDefault();
      closeMenu();
      return;
    }
    if (!p.canEdit || !cell || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      typed.current.text = '';
      pick(cell, null);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setEditing(cell);
    } else if (/^[A-Za-z0-9_]$/.test(e.key)) {
      e.preventDefault();
      typeAhead(cell, e.key.toUpperCase());
    }
  };

  const activeId = active && activeRow >= from && activeRow < to ? 'zb-grid-active' : undefined;
  // The head (days and coverage, ~130 cells) does not change while scrolling: built once per data, not per step.
  const head = useMemo(
    () => (
      <div className="zb-grid-head" style={{ width }} role="rowgroup">
        <div className="zb-grid-row" style={{ height: ROW_H + 10 }} role="row">
          <div className="zb-grid-name zb-grid-th" role="columnheader">
            {p.personLabel}
          </div>
          {p.days.map((d) => (
            <div key={d.date} className="zb-grid-day zb-grid-th" style={{ background: DAY_COLORS[d.kind] }} role="columnheader" data-day={d.date}>
              {p.header(d)}
            </div>
          ))}
        </div>
        {p.coverage.map((c) => (
          <div key={c.label} className="zb-grid-row zb-grid-cov" style={{ height: ROW_H }} role="row">
            <div className="zb-grid-name" role="rowheader">
              {c.label}
            </div>
            {p.days.map((d) => (
              <div key={d.date} className="zb-grid-day" style={{ background: DAY_COLORS[d.kind] }} role="gridcell">
                {c.cells(d)}
              </div>
            ))}
          </div>
        ))}
      </div>
    ),
    // What the head shows, not the whole props object (which changes on every scroll step of the parent's state).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [p.days, p.coverage, p.header, p.personLabel, width],
  );
  // Rows keep their slot as the window moves (key = row index modulo the window): a row scrolled in takes over
  // the elements of one scrolled out, so a wheel step updates cells instead of building hundreds anew.
  const slots = visible + 2 * OVERSCAN + 1;

  return (
    <div
      ref={scroller}
      className="zb-grid"
      // A small team's grid is as tall as its rows; a large one scrolls inside the window.
      style={{ height: Math.min(fit, headH + p.people.length * ROW_H + 14) }}
      onScroll={onScroll}
      data-testid="roster-grid"
      role="grid"
      aria-label={p.label}
      aria-readonly={!p.canEdit || undefined}
      aria-rowcount={p.people.length + 1}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Tabbing in marks the first cell; a click's focus does not (the click picks the cell, and re-drawing
        // the first row under a pointer pressed on it would swallow the click).
        if (e.target === e.currentTarget && !active && p.people[0] && e.currentTarget.matches(':focus-visible')) setActive({ userId: p.people[0].userId, day: 0 });
      }}
      onClick={(ev) => {
        const el = (ev.target as HTMLElement).closest('[data-cell]');
        const key = el?.getAttribute('data-cell');
        if (!key) return;
        const [userId, date] = key.split('|') as [string, string];
        const cell = { userId, day: p.days.findIndex((d) => d.date === date) };
        setActive(cell);
        // The click's row turns from HTML into elements (it now holds the active cell), so the element clicked
        // is gone: the menu opens once this click is over, or it would count the click as one outside it.
        if (p.canEdit) window.setTimeout(() => setEditing(cell), 0);
      }}
    >
      <div style={{ width, height: headH + p.people.length * ROW_H, position: 'relative' }}>
        {head}
        {p.people.slice(from, to).map((person, i) => (
          <PersonRow
            key={(from + i) % slots}
            person={person}
            days={p.days}
            top={headH + (from + i) * ROW_H}
            canEdit={p.canEdit}
            showPending={p.showPending}
            editingDay={editing?.userId === person.userId ? editing.day : -1}
            activeDay={active?.userId === person.userId ? active.day : -1}
            menu={p.editMenu.items}
            look={p.look}
            onPick={onPick}
            onClose={closeMenu}
          />
        ))}
      </div>
    </div>
  );
}

/** The grid never runs past the window's bottom edge, so its horizontal scrollbar is always in view. */
function useFitHeight(ref: RefObject<HTMLDivElement | null>, max: number): number {
  const [h, setH] = useState(max);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      const room = Math.floor(window.innerHeight - Math.max(0, top) - 24);
      setH(Math.max(240, Math.min(max, room)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref, max]);
  return h;
}

interface RowProps {
  person: Person;
  days: readonly Day[];
  top: number;
  canEdit: boolean;
  showPending: boolean;
  editingDay: number;
  activeDay: number;
  menu: { key: string; label: string }[];
  look: CellLook;
  onPick(code: string | null): void;
  onClose(): void;
}

const PersonRow = memo(
  function PersonRow(props: RowProps) {
    const { person, days, top, canEdit, showPending, editingDay, activeDay, look } = props;
    // A row with nothing active in it is one string of plain elements, one per cell: React sets it in one go
    // instead of reconciling ~65 elements, and a scroll step costs the browser one parse per row scrolled in.
    if (editingDay === -1 && activeDay === -1)
      return <div key="plain" className="zb-grid-row zb-grid-body" style={{ top, height: ROW_H }} role="row" dangerouslySetInnerHTML={{ __html: rowHtml(person, days, look, canEdit, showPending) }} />;
    return <ActiveRow key="active" {...props} />;
  },
  // Position, data and edit state decide a row; the callbacks are stable in meaning, and the menu matters
  // only to the row whose cell has it open.
  (a, b) =>
    a.person === b.person &&
    a.days === b.days &&
    a.top === b.top &&
    a.canEdit === b.canEdit &&
    a.showPending === b.showPending &&
    a.editingDay === b.editingDay &&
    a.activeDay === b.activeDay &&
    a.look === b.look &&
    (b.editingDay === -1 || a.menu === b.menu),
);

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: string) => v.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Per look (language), what a cell of each code carries: its classes, title and text, escaped once. */
const cellParts = new WeakMap<CellLook, Map<string, { cls: string; title: string; text: string }>>();
function partsOf(look: CellLook, code: string) {
  let byCode = cellParts.get(look);
  if (!byCode) cellParts.set(look, (byCode = new Map()));
  let v = byCode.get(code);
  if (!v) byCode.set(code, (v = code ? { cls: ` zb-${KNOWN_SHIFTS.has(code) ? code : 'other'}`, title: look.title(code), text: esc(look.text(code)) } : { cls: ' zb-rest', title: '', text: '·' }));
  return v;
}
/** Per month, each day's cell class (its colour by kind). */
const dayClasses = new WeakMap<readonly Day[], string[]>();

/** One person's row as HTML: the name, then one element per day (the cell is the grid cell). */
function rowHtml(person: Person, days: readonly Day[], look: CellLook, canEdit: boolean, showPending: boolean): string {
  let kinds = dayClasses.get(days);
  if (!kinds) dayClasses.set(days, (kinds = days.map((d) => `zb-grid-day zb-c zb-day-${d.kind}`)));
  const pending = showPending && person.pending.length ? new Set(person.pending) : null;
  const leave = person.leave.length ? new Set(person.leave) : null;
  const uid = esc(person.userId);
  let html = `<div class="zb-grid-name" title="${esc(person.username)}" role="rowheader">${esc(person.name)}</div>`;
  for (let i = 0; i < days.length; i++) {
    const code = person.shifts[i] ?? '';
    const part = partsOf(look, code);
    const onLeave = leave?.has(i) ?? false;
    const title = onLeave ? (part.title ? `${part.title} · ${look.leaveTitle}` : look.leaveTitle) : part.title;
    html += `<div class="${kinds[i]}${part.cls}${code && pending?.has(i) ? ' zb-pending' : ''}${canEdit ? ' zb-edit' : ''}${onLeave ? ' zb-leave' : ''}" role="gridcell" data-cell="${uid}|${days[i]!.date}" data-code="${esc(code)}"${onLeave ? ' data-leave="true"' : ''}${title ? ` title="${esc(title)}"` : ''}>${part.text}${onLeave ? `<sup class="zb-leave-mark">${esc(look.leaveMark)}</sup>` : ''}</div>`;
  }
  return html;
}

/** The row holding the active or edited cell: React elements, for the cell's menu and the keyboard's focus mark. */
function ActiveRow({ person, days, top, canEdit, showPending, editingDay, activeDay, menu, look, onPick, onClose }: RowProps) {
  const pending = new Set(showPending ? person.pending : []);
  const leave = new Set(person.leave);
  return (
    <div className="zb-grid-row zb-grid-body" style={{ top, height: ROW_H }} role="row">
      <div className="zb-grid-name" title={person.username} role="rowheader">
        {person.name}
      </div>
      {days.map((d, i) => {
        const code = person.shifts[i] ?? '';
        const onLeave = leave.has(i);
        const cls = `zb-cell ${code ? `zb-${KNOWN_SHIFTS.has(code) ? code : 'other'}${pending.has(i) ? ' zb-pending' : ''}` : 'zb-rest'}${canEdit ? ' zb-edit' : ''}${onLeave ? ' zb-leave' : ''}`;
        const title = [code ? look.title(code) : '', onLeave ? look.leaveTitle : ''].filter(Boolean).join(' · ');
        const cell = (
          <span className={cls} data-cell={`${person.userId}|${d.date}`} data-code={code} data-leave={onLeave || undefined} title={title || undefined}>
            {code ? look.text(code) : '·'}
            {onLeave && <sup className="zb-leave-mark">{look.leaveMark}</sup>}
          </span>
        );
        return (
          <div
            key={d.date}
            className={`zb-grid-day zb-day-${d.kind}${i === activeDay ? ' zb-active' : ''}`}
            role="gridcell"
            id={i === activeDay ? 'zb-grid-active' : undefined}
            aria-selected={i === activeDay || undefined}
          >
            {i === editingDay ? (
              // One menu for the whole grid, attached to the cell being edited only.
              <Dropdown open onOpenChange={(open) => !open && onClose()} trigger={['click']} menu={{ items: menu, onClick: ({ key }) => onPick(key || null) }}>
                {cell}
              </Dropdown>
            ) : (
              cell
            )}
          </div>
        );
      })}
    </div>
  );
}
