// npm run bench: every benchmark — each `bench:<name>` script of package.json, in its order — one after the
// other at its quick size (CI); `npm run bench -- --full` runs each at its full size. Stops at the first that
// fails. A bench that needs PostgreSQL says so and skips without DATABASE_URL (bench:load, bench:search); the
// others run on PGlite / SQLite / Chromium. Read from package.json so a new bench:* script joins by itself.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
const benches = Object.keys(scripts).filter((s) => s.startsWith('bench:'));
const full = process.argv.includes('--full');
console.log(`npm run bench${full ? ' -- --full' : ''}: ${benches.join(', ')}`);
for (const name of benches) {
  console.log(`\n=== npm run ${name}${full ? ' -- --full' : ''}`);
  const r = spawnSync('npm', ['run', name, ...(full ? ['--', '--full'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}
