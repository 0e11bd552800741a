import { ROLES } from '../../../shared/auth/roles';
import { JOB_TYPES } from '../../../shared/org/schemas';
import type { PeopleVocabulary } from '../../../shared/org/people-import';
import { CATALOGUES, LOCALES } from '../../i18n/catalogues';

const lower = (s: string) => s.trim().toLowerCase();

/** What a people file may say for roles, job types and yes/no: the words of every UI language, so a file
 * written on a zh-TW desk imports on a zh-CN one. */
export function peopleVocabulary(): PeopleVocabulary {
  const cats = LOCALES.map((l) => CATALOGUES[l]);
  return {
    roles: new Map(ROLES.flatMap((r) => cats.map((c) => [lower(c[`role.${r}`]), r] as const))),
    jobTypes: new Map(JOB_TYPES.flatMap((j) => cats.map((c) => [lower(c[`jobType.${j}`]), j] as const))),
    yes: new Set(['1', 'true', 'y', ...cats.map((c) => lower(c['people.yes']))]),
    no: new Set(['0', 'false', 'n', ...cats.map((c) => lower(c['people.no']))]),
  };
}
