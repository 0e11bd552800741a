import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** What a request to the central server is, for the faults that aim at one kind. */
export type Route = 'push' | 'pull' | 'login' | 'health' | 'poke' | 'other';

export function routeOf(url: string): Route {
  if (url.startsWith('/api/sync/push')) return 'push';
  if (url.startsWith('/api/sync/pull')) return 'pull';
  if (url.startsWith('/api/sync/poke')) return 'poke';
  if (url.startsWith('/api/v1/session.login')) return 'login';
  if (url.startsWith('/api/health')) return 'health';
  return 'other';
}

/** A push as it went over the wire, to send again later (a duplicated request). */
export interface CapturedPush {
  authorization: string;
  body: Buffer;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * The network between one desk and the central server: an HTTP relay (poke WebSockets are piped through as
 * raw TCP) that the harness can cut (every connection dropped, new ones reset), make lose the answer to
 * a request the server has already processed, make deliver a push twice at once, and tell when a push or
 * pull passes (to kill a process at that moment). Upstream is a port that follows the server's restarts.
 */
export class FaultProxy {
  private server!: http.Server;
  private readonly sockets = new Set<net.Socket>();
  private isCut = false;
  private dropReplyOf: Route | null = null;
  private duplicateNext = false;
  private hook: { routes: Route[]; fire: (route: Route) => void } | null = null;
  /** Requests being relayed now (the "push in flight" of quiescence). */
  inflight = 0;
  readonly captured: CapturedPush[] = [];
  readonly stats = { forwarded: 0, repliesDropped: 0, duplicated: 0 };
  port = 0;

  private constructor(public upstreamPort: number) {}

  static async start(upstreamPort: number): Promise<FaultProxy> {
    const p = new FaultProxy(upstreamPort);
    await p.listen();
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get cut(): boolean {
    return this.isCut;
  }

  /** Pull the cable: every open connection (HTTP and poke socket) is reset, and so is every new one. */
  cutCable(): void {
    this.isCut = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.isCut = false;
  }

  /** The next request of `route` reaches the server; its answer is lost on the way back. */
  dropNextReply(route: Route): void {
    this.dropReplyOf = route;
  }

  /** The next push is delivered twice, concurrently; the desk sees the first answer. */
  duplicateNextPush(): void {
    this.duplicateNext = true;
  }

  /** Calls `fire` (once) when the next request of one of `routes` arrives, before it is relayed. */
  onNext(routes: Route[], fire: (route: Route) => void): void {
    this.hook = { routes, fire };
  }

  disarm(): void {
    this.dropReplyOf = null;
    this.duplicateNext = false;
    this.hook = null;
  }

  get armed(): boolean {
    return this.dropReplyOf !== null || this.duplicateNext || this.hook !== null;
  }

  async close(): Promise<void> {
    this.cutCable();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(s: net.Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => s.destroy());
  }

  private listen(): Promise<void> {
    this.server = http.createServer({ keepAliveTimeout: 5_000 });
    this.server.on('connection', (s) => {
      if (this.isCut) return s.destroy();
      this.track(s);
    });
    this.server.on('request', (req, res) => this.relay(req, res));
    this.server.on('upgrade', (req, socket: net.Socket, head: Buffer) => this.pipeUpgrade(req, socket, head));
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      }),
    );
  }

  private forward(req: http.IncomingMessage, body: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: `127.0.0.1:${this.upstreamPort}`, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      delete headers.connection;
      const up = http.request({ host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers, agent: false, timeout: 60_000 }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(chunks) }));
        r.on('error', reject);
      });
      up.on('timeout', () => up.destroy(new Error('upstream timeout')));
      up.on('error', reject);
      up.on('socket', (s) => this.track(s));
      up.end(body);
    });
  }

  private relay(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => req.socket.destroy());
    req.on('end', () => {
      void (async () => {
        if (this.isCut) return req.socket.destroy();
        const body = Buffer.concat(chunks);
        const route = routeOf(req.url ?? '/');
        if (this.hook && this.hook.routes.includes(route)) {
          const h = this.hook;
          this.hook = null;
          h.fire(route);
        }
        if (route === 'push') {
          this.captured.push({ authorization: String(req.headers.authorization ?? ''), body });
          if (this.captured.length > 30) this.captured.shift();
        }
        const twice = route === 'push' && this.duplicateNext;
        if (twice) this.duplicateNext = false;
        this.inflight++;
        try {
          const sends = twice ? [this.forward(req, body), this.forward(req, body)] : [this.forward(req, body)];
          if (twice) {
            this.stats.duplicated++;
            void sends[1]!.catch(() => undefined);
          }
          const answer = await sends[0]!;
          this.stats.forwarded++;
          if (this.dropReplyOf === route) {
            this.dropReplyOf = null;
            this.stats.repliesDropped++;
            return req.socket.destroy();
          }
          if (this.isCut) return req.socket.destroy();
          const headers = { ...answer.headers, 'content-length': String(answer.body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.status, headers);
          res.end(answer.body);
        } catch {
          // The server is gone (killed, restarting): the desk sees what a dead link looks like.
          req.socket.destroy();
        } finally {
          this.inflight--;
        }
      })();
    });
  }

  private pipeUpgrade(req: http.IncomingMessage, socket: net.Socket, head: Buffer): void {
    if (this.isCut) return void socket.destroy();
    this.track(socket);
    const up = net.connect(this.upstreamPort, '127.0.0.1');
    this.track(up);
    up.on('connect', () => {
      let raw = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
      for (let i = 0; i < req.rawHeaders.length; i += 2) raw += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
      up.write(`${raw}\r\n`);
      if (head.length) up.write(head);
      socket.pipe(up).pipe(socket);
    });
    up.on('close', () => socket.destroy());
    socket.on('close', () => up.destroy());
  }
}
