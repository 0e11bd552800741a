/** What the backend tells screens after a commit, so they refresh without polling. */
export interface DeskEvent {
  type: 'changed';
  method: string;
  tables: readonly string[];
}
