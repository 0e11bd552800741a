import type { AuditEntry, AuditFilter } from './schemas';
import type { z } from 'zod';
import type { AuditVerdictSchema } from './schemas';

/** The audit log as handlers read it; appends happen in the hosts' commit paths (db/audit/chain.ts). */
export interface AuditPort {
  list(filter: AuditFilter): Promise<AuditEntry[]>;
  /** Recomputes every hash held here in order and checks each entry links to the one before. */
  verify(): Promise<z.infer<typeof AuditVerdictSchema>>;
}
