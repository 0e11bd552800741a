import type { WebSocket } from 'ws';
import type { Actor } from '../../shared/auth/roles';
import { rowInScope, syncScopeOf } from '../../shared/sync/scope';
import type { Row } from '../../db/sync/synced-tables';

/** Connected desks, each with the identity it authenticated as; poked when a commit touches their scope. */
export class PokeHub {
  private readonly sockets = new Map<WebSocket, Actor>();

  add(ws: WebSocket, actor: Actor): void {
    this.sockets.set(ws, actor);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('error', () => this.sockets.delete(ws));
  }

  pokeFor(changes: { table: string; row: Row }[]): number {
    let n = 0;
    for (const [ws, actor] of this.sockets) {
      const scope = syncScopeOf(actor);
      if (changes.some((c) => c.table in scope && rowInScope(scope[c.table as 'calls'], c.row))) {
        ws.send(JSON.stringify({ type: 'poke' }));
        n++;
      }
    }
    return n;
  }

  closeAll(): void {
    for (const ws of this.sockets.keys()) ws.terminate();
    this.sockets.clear();
  }

  get size(): number {
    return this.sockets.size;
  }
}
