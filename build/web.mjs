// `npm run web [-- --port N --data-dir DIR]`: builds the renderer, then serves the desk on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const rest = args.filter((a) => a !== '--skip-build');

if (!skipBuild) {
  const r = spawnSync(process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'electron/backend/web-entry.ts', ...rest], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
