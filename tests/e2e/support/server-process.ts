import { spawn } from 'node:child_process';

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/** The real central server (`npm run server`) on PGlite in `dataDir`, any free port. */
export async function startServerProcess(dataDir: string): Promise<ServerProcess> {
  // Always the embedded store here: a DATABASE_URL meant for the server suite would be shared across runs.
  const { DATABASE_URL: _shared, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (c: Buffer) => {
      output += c.toString();
      const m = /ready: (http\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
