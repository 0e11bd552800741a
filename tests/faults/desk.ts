import { join } from 'node:path';
import type { WireError } from '../../shared/api/errors';
import { DEMO_PASSWORD } from '../../db/demo/demo-center';
import { spawnReady, type Proc } from './proc';
import { WEB_ENTRY } from '../../build/bundle-node.mjs';
import type { FaultProxy } from './proxy';

export type RpcResult = { ok: true; value: unknown } | { ok: false; error: WireError } | { ok: false; transport: string };

export const isTransport = (r: RpcResult): r is { ok: false; transport: string } => !r.ok && 'transport' in r;

/**
 * One web-mode desk process (`electron/backend/web-entry.ts`, compiled to out/web/web-entry.mjs) and the person at it, driven through its
 * loopback bridge (POST /rpc with the per-launch token of its printed URL, the session as a Bearer token).
 * Sessions live in the desk's memory, so every start signs in again (offline sign-in works once the person
 * has signed in here with the server).
 */
export class Desk {
  proc: Proc | null = null;
  private origin = '';
  private bridgeToken = '';
  private session = '';
  private starts = 0;
  /** The clock this process runs at, as an offset from the run's pinned instant (0: right). */
  skewMs = 0;
  /** Told when the process ends without the harness having stopped or killed it (a crash). */
  onCrash: (how: string, tail: string) => void = () => {};
  private stopping = false;

  constructor(
    readonly index: number,
    readonly username: string,
    readonly dataDir: string,
    readonly proxy: FaultProxy,
    private readonly env: () => NodeJS.ProcessEnv,
    private readonly logDir: string,
    private readonly now: number,
  ) {}

  get userId(): string {
    return `user-${this.username}`;
  }

  get label(): string {
    return `desk${this.index}(${this.username})`;
  }

  /** The desk's own "now", as its pinned (maybe skewed) clock says. */
  get clockMs(): number {
    return this.now + this.skewMs;
  }

  running(): boolean {
    return this.proc?.alive() ?? false;
  }

  async start(skewMs = this.skewMs): Promise<void> {
    this.skewMs = skewMs;
    this.starts++;
    const env = { ...this.env(), ZHIBAN_FIXED_CLOCK: new Date(this.clockMs).toISOString() };
    this.proc = await spawnReady({
      args: [WEB_ENTRY, '--server', this.proxy.url, '--data-dir', this.dataDir, '--port', '0'],
      env,
      ready: /Zhiban web desk ready: (\S+)/,
      logFile: join(this.logDir, `desk${this.index}.log`),
    });
    this.stopping = false;
    const proc = this.proc;
    void proc.exited.then((how) => {
      if (!this.stopping && this.proc === proc) this.onCrash(how, proc.tail());
    });
    const u = new URL(this.proc.ready);
    this.origin = u.origin;
    this.bridgeToken = new URLSearchParams(u.hash.slice(1)).get('token') ?? '';
    this.session = '';
  }

  async signIn(): Promise<void> {
    const r = await this.rpc('session.login', { username: this.username, password: DEMO_PASSWORD }, 60_000);
    if (!r.ok) throw new Error(`${this.label} sign-in failed: ${JSON.stringify(r)}`);
    this.session = (r.value as { token: string }).token;
  }

  async kill9(): Promise<void> {
    this.stopping = true;
    await this.proc?.kill9();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.proc?.stop();
  }

  /** Never throws: a desk that is down (or killed mid-call) answers with `transport`. */
  async rpc(method: string, args: unknown, timeoutMs = 30_000): Promise<RpcResult> {
    if (!this.proc?.alive()) return { ok: false, transport: 'desk process not running' };
    try {
      const res = await fetch(`${this.origin}/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-desk-token': this.bridgeToken, ...(this.session ? { authorization: `Bearer ${this.session}` } : {}) },
        body: JSON.stringify({ method, args }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const json = (await res.json()) as RpcResult;
      return json;
    } catch (err) {
      return { ok: false, transport: err instanceof Error ? err.message : String(err) };
    }
  }

  /** An RPC that must work (reads of the harness): throws with the answer otherwise. */
  async must<T>(method: string, args: unknown = {}): Promise<T> {
    const r = await this.rpc(method, args);
    if (!r.ok) throw new Error(`${this.label} ${method}: ${JSON.stringify(r)}`);
    return r.value as T;
  }
}
