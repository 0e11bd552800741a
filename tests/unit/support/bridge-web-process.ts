import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_FILE_NAME } from '../../../electron/backend/desk-host';
import { startDemoDesk } from './desks';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface WebProcess {
  child: ChildProcess;
  port: number;
  token: string;
  origin: string;
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * The real `web-entry.ts` process, as `npm run web` starts it (no --server: a standalone desk), on a copy
 * of a demo desk database made by support/desks.ts startDemoDesk rather than seeding its own.
 * Resolves on its ready line, rejects with its output if it exits first.
 */
export async function startWebProcess(dataDir: string, staticDir: string): Promise<WebProcess> {
  // The demo desk database, made the way the in-process tests make theirs, then closed for the process to open.
  if (!existsSync(join(dataDir, DB_FILE_NAME))) await (await startDemoDesk({ dataDir })).close();
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/backend/web-entry.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ZHIBAN_STATIC_DIR: staticDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (alive()) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = () => {
      const m = /Zhiban web desk ready: (http:\/\/127\.0\.0\.1:(\d+))\/#token=([\w-]+)/.exec(out);
      if (!m) return;
      child.stdout.off('data', onData);
      resolve({ child, port: Number(m[2]), token: m[3]!, origin: m[1]!, output: () => out, alive, stop });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`web-entry exited (${code ?? signal}) before it was ready:\n${out}`)));
  });
}
