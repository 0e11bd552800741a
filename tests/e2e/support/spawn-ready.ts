import { spawn } from 'node:child_process';

export interface ReadyProcess {
  /** The first capture group of the ready line. */
  value: string;
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` (args[0]: a compiled entry from build/bundle-node.mjs, which global-setup.ts builds once
 * per run) and resolves once a line matches `ready` (60 s at most).
 */
export async function spawnUntilReady(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = process.env): Promise<ReadyProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const value = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}:\n${output}`)));
  });
  return {
    value,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
