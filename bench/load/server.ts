// The central server as `npm run server` runs it, on DATABASE_URL, with the push path chosen by the load
// benchmark: --legacy is the one before #16 (one transaction per mutation), --solo one transaction per push
// (no group commit). Prints its address when ready, and on SIGTERM a STATS line (from the last SIGUSR2 on): how long requests waited for
// a pooled connection and, with group commit, how long pushes waited to join a commit and how many shared one.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { buildServer } from '../../server/app';
import { openCentralStore } from '../../server/store';
import { processPush } from '../../server/sync/push';
import { processPushPerMutation } from '../sync/legacy-push';

/** Milliseconds each checkout of a pooled connection waited (Kysely's driver asks with the promise form). */
const poolWaitMs: number[] = [];
const connect = pg.Pool.prototype.connect as (this: pg.Pool) => Promise<pg.PoolClient>;
pg.Pool.prototype.connect = function (this: pg.Pool, ...args: unknown[]) {
  if (args.length > 0) return (connect as (...a: unknown[]) => unknown).apply(this, args);
  const t = performance.now();
  return connect.call(this).then((c) => {
    poolWaitMs.push(performance.now() - t);
    return c;
  });
} as typeof pg.Pool.prototype.connect;

/** How late the server's event loop ran (a push's statements wait on it as much as on PostgreSQL). */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

async function main() {
  const store = await openCentralStore({ databaseUrl: process.env.DATABASE_URL });
  const push = process.argv.includes('--legacy') ? processPushPerMutation : process.argv.includes('--solo') ? processPush : undefined;
  const { app, pushes } = buildServer({ store, clock: () => new Date(), appVersion: 'bench', centerId: 'bench-load', ...(push ? { push } : {}) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`READY ${address}`);
  const stop = async () => {
    const loop = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
    console.log(`STATS ${JSON.stringify({ poolWaitMs, loop, cpu: process.cpuUsage(), group: push ? null : pushes.stats })}`);
    await app.close();
    await store.close();
    process.exit(0);
  };
  // The benchmark's measured part starts: forget the first sync and warm-up.
  process.on('SIGUSR2', () => {
    poolWaitMs.length = 0;
    loopDelay.reset();
    Object.assign(pushes.stats, { commits: 0, members: 0, largest: 0, queueWaitMs: [], split: 0, commitMs: [] });
  });
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

void main();
