import type { LocalNames } from '../i18n/local-names';
import type { Person, PeopleQuery } from './schemas';

export interface OrgPort {
  people(): Promise<Person[]>;
  /** One page of the people list: the filters' matches ordered by (team, username), after the cursor, at most `limit`. */
  peoplePage(o: PeopleQuery): Promise<Person[]>;
  person(userId: string): Promise<Person | null>;
  teamExists(teamId: string): Promise<boolean>;
  teams(): Promise<{ id: string; name: string; names: LocalNames }[]>;
  updatePerson(p: Omit<Person, 'username'>): Promise<void>;
  putTeam(t: { id: string; name: string; names: LocalNames; createdAt: string }): Promise<void>;
}
