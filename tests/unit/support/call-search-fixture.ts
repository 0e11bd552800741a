import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema';
import { phoneKey } from '../../../shared/calls/phone';
import { CALL_CATEGORIES, type CallRecord } from '../../../shared/calls/schemas';
import type { CallCursor } from '../../../shared/calls/history-schemas';

/**
 * A fixture for search tests: a few hundred calls of realistic Chinese text (plus some Latin words in mixed
 * case and numbers typed every way), many sharing a start minute so paging must break ties by id. Written
 * straight into `calls` (as a pull would), so the FTS triggers and the server's index see ordinary rows.
 */
export const WORDS = ['宽带', '断线', '报修', '话费', '账单', '查询', '套餐', '变更', '投诉', '网速', '太慢', '营业厅', '密码', '重置', '积分', '兑换', 'WiFi', 'App', '光猫', '上门', '100%', 'a_b'];
const NAMES = ['张先生', '李女士', '王总', 'Chen Li', '赵小姐', ''];
const OUTCOMES = ['已解答', '转二线处理', '待回访', 'Resolved 已结', '已登记报修单'];
const AGENTS = ['agent01', 'agent02', 'agent03', 'agent07', 'agent08', 'lead01'];

/** A small deterministic generator (the fixture must be the same on every engine). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type CallRow = Selectable<Database['calls']> & Insertable<Database['calls']>;

export function searchFixture(now: Date, n = 320): CallRow[] {
  const rnd = lcg(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const agent = AGENTS[i % AGENTS.length]!;
    // Starts on whole minutes over three days: about one in three shares its minute with another call.
    const started = new Date(now.getTime() - (30 + Math.floor(rnd() * 3 * 24 * 60 * 0.4)) * 60_000 - 3600_000);
    started.setUTCSeconds(0, 0);
    const digits = `13${String(800_000_000 + Math.floor(rnd() * 40)).padStart(9, '0')}`;
    const phone = i % 3 === 0 ? `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}` : i % 3 === 1 ? digits : `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
    const summary = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => pick(WORDS)).join(i % 2 ? '' : '，');
    return {
      id: `call-${String(i).padStart(4, '0')}-${Math.floor(rnd() * 1e6).toString(36)}`,
      agent_id: `user-${agent}`,
      team_id: ['agent07', 'agent08'].includes(agent) ? 'team-b' : 'team-a',
      customer_phone: phone,
      phone_key: phoneKey(phone),
      customer_name: pick(NAMES),
      category: CALL_CATEGORIES[i % CALL_CATEGORIES.length]!,
      summary,
      outcome: pick(OUTCOMES),
      follow_up: i % 4 === 0 ? 1 : 0,
      started_at: started.toISOString(),
      ended_at: new Date(started.getTime() + 120_000).toISOString(),
      duration_sec: 120,
      created_at: started.toISOString(),
      version: 1,
    } as CallRow;
  });
}

export async function seedCalls(db: Kysely<Database>, rows: CallRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('calls').values(rows.slice(i, i + 100)).execute();
}

export interface Filter {
  from: string;
  to: string;
  agentId?: string;
  teamId?: string;
  category?: CallRecord['category'];
  outcome?: string;
  followUp?: 'any' | 'yes' | 'no';
  q?: string;
}

/** SQLite's lower() folds ASCII only; the fixture's other letters have no case. */
const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const has = (text: string, q: string) => lower(text).includes(lower(q));

/**
 * The reference answer, in plain code: what the history always meant (the reader's rows; each filter narrows;
 * q found in number, name, summary or outcome — summary and outcome only for a masked reader), newest first.
 */
export function expected(all: readonly CallRow[], filter: Filter, reader: { scope: (r: CallRow) => boolean; textOnly: boolean }): string[] {
  // Typed text is trimmed at the door (shared/api/fields.ts Text): a query of spaces searches for nothing in particular.
  const f = { ...filter, q: filter.q?.trim(), outcome: filter.outcome?.trim() };
  return all
    .filter((r) => reader.scope(r) && r.started_at >= f.from && r.started_at < f.to)
    .filter((r) => !f.agentId || r.agent_id === f.agentId)
    .filter((r) => !f.teamId || r.team_id === f.teamId)
    .filter((r) => !f.category || r.category === f.category)
    .filter((r) => !f.followUp || f.followUp === 'any' || (f.followUp === 'yes') === (Number(r.follow_up) === 1))
    .filter((r) => !f.outcome || has(r.outcome, f.outcome))
    .filter((r) => !f.q || (reader.textOnly ? [r.summary, r.outcome] : [r.customer_phone, r.customer_name, r.summary, r.outcome]).some((t) => has(t, f.q!)))
    .sort((a, b) => (a.started_at === b.started_at ? (a.id < b.id ? 1 : -1) : a.started_at < b.started_at ? 1 : -1))
    .map((r) => r.id);
}

export interface SearchPage {
  items: CallRecord[];
  next: CallCursor | null;
  total: number;
  capped: boolean;
  source: 'center' | 'replica';
  searchedFrom: string;
}

/** Every page of a search, following the cursors; fails on a page that repeats a call. */
export async function allPages(ask: (after: CallCursor | undefined) => Promise<SearchPage>, limit: number): Promise<{ ids: string[]; pages: SearchPage[] }> {
  const ids: string[] = [];
  const pages: SearchPage[] = [];
  let after: CallCursor | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const p = await ask(after);
    pages.push(p);
    ids.push(...p.items.map((c) => c.id));
    if (p.items.length > limit) throw new Error('page longer than its limit');
    if (!p.next) return { ids, pages };
    after = p.next;
  }
  throw new Error('search never ended');
}
