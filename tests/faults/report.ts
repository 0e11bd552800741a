import { existsSync, readFileSync } from 'node:fs';
import { ROLES } from '../../shared/auth/roles';
import { api, type MethodName } from '../../shared/api/table';
import { FAULT_KINDS, type Finding, type LegResult, type Severity } from './leg';
import { KNOWN_FINDINGS } from './findings';

export interface RunInfo {
  date: string;
  seed: number;
  mode: string;
  command: string;
  cores: number;
  cpu: string;
  loadStart: number[];
  loadEnd: number[];
  node: string;
  wallMs: number;
  legs: LegResult[];
  skippedLegs: { name: string; why: string }[];
  pgNote: string | null;
  passed: boolean;
}

/**
 * methods × roles × {server, desk} + the unauthenticated call of each, as tests/unit/method-matrix.test.ts runs
 * it: session methods (sign-in and out) have tests of their own; the server serves everything but the desk-only
 * (`local`) methods, a desk everything.
 */
export function methodRoleCounts() {
  const names = Object.keys(api) as MethodName[];
  const byKind: Record<string, number> = {};
  for (const m of names) byKind[api[m].kind] = (byKind[api[m].kind] ?? 0) + 1;
  const matrix = names.filter((m) => api[m].kind !== 'session');
  const server = matrix.filter((m) => api[m].kind !== 'local').length;
  const desk = matrix.length;
  const roles = ROLES.length;
  return { methods: names.length, byKind, roles, server, desk, withRoles: (server + desk) * roles, unauthenticated: server + desk, total: (server + desk) * (roles + 1) };
}

function fuzzSummary(file: string): string {
  if (!existsSync(file)) return `Not present (\`${file}\` is written by the API fuzz run; none has run on this machine before this one).`;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const lines: string[] = ['| key | value |', '|---|---|'];
    const walk = (prefix: string, v: unknown, depth: number) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 3) for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x, depth + 1);
      else lines.push(`| ${prefix} | ${typeof v === 'string' ? v : JSON.stringify(v)} |`);
    };
    walk('', data, 0);
    return `From \`${file}\`:\n\n${lines.join('\n')}`;
  } catch (err) {
    return `\`${file}\` is present but could not be read: ${(err as Error).message}`;
  }
}

const SEVERITIES: Severity[] = ['critical', 'major', 'minor', 'info'];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const secs = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

