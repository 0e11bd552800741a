// `npm run web [-- --port N --data-dir DIR]`: builds the renderer, then serves the desk on 127.0.0.1.
import { spawn } from 'node:child_process';
import { buildRenderer } from './renderer-build.mjs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const rest = args.filter((a) => a !== '--skip-build');

if (!skipBuild) await buildRenderer();
const child = spawn(process.execPath, ['--import', 'tsx', 'electron/backend/web-entry.ts', ...rest], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
