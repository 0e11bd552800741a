import { spawn, type ChildProcess } from 'node:child_process';

export interface DeskProcess {
  url: string;
  stop(): Promise<void>;
}

/** The real web-mode desk as a separate process (`npm run web` without the build step), on a free port. */
export async function startDeskProcess(dataDir: string, serverUrl?: string): Promise<DeskProcess> {
  const extra = serverUrl ? ['--server', serverUrl] : [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/backend/web-entry.ts', '--port', '0', '--data-dir', dataDir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`desk did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Zhiban web desk ready: (\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`desk exited with ${code}:\n${output}`)));
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
