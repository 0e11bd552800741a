// bench/scale: a call center at a real center's scale, generated on the central server (PostgreSQL or PGlite)
// in a few INSERT … SELECT generate_series statements: teams, agents and their leads, months of roster, calls,
// leave and swap history, QA evaluations. Deterministic from a seed: the same options give the same rows.
// Versions follow the time each row was written (a call when it ended, a team's month of roster when its lead
// published it), so a pull sees the history in the order a real server would have.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DEMO_USERS } from '../../db/demo/demo-center';
import { seedDemoCenter } from '../../db/demo/seed';
import { takeVersion } from '../../server/sync/versions';
import { lit, NAMES, OUTCOMES, WORDS } from './vocabulary';

export interface ScaleOptions {
  teams: number;
  agentsPerTeam: number;
  /** Months of roster: all but the last two lie before `now`'s month (the last two are this one and the next). */
  months: number;
  calls: number;
  seed: number;
  now: Date;
}

/** A quick center for CI; `--full` is the issue's: 2 000 agents in 80 teams, 12 months, 1 000 000 calls. */
export const QUICK: Omit<ScaleOptions, 'now' | 'seed'> = { teams: 20, agentsPerTeam: 25, months: 12, calls: 250_000 };
export const FULL: Omit<ScaleOptions, 'now' | 'seed'> = { teams: 80, agentsPerTeam: 25, months: 12, calls: 1_000_000 };

/** Ids the generator gives: agent i (1-based) is in team i % teams, with lead `sl-<team>`. */
export const agentId = (i: number) => `sa-${String(i).padStart(5, '0')}`;
export const teamId = (t: number) => `st-${String(t).padStart(3, '0')}`;
export const leadId = (t: number) => `sl-${String(t).padStart(3, '0')}`;

export interface ScaleCounts {
  teams: number;
  users: number;
  roster: number;
  calls: number;
  leave_requests: number;
  swaps: number;
  qa_evaluations: number;
  ms: number;
}

/**
 * Loads the demo center (policy, shift types, the demo people) and then the generated center into an empty
 * central database. The demo's own people keep working (sign-in, the director `center01` sees everything).
 */
