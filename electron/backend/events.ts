/** What the backend tells screens after a commit, so they refresh without polling. */
export interface DeskEvent {
  type: 'changed';
  method: string;
  tables: readonly string[];
}

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
