import type { WebSocket } from 'ws';
import type { Actor } from '../../shared/auth/roles';
import { rowInScope, syncScopeOf } from '../../shared/sync/scope';
import type { Row } from '../../db/sync/synced-tables';

/** A token may hold this many poke sockets; a newer one closes the oldest (a desk reconnecting, not a leak). */
export const MAX_SOCKETS_PER_TOKEN = 4;
/** Close code for a socket whose token was revoked, or that a newer socket of the same token replaced. */
export const CLOSE_REVOKED = 4401;
export const CLOSE_REPLACED = 4409;

interface Listener {
  actor: Actor;
  /** The SHA-256 of the token it authenticated with (server-sessions.ts hashToken): never the token itself. */
  tokenHash: string;
}

/** Connected desks, each with the identity it authenticated as; poked when a commit touches their scope. */
export class PokeHub {
  /** In the order they connected, so the oldest socket of a token is the first one met. */
  private readonly sockets = new Map<WebSocket, Listener>();

  constructor(private readonly maxPerToken = MAX_SOCKETS_PER_TOKEN) {}

  add(ws: WebSocket, actor: Actor, tokenHash: string): void {
    const same = [...this.sockets].filter(([, l]) => l.tokenHash === tokenHash).map(([s]) => s);
    for (const old of same.slice(0, Math.max(0, same.length - this.maxPerToken + 1))) this.close(old, CLOSE_REPLACED, 'replaced by a newer socket');
    this.sockets.set(ws, { actor, tokenHash });
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', () => this.sockets.delete(ws));
  }

  pokeFor(changes: { table: string; row: Row }[]): number {
    let n = 0;
    for (const [ws, { actor }] of this.sockets) {
      const scope = syncScopeOf(actor);
      if (changes.some((c) => c.table in scope && rowInScope(scope[c.table as 'calls'], c.row))) {
        ws.send(JSON.stringify({ type: 'poke' }));
        n++;
      }
    }
    return n;
  }

  /** A commit on another server whose keys did not fit its notice: everyone who holds rows of these tables. */
  pokeTables(tables: readonly string[]): number {
    let n = 0;
    for (const [ws, { actor }] of this.sockets) {
      const scope = syncScopeOf(actor);
      if (tables.some((t) => t in scope && scope[t as 'calls'].kind !== 'none')) {
        ws.send(JSON.stringify({ type: 'poke' }));
        n++;
      }
    }
    return n;
  }

  /** After notices may have been missed: every desk pulls once and finds what changed. */
  pokeAll(): number {
    for (const ws of this.sockets.keys()) ws.send(JSON.stringify({ type: 'poke' }));
    return this.sockets.size;
  }

  /** Closes every socket opened with one of these (revoked) tokens; how many it closed. */
  closeTokens(tokenHashes: Iterable<string>): number {
    const gone = new Set(tokenHashes);
    if (gone.size === 0) return 0;
    let n = 0;
    for (const [ws, l] of [...this.sockets]) {
      if (!gone.has(l.tokenHash)) continue;
      this.close(ws, CLOSE_REVOKED, 'token revoked');
      n++;
    }
    return n;
  }

  /** Out of the hub at once (no more pokes); the close handshake, then a hard stop if the peer never answers. */
  private close(ws: WebSocket, code: number, reason: string): void {
    this.sockets.delete(ws);
    ws.close(code, reason);
    setTimeout(() => ws.terminate(), 5_000).unref();
  }

  closeAll(): void {
    for (const ws of this.sockets.keys()) ws.terminate();
    this.sockets.clear();
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Open sockets per token hash (tests, monitoring). */
  countFor(tokenHash: string): number {
    let n = 0;
    for (const l of this.sockets.values()) if (l.tokenHash === tokenHash) n++;
    return n;
  }
}
