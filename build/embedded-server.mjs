// Starts the central server next to a desk (`npm start`, `npm run web`), so the demo syncs out of the box.
// Reuses one already answering on the port (a second desk window, say).
import { spawn } from 'node:child_process';

export const EMBEDDED_PORT = 5180;

async function healthy(url) {
  try {
    const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
    return r.ok;
  } catch {
    return false;
  }
}

/** @returns {Promise<{ url: string, stop(): void }>} */
/** `dataDir` defaults to the server's own default (server/main.ts). */
export async function startEmbeddedServer({ port = EMBEDDED_PORT, dataDir } = {}) {
  const url = `http://127.0.0.1:${port}`;
  if (await healthy(url)) {
    console.log(`Zhiban: using the central server already running at ${url}`);
    return { url, stop() {} };
  }
  const args = ['--import', 'tsx', 'server/main.ts', '--port', String(port), ...(dataDir ? ['--data-dir', dataDir] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`central server did not start:\n${out}`)), 60_000);
    child.stdout.on('data', (c) => {
      out += c;
      process.stdout.write(c);
      if (/ready: /.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`central server exited with ${code}:\n${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}