export function renderReport(r: RunInfo): string {
  const mr = methodRoleCounts();
  const legs = r.legs;
  const out: string[] = [];
  out.push('# Reliability: the fault harness');
  out.push('');
  out.push(
    'Written by `npm run test:faults` (`tests/faults/run.ts`) at the end of every run, overwritten each time; the numbers below are that run\'s. ' +
      'Real processes (the central server, three web-mode desks, a TCP/HTTP fault proxy per desk), real faults, bounded in time. The invariant: ' +
      '**every acknowledged action ends applied on the server or visibly rejected in its actor\'s "needs attention" inbox, every desk converges to the server for its ' +
      'person\'s scope, and the server is up at the end.** The run exits non-zero if anything was lost, diverged, ran twice, or the server was down at the end.',
  );
  out.push('');
  out.push('| | |');
  out.push('|---|---|');
  out.push(`| result | **${r.passed ? 'PASS' : 'FAIL'}** |`);
  out.push(`| date | ${r.date} |`);
  out.push(`| seed | ${r.seed} (same schedule again: \`npm run test:faults -- --seed ${r.seed}\`) |`);
  out.push(`| mode | ${r.mode} — \`${r.command}\` |`);
  out.push(`| machine | ${r.cores} cores (${r.cpu}); load average ${r.loadStart.map((x) => x.toFixed(2)).join(' / ')} at start, ${r.loadEnd.map((x) => x.toFixed(2)).join(' / ')} at end (1 / 5 / 15 min); Node ${r.node} |`);
  out.push(`| wall time | ${secs(r.wallMs)} |`);
  out.push(`| iterations | ${sum(legs.map((l) => l.iterations))} (${legs.map((l) => `${l.name} ${l.iterations}`).join(', ')}), ${sum(legs.map((l) => l.steps))} steps |`);
  out.push(`| faults injected | ${sum(legs.map((l) => sum(Object.values(l.faults))))} |`);
  out.push(`| acknowledged actions | ${sum(legs.map((l) => l.acks))} (applied ${sum(legs.map((l) => l.applied))}, visibly rejected ${sum(legs.map((l) => l.rejected))}) |`);
  out.push(`| actions lost | **${sum(legs.map((l) => l.lost))}** (must be 0) |`);
  out.push(`| divergent desks | **${sum(legs.map((l) => l.divergent))}** (must be 0) |`);
  out.push(`| duplicates | **${sum(legs.map((l) => l.duplicates))}** (must be 0) |`);
  out.push(`| server up at the end | ${legs.length ? legs.map((l) => `${l.name}: ${l.serverUpAtEnd ? 'yes (/api/health 200)' : '**no**'}`).join(', ') : '—'} |`);
  out.push('');
  if (r.skippedLegs.length) {
    for (const s of r.skippedLegs) out.push(`- Leg **${s.name}** skipped: ${s.why}`);
    out.push('');
  }
  if (r.pgNote) {
    out.push(`PostgreSQL leg: ${r.pgNote}`);
    out.push('');
  }

  out.push('## Legs');
  out.push('');
  out.push('| leg | iterations | steps | acknowledged | applied | rejected (in the inbox) | lost | divergent | duplicates | acted, not acknowledged, applied | server up at end | wall time |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const l of legs)
    out.push(`| ${l.name} | ${l.iterations} | ${l.steps} | ${l.acks} | ${l.applied} | ${l.rejected} | ${l.lost} | ${l.divergent} | ${l.duplicates} | ${l.unacknowledgedApplied} | ${l.serverUpAtEnd ? 'yes' : '**no**'} | ${secs(l.wallMs)} |`);
  out.push('');

  out.push('## Faults injected, by kind');
  out.push('');
  out.push(`| fault | ${legs.map((l) => l.name).join(' | ')} | how |`);
  out.push(`|---|${legs.map(() => '---|').join('')}---|`);
  for (const k of FAULT_KINDS) out.push(`| ${k} | ${legs.map((l) => String(l.faults[k] ?? 0)).join(' | ')} | ${cell(HOW[k])} |`);
  out.push(`| (proxy) requests relayed / answers lost / pushes delivered twice | ${legs.map((l) => `${l.proxy.forwarded} / ${l.proxy.repliesDropped} / ${l.proxy.duplicated}`).join(' | ')} | counted by the proxies |`);
  out.push('');
  for (const l of legs) out.push(`- Disk full, ${l.name}: ${l.diskFull}.`);
  out.push('');

  out.push('## Acknowledged actions');
  out.push('');
  const names = [...new Set(legs.flatMap((l) => Object.keys(l.acksByName)))].sort();
  out.push(`| method | ${legs.map((l) => l.name).join(' | ')} |`);
  out.push(`|---|${legs.map(() => '---|').join('')}`);
  for (const n of names) out.push(`| ${n} | ${legs.map((l) => String(l.acksByName[n] ?? 0)).join(' | ')} |`);
  out.push('');
  out.push('Refused by the server later, by rule (each one is in its actor\'s inbox; the check fails the run otherwise):');
  out.push('');
  const rules = [...new Set(legs.flatMap((l) => Object.keys(l.rejectedByRule)))].sort();
  if (rules.length === 0) out.push('- none');
  for (const rule of rules) out.push(`- \`${rule}\`: ${legs.map((l) => `${l.name} ${l.rejectedByRule[rule] ?? 0}`).join(', ')}`);
  out.push('');
  out.push('Not acknowledged (so nothing is owed): refused at once by the desk, by code — ' + (legs.map((l) => `${l.name}: ${Object.entries(l.refusedAtOnce).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}; no answer (desk killed or down) ${l.noAnswer}`).join(' · ') || '—') + '.');
  out.push('');

  out.push('## Method × role matrix (from `shared/api/table.ts`)');
  out.push('');
  out.push(
    `${mr.methods} methods (${Object.entries(mr.byKind).map(([k, n]) => `${n} ${k}`).join(', ')}); the generated matrix (\`tests/unit/method-matrix.test.ts\`) calls every one but the ${mr.byKind.session ?? 0} session methods ` +
      `as each of the ${mr.roles} roles, on the server (${mr.server}: all but the desk-only \`local\` ones) and on a desk (${mr.desk}): ` +
      `${mr.server} × ${mr.roles} + ${mr.desk} × ${mr.roles} = ${mr.withRoles} method × role cases, plus ${mr.unauthenticated} without a session, **${mr.total}** in all.`,
  );
  out.push('');
  out.push('## API fuzzing');
  out.push('');
  out.push(fuzzSummary('test-results/fuzz-summary.json'));
  out.push('');

  out.push('## Findings by severity');
  out.push('');
  const runFindings: Finding[] = legs.flatMap((l) => l.findings);
  for (const sev of SEVERITIES) {
    const known = KNOWN_FINDINGS.filter((f) => f.severity === sev);
    const found = runFindings.filter((f) => f.severity === sev);
    out.push(`### ${sev}`);
    out.push('');
    if (!known.length && !found.length) out.push('- none');
    for (const f of known) out.push(`- **${f.title}** — ${f.status}. ${f.detail}`);
    for (const f of found) out.push(`- **This run (${f.leg}, iteration ${f.iteration}): ${f.title}** — open. ${f.detail.split('\n')[0]!.slice(0, 1200)}`);
    out.push('');
  }
  const notes = [...new Set(legs.flatMap((l) => l.notes))];
  if (notes.length) {
    out.push('## Notes from the run');
    out.push('');
    for (const n of notes.slice(0, 40)) out.push(`- ${n}`);
    if (notes.length > 40) out.push(`- … ${notes.length - 40} more`);
    out.push('');
  }
  out.push('## How it runs');
  out.push('');
  out.push(METHOD);
  out.push('');
  return out.join('\n');
}

const HOW: Record<(typeof FAULT_KINDS)[number], string> = {
  'desk kill -9 mid-write': '1–3 `calls.log` sent to the desk, SIGKILL 0–40 ms later; restarted on the same data dir, signed in again',
  'desk kill -9 mid-sync': 'cable cut, 2–6 calls logged, cable back; SIGKILL 0–30 ms after the proxy sees its push or pull',
  'server kill -9 mid-push': 'a desk returns with 3–10 calls; SIGKILL of the server 0–60 ms after its push arrives; restarted on the same data dir / database while the desks work offline',
  'network cut': 'the desk\'s proxy resets every connection (HTTP and poke socket) and every new one until restored (a later step or the heal)',
  'dropped response': 'the next push (70 %) or pull reaches the server; its answer is thrown away and the connection reset',
  'duplicated push (concurrent)': 'the next push is delivered twice at once; the desk gets the first answer',
  'duplicated push (replayed)': 'a push captured earlier on the wire is sent again, straight to the server, with its token',
  'desk clock +24 h': 'the desk restarts with its clock a day ahead (ZHIBAN_FIXED_CLOCK, NODE_ENV=test) until the heal',
  'desk clock -24 h': 'the same, a day behind',
  'disk full (desk)': 'a file fills the desk\'s own tmpfs to ENOSPC, leaving 0–48 KB; freed by a later step or the heal',
  'PostgreSQL restart': '`pg_ctl restart -m fast` of the leg\'s own cluster, 60 % of the time as a desk\'s push arrives',
  'pg_terminate_backend': 'every connection of the server\'s scratch database terminated, 60 % of the time as a push arrives',
};

const METHOD = `- **Processes.** Per leg, one central server (\`node out/server/main.mjs --port 0 --data-dir D\`, compiled from server/main.ts; PGlite in D, or a scratch
  PostgreSQL database) with the demo center, and three desks (\`out/web/web-entry.mjs --server <proxy> --data-dir <dir> --port 0\`) signed in
  as agent01 (一组), agent07 (二组) and lead01 (一组's lead), each behind its own HTTP/WebSocket fault proxy in the harness. Every process runs at
  one pinned instant (NODE_ENV=test, ZHIBAN_FIXED_CLOCK=2026-03-17T02:30Z), so the calendar and the rules are the same on every run. The other
  team's lead (lead02) approves through the server's API. The PostgreSQL leg runs when DATABASE_URL is set, on a throwaway cluster of its own
  (initdb in the run's temp dir) so restarts touch nobody else's tests.
- **Actions** go through each desk's loopback bridge (POST /rpc with the launch token): \`calls.log\`, \`roster.assign\` (lead),
  \`swap.request\` (with \`swap.options\`' pay-back days) / \`respond\` / \`cancel\` / \`decide\`, \`leave.request\` / \`decide\`. An action is
  *acknowledged* when its RPC answered ok; each is recorded with its parsed input.
- **Iterations.** 5–9 seeded steps (35 % faults), then the heal (server up, cables back, disks freed, clocks right, every desk running and signed
  in), then quiet (every desk's \`sync.now\` reports online with 0 pending and no request in flight on any proxy), then the checks.
- **Checks.** (1) each desk's synced tables equal a from-scratch pull of its person's scope from the running server, row for row, every public
  column; (2) every acknowledged creation (call, swap, leave) is on the server or in its actor's inbox, never both; (3) from the server's
  mutation_log (each PostgreSQL iteration, and at the end of each leg — PGlite is single-process, so its server is stopped first): every
  acknowledged action has its entry under its desk's client id, applied (its row there) or rejected and shown in that desk's inbox; one entry
  per (client, id); no creation applied twice; each desk equals its person's scope read straight from the tables with \`syncScopeOf\` +
  \`whereInScope\`; (4) \`/api/health\` answers 200.`;
