import { Dropdown } from 'antd';
import { memo, useCallback, useRef, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../shared/api/table';
import { DAY_COLORS } from './day-label';

type Month = MethodOutput<'roster.month'>;
type Person = Month['people'][number];
type Day = Month['days'][number];

export const ROW_H = 30;
const NAME_W = 130;
const DAY_W = 46;
/** Rows drawn above and below the visible window, so a fast wheel never shows blank space. */
const OVERSCAN = 8;
const KNOWN_SHIFTS = new Set(['D', 'E', 'N']);

interface Props {
  days: readonly Day[];
  people: readonly Person[];
  /** Header cells and one row per shift type with its coverage; they stay in view while scrolling. */
  header: (day: Day) => ReactNode;
  coverage: { label: string; cells: (day: Day) => ReactNode }[];
  personLabel: string;
  canEdit: boolean;
  /** Fade cells only this desk has; off on a standalone desk, where nothing waits for a server. */
  showPending: boolean;
  editMenu: { items: { key: string; label: string }[]; onPick(userId: string, date: string, code: string | null): void };
  height: number;
}

/**
 * The month grid as plain positioned elements: only the rows in view (plus a few) exist, each row is
 * memoised, and one scroll listener moves the window. A generic virtual table measured and re-rendered
 * far more than this needs (docs/BENCHMARKS.md).
 */
export function MonthGridView(p: Props) {
  const [first, setFirst] = useState(0);
  const [editing, setEditing] = useState<{ userId: string; day: number } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const headH = ROW_H * (1 + p.coverage.length) + 10;
  const visible = Math.ceil((p.height - headH) / ROW_H);
  const from = Math.max(0, first - OVERSCAN);
  const to = Math.min(p.people.length, first + visible + OVERSCAN);
  const width = NAME_W + DAY_W * p.days.length;

  const onScroll = useCallback(() => {
    const top = scroller.current?.scrollTop ?? 0;
    const next = Math.floor(Math.max(0, top) / ROW_H);
    // Re-render only when the window moves by a few rows, not on every pixel.
    setFirst((cur) => (Math.abs(next - cur) >= 3 || next === 0 ? next : cur));
  }, []);

  const onPick = (code: string | null) => {
    if (!editing) return;
    const person = p.people.find((x) => x.userId === editing.userId);
    setEditing(null);
    if (person) p.editMenu.onPick(person.userId, p.days[editing.day]!.date, code);
  };

  return (
    <div
      ref={scroller}
      className="zb-grid"
      // A small team's grid is as tall as its rows; a large one scrolls inside `height`.
      style={{ height: Math.min(p.height, headH + p.people.length * ROW_H + 18) }}
      onScroll={onScroll}
      data-testid="roster-grid"
      onClick={(ev) => {
        if (!p.canEdit) return;
        const el = (ev.target as HTMLElement).closest('[data-cell]');
        const key = el?.getAttribute('data-cell');
        if (!key) return;
        const [userId, date] = key.split('|') as [string, string];
        setEditing({ userId, day: p.days.findIndex((d) => d.date === date) });
      }}
    >
      <div style={{ width, height: headH + p.people.length * ROW_H, position: 'relative' }}>
        <div className="zb-grid-head" style={{ width }}>
          <div className="zb-grid-row" style={{ height: ROW_H + 10 }}>
            <div className="zb-grid-name zb-grid-th">{p.personLabel}</div>
            {p.days.map((d) => (
              <div key={d.date} className="zb-grid-day zb-grid-th" style={{ background: DAY_COLORS[d.kind] }}>
                {p.header(d)}
              </div>
            ))}
          </div>
          {p.coverage.map((c) => (
            <div key={c.label} className="zb-grid-row zb-grid-cov" style={{ height: ROW_H }}>
              <div className="zb-grid-name">{c.label}</div>
              {p.days.map((d) => (
                <div key={d.date} className="zb-grid-day" style={{ background: DAY_COLORS[d.kind] }}>
                  {c.cells(d)}
                </div>
              ))}
            </div>
          ))}
        </div>
        {p.people.slice(from, to).map((person, i) => (
          <PersonRow
            key={person.userId}
            person={person}
            days={p.days}
            top={headH + (from + i) * ROW_H}
            canEdit={p.canEdit}
            showPending={p.showPending}
            editingDay={editing?.userId === person.userId ? editing.day : -1}
            menu={p.editMenu.items}
            onPick={onPick}
            onClose={() => setEditing(null)}
          />
        ))}
      </div>
    </div>
  );
}

interface RowProps {
  person: Person;
  days: readonly Day[];
  top: number;
  canEdit: boolean;
  showPending: boolean;
  editingDay: number;
  menu: { key: string; label: string }[];
  onPick(code: string | null): void;
  onClose(): void;
}

const PersonRow = memo(
  function PersonRow({ person, days, top, canEdit, showPending, editingDay, menu, onPick, onClose }: RowProps) {
    const pending = new Set(showPending ? person.pending : []);
    return (
      <div className="zb-grid-row zb-grid-body" style={{ top, height: ROW_H }}>
        <div className="zb-grid-name" title={person.username}>
          {person.name}
        </div>
        {days.map((d, i) => {
          const code = person.shifts[i] ?? '';
          const cls = `zb-cell ${code ? `zb-${KNOWN_SHIFTS.has(code) ? code : 'other'}${pending.has(i) ? ' zb-pending' : ''}` : 'zb-rest'}${canEdit ? ' zb-edit' : ''}`;
          const cell = (
            <span className={cls} data-cell={`${person.userId}|${d.date}`}>
              {code || '·'}
            </span>
          );
          return (
            <div key={d.date} className="zb-grid-day" style={{ background: DAY_COLORS[d.kind] }}>
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
  },
  // Position, data and edit state decide a row; the callbacks are stable in meaning.
  (a, b) => a.person === b.person && a.days === b.days && a.top === b.top && a.canEdit === b.canEdit && a.showPending === b.showPending && a.editingDay === b.editingDay && a.menu === b.menu,
);
