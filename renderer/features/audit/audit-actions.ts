import { api, type MethodName } from '../../../shared/api/table';

/** What the audit log records: every method the table marks `audit`, and sign-ins (recorded by the HTTP layer). */
export const AUDITED_ACTIONS: readonly string[] = ['session.login', ...(Object.keys(api) as MethodName[]).filter((m) => api[m].audit)];
