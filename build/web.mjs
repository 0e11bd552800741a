// `npm run web [-- --port N --data-dir DIR --server URL | --standalone]`: builds the renderer, starts the
// embedded central server (unless --server or --standalone), then serves the desk on 127.0.0.1.
import { spawn } from 'node:child_process';
import { buildRenderer } from './renderer-build.mjs';
import { startEmbeddedServer } from './embedded-server.mjs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const standalone = args.includes('--standalone');
const rest = args.filter((a) => a !== '--skip-build' && a !== '--standalone');

if (!skipBuild) await buildRenderer();
let server = null;
if (!standalone && !rest.some((a) => a.startsWith('--server'))) {
  server = await startEmbeddedServer();
  rest.push('--server', server.url);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'electron/backend/web-entry.ts', ...rest], { stdio: 'inherit' });
const stop = (sig) => {
  child.kill(sig);
  server?.stop();
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig));
child.on('exit', (code) => {
  server?.stop();
  process.exit(code ?? 0);
});
