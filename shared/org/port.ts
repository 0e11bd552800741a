import type { LocalNames } from '../i18n/local-names';
import type { Person } from './schemas';

export interface OrgPort {
  people(): Promise<Person[]>;
  person(userId: string): Promise<Person | null>;
  teamExists(teamId: string): Promise<boolean>;
  teams(): Promise<{ id: string; name: string; names: LocalNames }[]>;
  updatePerson(p: Omit<Person, 'username'>): Promise<void>;
  putTeam(t: { id: string; name: string; names: LocalNames; createdAt: string }): Promise<void>;
}
