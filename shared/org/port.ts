import type { Person } from './schemas';

export interface OrgPort {
  people(): Promise<Person[]>;
  person(userId: string): Promise<Person | null>;
  teamExists(teamId: string): Promise<boolean>;
  teams(): Promise<{ id: string; name: string }[]>;
  updatePerson(p: Omit<Person, 'username'>): Promise<void>;
  putTeam(t: { id: string; name: string; createdAt: string }): Promise<void>;
}
