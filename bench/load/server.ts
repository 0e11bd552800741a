// The central server as `npm run server` runs it, on DATABASE_URL, with the push path chosen by the load
// benchmark: --legacy is the one before #16 (one transaction per mutation). Prints its address when ready.
import { buildServer } from '../../server/app';
import { openCentralStore } from '../../server/store';
import { processPushPerMutation } from '../sync/legacy-push';

async function main() {
  const store = await openCentralStore({ databaseUrl: process.env.DATABASE_URL });
  const legacy = process.argv.includes('--legacy');
  const { app } = buildServer({ store, clock: () => new Date(), appVersion: 'bench', centerId: 'bench-load', ...(legacy ? { push: processPushPerMutation } : {}) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`READY ${address}`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

void main();
