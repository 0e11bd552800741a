// `npm run web [-- --port N --data-dir DIR --server-port N | --server URL | --standalone]`: builds the renderer
// and the compiled server and desk (build/bundle-node.mjs),
// starts the embedded central server (unless --server or --standalone) on --server-port (or ZHIBAN_SERVER_PORT,
// default 5180; never joining a foreign center there), then serves the desk on 127.0.0.1.
import { spawn } from 'node:child_process';
import { buildRenderer } from './renderer-build.mjs';
import { bundleNode, SERVER_ENTRY, WEB_ENTRY } from './bundle-node.mjs';
import { serverPortOption, startEmbeddedServer } from './embedded-server.mjs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const standalone = args.includes('--standalone');
let serverPort;
let portGiven;
let rest;
try {
  ({ port: serverPort, given: portGiven, rest } = serverPortOption(args.filter((a) => a !== '--skip-build' && a !== '--standalone')));
} catch (err) {
  console.error(`Zhiban: ${err.message}`);
  process.exit(2);
}

if (!skipBuild) {
  await buildRenderer();
  await bundleNode();
}
let server = null;
if (!standalone && !rest.some((a) => a.startsWith('--server'))) {
  server = await startEmbeddedServer({ port: serverPort, entry: SERVER_ENTRY });
  rest.push('--server', server.url);
} else if (portGiven) console.log('Zhiban: --server-port / ZHIBAN_SERVER_PORT is for the embedded server; ignored with --server or --standalone.');
const child = spawn(process.execPath, [WEB_ENTRY, ...rest], { stdio: 'inherit' });
const stop = (sig) => {
  child.kill(sig);
  server?.stop();
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig));
child.on('exit', (code) => {
  server?.stop();
  process.exit(code ?? 0);
});
