// bench/roster: roster.month at a center's size (folded cells vs the plain path) and a whole month's import on
// the server (chunked, checked outside the lock, vs one transaction), each baseline measured in the same run.
// Quick: month for 500 people, import of 300; --full: month for 2 000, import of 2 100 (a center).
// Run: npm run bench:roster [-- --full] [--month-only]   (DATABASE_URL set: the import runs on PostgreSQL, else PGlite)
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchImport } from './import';
import { benchMonth } from './month';

const full = process.argv.includes('--full');
const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

async function main() {
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`machine: ${cpus().length} cores, load average ${load()} at start; ${full ? 'full' : 'quick'} size`);
  const m = await benchMonth(full ? 2000 : 500, full ? 12 : 10);
  console.log(`\nroster.month, ${m.people} people (read transaction + output validation, as the dispatch runs it):`);
  console.log('| path | p50 | p95 |\n|---|---|---|');
  console.log(`| plain (a row object per cell), baseline | ${ms(m.plain.p50)} | ${ms(m.plain.p95)} |`);
  console.log(`| folded in SQL (now) | ${ms(m.fast.p50)} | ${ms(m.fast.p95)} |`);
  console.log(`| now, through an installed desk's dispatch (answers unchecked, as main.ts runs it) | ${ms(m.dispatch.p50)} | ${ms(m.dispatch.p95)} |`);
  console.log(`ratio p50 ${(m.plain.p50 / m.fast.p50).toFixed(1)}×; target ≤ 150 ms at 2 000 people: ${m.people >= 2000 ? (m.dispatch.p95 <= 150 ? 'met' : `not met (p95 ${ms(m.dispatch.p95)})`) : 'n/a at this size'}`);

  if (process.argv.includes('--month-only')) return console.log(`\nload average at end: ${load()}`);
  const i = await benchImport(full ? 2100 : 300);
  console.log(`\nroster.import, ${i.people} people × 30 days (${i.cells} cells), ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}:`);
  console.log('| path | check | whole import | pushes applied meanwhile | longest push wait |\n|---|---|---|---|---|');
  console.log(`| one transaction, a read and write per cell (baseline) | ${ms(i.plainCheckMs)} | ${ms(i.plain.ms)} | ${i.plain.pushes} | ${ms(i.plain.maxPushWaitMs)} |`);
  console.log(`| checked outside the lock, 100 people per commit (now) | ${ms(i.checkMs)} | ${ms(i.chunked.ms)} | ${i.chunked.pushes} | ${ms(i.chunked.maxPushWaitMs)} |`);
  console.log(`ratio: check ${(i.plainCheckMs / i.checkMs).toFixed(0)}×, import ${(i.plain.ms / i.chunked.ms).toFixed(1)}×, longest push wait ${(i.plain.maxPushWaitMs / i.chunked.maxPushWaitMs).toFixed(0)}×`);
  console.log(`\nload average at end: ${load()}`);
}

void main();
