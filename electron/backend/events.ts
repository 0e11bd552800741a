import type { DeskEvent } from '../../shared/api/events';

export type { DeskEvent };

type Listener = (e: DeskEvent) => void;

export class DeskEvents {
  private readonly listeners = new Set<Listener>();
  on(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  emit(e: DeskEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        console.error('desk event listener failed', err);
      }
    }
  }
}
