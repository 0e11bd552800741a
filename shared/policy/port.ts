import type { PolicyVersion } from './schema';

export interface PolicyPort {
  /** The version in force on a date (the latest effective on or before it), or null if none is. */
  at(date: string): Promise<PolicyVersion | null>;
  list(): Promise<PolicyVersion[]>;
  insert(v: Omit<PolicyVersion, 'createdByName'>): Promise<void>;
}
