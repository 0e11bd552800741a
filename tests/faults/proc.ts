import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/**
 * Child processes of the harness (central servers, desks), started with `node` on the compiled entries
 * (build/bundle-node.mjs, built once at the start of a run), their output
 * appended to a log file each. Every one is tracked so the harness kills what it started — by pid, never
 * by name — however it ends (including Ctrl-C).
 */
const live = new Set<ChildProcess>();

export function killEveryStartedProcess(): void {
  for (const c of live) {
    try {
      c.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

export interface Proc {
  pid: number;
  /** First capture group of the ready line. */
  ready: string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<string>;
  alive(): boolean;
  /** The last few KB of its output (diagnostics in a failure). */
  tail(): string;
  /** kill -9: no shutdown code runs. */
  kill9(): Promise<void>;
  /** SIGTERM (clean shutdown), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Lines of output that match since the process started. */
  grep(re: RegExp): string[];
}

export async function spawnReady(o: { args: string[]; env: NodeJS.ProcessEnv; ready: RegExp; logFile: string; timeoutMs?: number; cwd?: string }): Promise<Proc> {
  const child = spawn(process.execPath, o.args, { stdio: ['ignore', 'pipe', 'pipe'], env: o.env, cwd: o.cwd });
  live.add(child);
  let output = '';
  let all = '';
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(signal ?? String(code));
    }),
  );
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    appendFileSync(o.logFile, text);
    output = (output + text).slice(-16_000);
    all += text;
    if (all.length > 2_000_000) all = all.slice(-1_000_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${o.args[0]} was not ready within ${(o.timeoutMs ?? 90_000) / 1000} s:\n${output.slice(-3000)}`));
    }, o.timeoutMs ?? 90_000);
    const check = () => {
      const m = o.ready.exec(all);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`${o.args[0]} exited (${how}) before it was ready:\n${output.slice(-3000)}`));
    });
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    pid: child.pid!,
    ready,
    exited,
    alive,
    tail: () => output,
    grep: (re) => all.split('\n').filter((l) => re.test(l)),
    kill9: async () => {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    stop: async (graceMs = 10_000) => {
      if (!alive()) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(t);
    },
  };
}