export async function generateCenter(db: Kysely<Database>, o: ScaleOptions): Promise<ScaleCounts> {
  const t0 = performance.now();
  const version = await db.transaction().execute((tx) => takeVersion(tx));
  await seedDemoCenter(db, o.now, version, DEMO_USERS.map(() => 'bench-no-sign-in'));
  const agents = o.teams * o.agentsPerTeam;
  const nowIso = o.now.toISOString();
  // h(k): a pseudo-random non-negative int per row `g` and salt k, from the seed.
  const h = (k: number) => `(hashint4(g * 31 + ${k} + ${o.seed * 7919}) & 2147483647)`;
  // Everything written before now is versioned by its write time, in seconds from ORIGIN; 1 000 000 leaves room
  // for the demo center's versions below.
  const start = `(date_trunc('month', timestamptz '${nowIso}' at time zone 'Asia/Shanghai') - interval '${o.months - 2} months')::date`;
  const origin = `(${start} - 45)`;
  const vOf = (ts: string) => `(1000000 + floor(extract(epoch from (${ts}) - ${origin}::timestamp at time zone 'Asia/Shanghai'))::bigint)`;
  const iso = (ts: string) => `to_char((${ts}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`insert into teams (id, name, created_at, version)
    select 'st-' || lpad(t::text, 3, '0'), '第' || t || '组', '${nowIso}', 999000 from generate_series(0, ${o.teams - 1}) t`);
  await run(`insert into users (id, username, display_name, role, team_id, password_hash, active, created_at, version)
    select 'sl-' || lpad(t::text, 3, '0'), 'sl' || lpad(t::text, 3, '0'), '组长' || t, 'team_lead', 'st-' || lpad(t::text, 3, '0'), 'x', 1, '${nowIso}', 999001
    from generate_series(0, ${o.teams - 1}) t`);
  await run(`insert into users (id, username, display_name, role, team_id, password_hash, active, created_at, version)
    select 'sa-' || lpad(g::text, 5, '0'), 'sa' || lpad(g::text, 5, '0'), (${lit(NAMES)})[1 + g % ${NAMES.length}] || g, 'agent',
           'st-' || lpad((g % ${o.teams})::text, 3, '0'), 'x', 1, '${nowIso}', 999002
    from generate_series(1, ${agents}) g`);

  // Roster: every agent, every day of the months, on an 8-day cycle (day, day, evening, evening, off, night,
  // night, off). A team's month is one commit, published on the 20th of the month before.
  await run(`insert into roster (id, user_id, team_id, date, shift_code, updated_by, updated_at, version)
    select 'sr-' || a || '-' || d::text, 'sa-' || lpad(a::text, 5, '0'), 'st-' || lpad((a % ${o.teams})::text, 3, '0'), d::text,
           (array['D','D','E','E',null,'N','N',null])[1 + (d - ${start} + a * 3) % 8], 'sl-' || lpad((a % ${o.teams})::text, 3, '0'),
           ${iso(`pub`)}, ${vOf('pub')}
    from generate_series(1, ${agents}) a,
         generate_series(${start}, (${start} + interval '${o.months} months')::date - 1, interval '1 day') dd(day),
         lateral (select dd.day::date d) x,
         lateral (select (date_trunc('month', d::timestamp) - interval '1 month' + interval '19 days' + (a % ${o.teams}) * interval '1 minute') at time zone 'Asia/Shanghai' pub) p
    where (d - ${start} + a * 3) % 8 not in (4, 7)`);

  // Calls over the past months (as bench/search makes them), each its own commit when it ended.
  const w = (k: number) => `(${lit(WORDS)})[1 + ${h(k)} % ${WORDS.length}]`;
  const summary = [w(1), w(2), w(3), w(4), `case when ${h(5)} % 2 = 0 then ${w(6)} else '' end`].join(" || '，' || ");
  const span = `extract(epoch from timestamptz '${nowIso}' - (${start}::timestamp at time zone 'Asia/Shanghai'))::int - 3600`;
  await run(`insert into calls (id, agent_id, team_id, customer_phone, phone_key, customer_name, category, summary, outcome, follow_up, started_at, ended_at, duration_sec, created_at, version)
    select 'sc-' || g, 'sa-' || lpad(a::text, 5, '0'), 'st-' || lpad((a % ${o.teams})::text, 3, '0'), ph, ph, (${lit(NAMES)})[1 + ${h(13)} % ${NAMES.length}],
           (array['consultation','query','registration','complaint','suggestion'])[1 + ${h(14)} % 5], ${summary},
           (${lit(OUTCOMES)})[1 + ${h(15)} % ${OUTCOMES.length}], case when ${h(16)} % 11 = 0 then 1 else 0 end,
           ${iso('st')}, ${iso("st + interval '3 minutes'")}, 180, ${iso("st + interval '3 minutes'")}, ${vOf("st + interval '3 minutes'")}
    from (select g, 1 + ${h(17)} % ${agents} a, '13' || lpad((800000000 + ${h(12)} % 200000)::text, 9, '0') ph,
                 timestamptz '${nowIso}' - make_interval(secs => 3600 + ${h(11)} % (${span})) st
          from generate_series(1, ${o.calls}) g) s`);

  // Leave: six requests a year per agent, filed a week ahead; most approved, some refused or withdrawn.
  const leaves = Math.round((agents * 6 * o.months) / 12);
  await run(`insert into leave_requests (id, user_id, team_id, type, from_date, to_date, reason, filed_by, status, created_at, updated_at, version)
    select 'sl-req-' || g, 'sa-' || lpad(a::text, 5, '0'), 'st-' || lpad((a % ${o.teams})::text, 3, '0'),
           (array['annual','sick','personal'])[1 + ${h(21)} % 3], f::text, (f + ${h(22)} % 3)::text, '家中有事', 'sa-' || lpad(a::text, 5, '0'),
           (array['approved','approved','approved','rejected','cancelled','requested'])[1 + ${h(23)} % 6], ${iso('filed')}, ${iso('filed')}, ${vOf('filed')}
    from (select g, 1 + g % ${agents} a, (${start} + ${h(24)} % (${o.months} * 30 - 3))::date f from generate_series(1, ${leaves}) g) s,
         lateral (select least((f - 7)::timestamp at time zone 'Asia/Shanghai' + interval '9 hours', timestamptz '${nowIso}' - interval '1 hour') filed) x`);

  // Swaps: three a year per agent, with a colleague of the same team.
  const swaps = Math.round((agents * 3 * o.months) / 12);
  await run(`insert into swaps (id, requester_id, requester_team, partner_id, partner_team, give_date, give_shift, take_date, take_shift, reason, status, lead_a_by, lead_a_at, created_at, updated_at, version)
    select 'sw-' || g, 'sa-' || lpad(a::text, 5, '0'), tm, 'sa-' || lpad(p::text, 5, '0'), tm, d::text, 'D', (d + 1)::text, 'E', '换班',
           (array['approved','approved','rejected','cancelled'])[1 + ${h(31)} % 4], 'sl-' || substr(tm, 4), ${iso('filed')}, ${iso('filed')}, ${iso('filed')}, ${vOf('filed')}
    from (select g, a, 1 + (a - 1 + ${o.teams}) % ${agents} p, 'st-' || lpad((a % ${o.teams})::text, 3, '0') tm, (${start} + ${h(32)} % (${o.months} * 30 - 3))::date d
          from (select g, 1 + g % ${agents} a from generate_series(1, ${swaps}) g) q) s,
         lateral (select least((d - 5)::timestamp at time zone 'Asia/Shanghai' + interval '10 hours', timestamptz '${nowIso}' - interval '1 hour') filed) x`);

  // QA: one call in ten is evaluated, two days after it.
  await run(`insert into qa_evaluations (id, call_id, agent_id, team_id, inspector_id, template_version_id, month, call_started_at, score, created_at, updated_at, version)
    select 'qe-' || substr(c.id, 4), c.id, c.agent_id, c.team_id, 'user-qa01', 'bench-template', substr(c.started_at, 1, 7), c.started_at,
           60 + (hashint4(substr(c.id, 4)::int + ${o.seed}) & 31), ${iso('ev')}, ${iso('ev')}, ${vOf('ev')}
    from calls c, lateral (select least(c.started_at::timestamptz + interval '2 days', timestamptz '${nowIso}' - interval '1 minute') ev) x
    where c.id like 'sc-%' and substr(c.id, 4)::int % 10 = 0`);

  // The server's version counter moves past everything generated: the next commit is newer than all of it.
  await run(`update sync_state set version = greatest(version, (select max(v) from (
      select max(version) v from calls union all select max(version) from roster union all select max(version) from leave_requests
      union all select max(version) from swaps union all select max(version) from qa_evaluations) m)) where id = 1`);
  for (const t of ['teams', 'users', 'roster', 'calls', 'leave_requests', 'swaps', 'qa_evaluations']) await run(`analyze ${t}`);
  const count = async (t: string) => Number((await sql<{ n: string }>`select count(*) n from ${sql.table(t)}`.execute(db)).rows[0]!.n);
  return {
    teams: await count('teams'),
    users: await count('users'),
    roster: await count('roster'),
    calls: await count('calls'),
    leave_requests: await count('leave_requests'),
    swaps: await count('swaps'),
    qa_evaluations: await count('qa_evaluations'),
    ms: Math.round(performance.now() - t0),
  };
}
