import { ROLES, type Role } from '../auth/roles';
import { JOB_TYPES, NewPersonSchema, type NewPerson } from './schemas';

/** Columns of a people file, in order. The header row (row 1) names them in any language and is not read. */
export const PEOPLE_COLUMNS = ['username', 'displayName', 'role', 'teamId', 'jobType', 'skillLevel', 'seat', 'active'] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

export interface PeopleImportIssue {
  /** 1-based, header = row 1. */
  row: number;
  column: number;
  code: 'err.formula' | 'err.unknownRole' | 'err.unknownJobType' | 'err.unknownTeam' | 'err.skillLevel' | 'err.activeFlag' | 'err.username' | 'err.required' | 'err.teamRequired' | 'err.duplicatePerson' | 'err.badValue';
  value: string;
}

/** Words people write in a file for each value, in every UI language (the renderer builds these from its catalogues). */
export interface PeopleVocabulary {
  roles: ReadonlyMap<string, Role>;
  jobTypes: ReadonlyMap<string, (typeof JOB_TYPES)[number]>;
  yes: ReadonlySet<string>;
  no: ReadonlySet<string>;
}

const isFormula = (v: string) => /^[=+@]/.test(v) || /^-[^\d]/.test(v);
const norm = (v: string) => v.trim().toLowerCase();

/** Every problem by row and column, or the people to send: a file with any problem sends nothing. */
export function planPeopleImport(rows: readonly (readonly string[])[], o: { teams: readonly { id: string; name: string }[]; words: PeopleVocabulary }): { people: NewPerson[]; issues: PeopleImportIssue[] } {
  const people: NewPerson[] = [];
  const issues: PeopleImportIssue[] = [];
  const seen = new Set<string>();
  const teamByWord = new Map(o.teams.flatMap((t) => [[norm(t.id), t.id] as const, [norm(t.name), t.id] as const]));
  const col = (c: PeopleColumn) => PEOPLE_COLUMNS.indexOf(c) + 1;
  rows.slice(1).forEach((raw, i) => {
    const row = i + 2;
    const cells = PEOPLE_COLUMNS.map((_, c) => (raw[c] ?? '').trim());
    if (cells.every((c) => !c)) return;
    const problems: PeopleImportIssue[] = [];
    const issue = (c: PeopleColumn, code: PeopleImportIssue['code']) => problems.push({ row, column: col(c), code, value: cells[col(c) - 1]! });
    cells.forEach((v, c) => isFormula(v) && issue(PEOPLE_COLUMNS[c]!, 'err.formula'));
    if (problems.length) return void issues.push(...problems);
    const [username, displayName, roleWord, teamWord, jobWord, skill, seat, activeWord] = cells as [string, string, string, string, string, string, string, string];
    const role = ROLES.find((r) => r === norm(roleWord)) ?? o.words.roles.get(norm(roleWord));
    if (!role) issue('role', 'err.unknownRole');
    const teamId = teamWord ? teamByWord.get(norm(teamWord)) : null;
    if (teamId === undefined) issue('teamId', 'err.unknownTeam');
    const jobType = jobWord ? (JOB_TYPES.find((j) => j === norm(jobWord)) ?? o.words.jobTypes.get(norm(jobWord))) : 'voice';
    if (!jobType) issue('jobType', 'err.unknownJobType');
    const skillLevel = skill ? Number(skill) : 1;
    if (!Number.isInteger(skillLevel) || skillLevel < 1 || skillLevel > 10) issue('skillLevel', 'err.skillLevel');
    const active = !activeWord || o.words.yes.has(norm(activeWord)) ? true : o.words.no.has(norm(activeWord)) ? false : null;
    if (active === null) issue('active', 'err.activeFlag');
    if (problems.length) return void issues.push(...problems);
    const parsed = NewPersonSchema.safeParse({ username, displayName, role, teamId, jobType, skillLevel, seat, active });
    if (!parsed.success) {
      for (const z of parsed.error.issues) {
        const field = String(z.path[0] ?? 'username') as PeopleColumn;
        const known: PeopleImportIssue['code'][] = ['err.username', 'err.required', 'err.teamRequired'];
        issue(PEOPLE_COLUMNS.includes(field) ? field : 'username', known.includes(z.message as PeopleImportIssue['code']) ? (z.message as PeopleImportIssue['code']) : 'err.badValue');
      }
      return void issues.push(...problems);
    }
    if (seen.has(parsed.data.username)) return void issues.push({ row, column: 1, code: 'err.duplicatePerson', value: username });
    seen.add(parsed.data.username);
    people.push(parsed.data);
  });
  return { people, issues };
}
